import { Notice } from '../../ui/Notice';
import type { NormalizationStatus } from './normalizeStatus';
import { fmt } from '../../ui/format';

interface Props {
  status: NormalizationStatus;
  variance: number;
  eps: number;
  beta: number;
}

/** Section 6 in words: what the division did for this batch and ε, including 0/0. */
export function NormalizeStatus({ status, variance, eps, beta }: Props) {
  switch (status.kind) {
    case 'undefined':
      return (
        <Notice tone="warn" title="Zₙₒᵣₘ is undefined: 0 divided by 0" testId="normalize-status">
          <p>
            Every point has the same value, so σ² = 0, and ε = 0: each Zₙₒᵣₘ is (zᵢ − μ)/√(0 + 0) = 0/0, which has no value.
            This is exactly what ε is for — raise it above 0 and every Zₙₒᵣₘ becomes 0 (and Z̃ becomes β).
          </p>
        </Notice>
      );
    case 'noise':
      return (
        <Notice tone="warn" title="Dividing rounding noise by rounding noise" testId="normalize-status">
          <p>
            The points are (almost) equal, yet σ² = {fmt(variance, 2)} is not 0: the mean was rounded, and zᵢ − μ is rounding
            error of about 10⁻¹⁶. With ε = {fmt(eps, 2)} smaller still, Zₙₒᵣₘ blows that noise up to values near ±1 — meaningless
            numbers with a perfect-looking standard deviation. A real ε (10⁻⁵) would send them to 0.
          </p>
        </Notice>
      );
    case 'flat':
      return (
        <Notice title="No spread: Zₙₒᵣₘ is 0, Z̃ is β" testId="normalize-status">
          <p>
            σ² = {fmt(variance, 2)}, so ε = {fmt(eps, 2)} carries the division: (zᵢ − μ)/√ε = 0 for every sample, and the output Z̃
            is just β = {fmt(beta, 3)}. Without ε this would be 0/0.
          </p>
        </Notice>
      );
    case 'eps-dominates':
      return (
        <Notice title="ε is not small next to σ²" testId="normalize-status">
          <p>
            With σ² = {fmt(variance, 3)} and ε = {fmt(eps, 3)}, the spread of Z<sub>norm</sub> is σ/√(σ² + ε) = {fmt(status.stdNorm, 4)}, not 1.
            ε is meant to be negligible; here it visibly shrinks the output (section 14 shows the same effect for tiny weights).
          </p>
        </Notice>
      );
    default:
      return (
        <p className="bn-hint" data-testid="normalize-status">
          {eps === 0 ? (
            <>
              ε = 0: nothing is added to σ² = {fmt(variance, 3)}, so Z<sub>norm</sub> has mean 0 and standard deviation exactly{' '}
              {fmt(status.stdNorm, 6)} — and a batch with no spread would divide 0 by 0.
            </>
          ) : (
            <>
              ε = {fmt(eps, 2)} is {eps / variance < 1e-3 ? 'tiny' : 'small'} next to σ² = {fmt(variance, 3)}: Z<sub>norm</sub> has mean 0
              and standard deviation {fmt(status.stdNorm, 6)}{eps / variance < 1e-3 ? '' : ', a little under 1'}.
            </>
          )}
        </p>
      );
  }
}
