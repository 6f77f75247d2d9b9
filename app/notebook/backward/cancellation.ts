/** The inputs of the exact ∂L/∂zᵢ of one BN entry: (γ/(m√(σ²+ε)))·(m·g − Σg − ẑ·Σgẑ). */
export interface DzTerms {
  readonly gamma: number;
  readonly m: number;
  readonly variance: number;
  readonly eps: number;
  /** ∂L/∂z̃ of the entry, Σ over the batch (∂L/∂β), ẑ of the entry, Σ g·ẑ (∂L/∂γ). */
  readonly g: number;
  readonly dBeta: number;
  readonly zHat: number;
  readonly dGamma: number;
}

const sig = (x: number, d: number): number => Number(x.toPrecision(d));

/** The formula evaluated on the inputs rounded to d significant digits (ε as given). */
export function dzFromShown(t: DzTerms, d: number): number {
  const scale = sig(t.gamma, d) / (t.m * Math.sqrt(sig(t.variance, d) + t.eps));
  return scale * (t.m * sig(t.g, d) - sig(t.dBeta, d) - sig(t.zHat, d) * sig(t.dGamma, d));
}

/**
 * Significant digits (4 … 12) to print the inputs with, so that the printed inputs give the printed
 * result to 4 significant digits — more when the bracket's terms nearly cancel.
 */
export function digitsToReproduce(t: DzTerms, result: number): number {
  if (result === 0 || !Number.isFinite(result)) return 4;
  const tolerance = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(result))) - 3);
  for (let d = 4; d <= 12; d++) if (Math.abs(dzFromShown(t, d) - result) <= tolerance) return d;
  return 12;
}

/** True when the bracket's result is under a tenth of its largest term: the terms nearly cancel. */
export function termsCancel(t: DzTerms): boolean {
  const terms = [t.m * t.g, t.dBeta, t.zHat * t.dGamma];
  const sum = terms[0] - terms[1] - terms[2];
  return Math.abs(sum) < 0.1 * Math.max(...terms.map(Math.abs));
}

/** x with d significant digits, in the form the TeX builders take (decimals for |x| ≥ 10⁻³). */
export function decimalsFor(x: number, d: number): number {
  if (x === 0 || !Number.isFinite(x)) return d;
  const a = Math.abs(x);
  return a < 1e-3 ? d : Math.max(0, d - 1 - Math.floor(Math.log10(a)));
}
