import { invSigmaGap, maxBatchSum } from '../../../src/notesCheck';
import { Callout } from '../../ui/Callout';
import type { GradKey } from './backwardSteps';
import { fmt } from '../../ui/format';
import type { NotesContext } from '../pass/notesContext';

const e = (x: number) => <strong className="num">{fmt(x, 2)}</strong>;

/** The correction for the current backward step, with the engine's evidence; nothing where the notes are right. */
export function BackwardCallout({ ctx, step }: { ctx: NotesContext; step: GradKey }) {
  const c = ctx.checks, g = ctx.grads, m = ctx.state.batch.x.rows;
  switch (step) {
    case 'dZ2Tilde':
      return (
        <Callout topic="∂L/∂Z̃₂" notes={<>∂L/∂Z̃₂ = A₂ − Y.</>} correct={<>A₂ − Y is right for the loss summed over the batch (Ng&apos;s course writes it so and puts the 1/m into ∂L/∂W and ∂L/∂b); for the loss averaged over the batch, which PyTorch and this engine minimise, it is m times too large: (A₂ − Y)/m.</>}>
          <p className="callout-note">
            Against central differences of the mean loss: (A₂ − Y)/m is off by {e(c.dZ2Tilde.exact)}; A₂ − Y is off by{' '}
            {e(c.dZ2Tilde.notes ?? NaN)}, that is m − 1 = {m - 1}: every entry is m = {m} times too large.
          </p>
        </Callout>
      );
    case 'dGamma2':
    case 'dGamma1': {
      const l = step === 'dGamma2' ? '₂' : '₁';
      return (
        <Callout topic={`∂L/∂γ${l}`} notes={<>∂L/∂γ{l} = ∂L/∂Z̃{l} ∗ Z{l}norm.</>} correct={<>Σᵢ ∂L/∂Z̃{l}⁽ⁱ⁾ ∗ Z{l}norm⁽ⁱ⁾, summed over the batch: γ{l} is one number per neuron, shared by all m samples, so its gradient collects every sample&apos;s contribution. The product alone is a whole matrix.</>}>
          <p className="callout-note">The batch sum against central differences: off by {e(c[step].exact)}.</p>
        </Callout>
      );
    }
    case 'dBeta1':
      return (
        <Callout topic="∂L/∂β₁" notes={<>∂L/∂β₁ = (∂L/∂Z̃₁)(∂Z̃₁/∂β₁), and stop there: no value.</>} correct={<>∂L/∂β₁ = Σᵢ ∂L/∂Z̃₁⁽ⁱ⁾, the batch sum, exactly as for β₂ (∂Z̃/∂β = 1).</>}>
          <p className="callout-note">Against central differences: off by {e(c.dBeta1.exact)}.</p>
        </Callout>
      );
    case 'dZ2':
    case 'dZ1': {
      const l = step === 'dZ2' ? '₂' : '₁';
      const [exact, simple, variance] = step === 'dZ2' ? [g.dZ2, g.dZ2Simplified, ctx.fwd.bn2.variance] : [g.dZ1, g.dZ1Simplified, ctx.fwd.bn1.variance];
      return (
        <Callout
          topic={`∂L/∂Z${l}`}
          notes={<>∂L/∂Z{l} = ∂L/∂Z̃{l} ∗ γ{l} ∗ 1/|σ{l}|.</>}
          correct={
            <>
              In training, μ{l} and σ{l}² are computed from the batch, so every z moves them too. The exact gradient (above) keeps
              those paths; the notes&apos; form (dashed box) treats them as constants, which is right only in eval mode, where σ{l}² is the fixed running variance. And the
              denominator is √(σ{l}² + ε), not |σ{l}|.
            </>
          }
        >
          <ul className="callout-note">
            <li>
              Against central differences: exact off by {e(c[step].exact)}; the notes&apos; form off by {e(c[step].notes ?? NaN)}.
            </li>
            <li>
              Summed over the batch, the exact gradient is 0 for every neuron (largest |Σ| = {e(maxBatchSum(exact))}): shifting all
              z of a neuron together does not change BN&apos;s output. The simplified one is not (largest |Σ| = {e(maxBatchSum(simple))}).
            </li>
            <li>
              1/|σ{l}| instead of 1/√(σ{l}² + ε) changes the factor by at most {e(invSigmaGap(variance, ctx.eps))} (relative) here, with ε ={' '}
              {fmt(ctx.eps, 2)}: small unless σ² is near ε (section 6).
            </li>
          </ul>
        </Callout>
      );
    }
    default:
      return null;
  }
}
