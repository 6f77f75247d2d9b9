import type { ReactNode } from 'react';
import './NumberTable.css';
import { fmt } from './format';

export interface NumberRow {
  /** Row header as HTML text (not KaTeX: a header must have readable text), e.g. <var>z</var><sub>i</sub>. */
  label: ReactNode;
  values: ArrayLike<number>;
  digits?: number;
  tone?: 'z' | 'centered' | 'var' | 'norm' | 'out';
  testId?: string;
}

interface Props {
  caption: string;
  rows: readonly NumberRow[];
}

/**
 * The batch as the notes write it: one row per quantity, one column per sample i = 1…m.
 * Scrolls sideways on narrow screens (focusable, so the keyboard can scroll it too).
 */
export function NumberTable({ caption, rows }: Props) {
  const m = rows[0]?.values.length ?? 0;
  return (
    <div className="numbers-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="numbers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">i</th>
            {Array.from({ length: m }, (_, i) => (
              <th key={i} scope="col">
                {i + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={k} className={r.tone ? `row-${r.tone}` : undefined} data-testid={r.testId}>
              <th scope="row">{r.label}</th>
              {Array.from(r.values, (v, i) => (
                <td key={i} className="num">
                  {fmt(v, r.digits ?? 3)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
