/**
 * Central finite differences, the independent reference for the hand-written backward passes:
 * ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, with truncation error O(h²) and rounding error
 * O(ε_machine·|f|/h); h = 1e-5 balances the two at ≈ 1e-10 for f of order 1.
 */
export function centralDifference(x: Float64Array, i: number, f: () => number, h = 1e-5): number {
  const saved = x[i];
  x[i] = saved + h;
  const plus = f();
  x[i] = saved - h;
  const minus = f();
  x[i] = saved;
  return (plus - minus) / (2 * h);
}

/** The finite-difference gradient of f with respect to every entry of x (x is restored). */
export function numericGradient(x: Float64Array, f: () => number, h = 1e-5): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) g[i] = centralDifference(x, i, f, h);
  return g;
}

/** Largest |a[i] − b[i]|. */
export function maxAbsError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return Number.isNaN(worst) ? Infinity : worst;
}

/** Σᵢ a[i]·b[i]. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
