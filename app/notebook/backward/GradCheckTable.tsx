import { ScrollX } from '../../ui/ScrollX';
import type { GradKey } from './backwardSteps';
import { type CheckRow, checkRows } from './gradChecks';
import type { NotesContext } from '../pass/notesContext';

const Verdict = ({ ok }: { ok: boolean }) => (ok ? <span className="good">✓ agrees</span> : <span className="bad">✗ wrong</span>);

/** Every gradient against central differences: the engine's exact form and the notes' form. */
export function GradCheckTable({ ctx, current }: { ctx: NotesContext; current: GradKey }) {
  const rows: CheckRow[] = checkRows(ctx);
  return (
    <>
      <p className="table-note">
        Each gradient against central differences of the mean loss (h = {ctx.checks.h}): the largest error, relative to the largest
        entry. ✗ marks a relative error above 10⁻⁶.
      </p>
      <ScrollX label="Table of gradients against central differences">
        <table className="data-table grad-table" aria-label="Gradients against central differences">
          <thead>
            <tr>
              <th scope="col">gradient</th>
              <th scope="col">engine (exact): relative error</th>
              <th scope="col">what the notes write</th>
              <th scope="col">notes&apos; form: relative error</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.key === current ? 'current' : undefined} data-testid={`check-${r.key}`}>
                <th scope="row">{r.name}</th>
                <td className="num">
                  {r.exact} <Verdict ok={r.exactOk} />
                </td>
                <td className="notes-form">{r.notesForm}</td>
                <td className="num">
                  {r.notes !== null ? (
                    <>
                      {r.notes} <Verdict ok={r.notesOk === true} />
                    </>
                  ) : r.notesShape !== null ? (
                    <>
                      {r.notesShape} <span className="bad">✗ wrong shape</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </>
  );
}
