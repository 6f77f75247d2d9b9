/** x rounded to d decimals, as a number. */
const round = (x: number, d: number): number => Number(x.toFixed(d));

/**
 * Decimals for section 6's substituted fraction (z₁ − μ)/√(σ² + ε) = centred/std = Zₙₒᵣₘ,₁, chosen so
 * that the printed parts give the printed results: the printed z₁ minus the printed μ is the printed
 * centred value, and the printed centred value over the printed std is the printed result (at `resultDigits`).
 * The smallest d in 3 … 8 that works; 8 if none does.
 */
export function substitutionDigits(z0: number, mu: number, std: number, zNorm: number, resultDigits = 4): number {
  for (let d = 3; d <= 8; d++) {
    const centred = round(z0 - mu, d);
    const differenceOk = round(round(z0, d) - round(mu, d), d) === centred;
    const quotientOk = !Number.isFinite(zNorm) || round(centred / round(std, d + 1), resultDigits) === round(zNorm, resultDigits);
    if (differenceOk && quotientOk) return d;
  }
  return 8;
}
