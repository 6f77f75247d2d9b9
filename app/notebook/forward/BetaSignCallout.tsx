import { ScrollX } from '../../ui/ScrollX';
import { Callout } from '../../ui/Callout';
import { betaSignRows } from './betaSign';
import type { NotesContext } from '../pass/notesContext';
import { fixed } from '../pass/notesMatrices';

/** The notes' "γ·Zₙₒᵣₘ − β", with the live batch means that show why it must be + β. */
export function BetaSignCallout({ ctx }: { ctx: NotesContext }) {
  const rows = betaSignRows(ctx);
  const fresh = rows.every((r) => r.beta === 0);
  return (
    <Callout
      topic="the sign of β"
      notes={<>Z̃₁norm = γ₁·Z₁norm − β₁ (and the same with − β₂) in the forward pass.</>}
      correct={
        <>
          Z̃ = γ·Zₙₒᵣₘ <strong>+</strong> β, as in the notes&apos; own definition a few lines earlier, the paper and PyTorch. β is
          the new mean: since Zₙₒᵣₘ has batch mean 0, the batch mean of Z̃ is exactly β.
        </>
      }
    >
      <ScrollX label="Batch mean of Z̃₁ with + β and with − β">
        <table className="data-table" aria-label="Batch mean of Z̃₁ with + β and with − β">
          <thead>
            <tr>
              <th scope="col">neuron</th>
              <th scope="col">β₁</th>
              <th scope="col">mean of γ·Zₙₒᵣₘ + β</th>
              <th scope="col">mean with the notes&apos; − β</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, j) => (
              <tr key={j}>
                <th scope="row">{j + 1}</th>
                <td className="num">{fixed(r.beta, 4)}</td>
                <td className="num">{fixed(r.meanPlus, 4)}</td>
                <td className="num">{fixed(r.meanMinus, 4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      <p className="callout-note">
        {fresh
          ? 'At initialisation β = 0, so the sign is invisible: take a few SGD steps (“SGD steps already taken”, in the notebook) and β moves away from 0.'
          : 'After training, β ≠ 0: with + β the mean lands on β; the notes’ − β would put it at −β, and their gradient ∂L/∂β = Σ ∂L/∂Z̃ would then point the wrong way.'}
      </p>
    </Callout>
  );
}
