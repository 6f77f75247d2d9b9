/**
 * Slider ranges of sections 2–10. They lie within the URL table's ranges (app/state/slices/*.url.ts),
 * so a value set by a slider always survives a shared link (γ and β go wider there, for the identity undo).
 */
export const RANGES = {
  m: { min: 2, max: 64, step: 1 },
  shift: { min: -10, max: 10, step: 0.1 },
  scale: { min: 0, max: 5, step: 0.05 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  gamma: { min: -3, max: 3, step: 0.05 },
  beta: { min: -5, max: 5, step: 0.05 },
  bias: { min: -10, max: 10, step: 0.1 },
} as const;

/** ε on a log scale: 10⁻¹⁰ … 1 in half-decades, with exactly 0 at the bottom (to show 0/0). */
export const EPS_SCALE = { minExp: -10, maxExp: 0, step: 0.5, zeroBelow: true } as const;

/** Section 5's offset: 1 … 10¹⁰ by decades, with 0 at the bottom. */
export const OFFSET_SCALE = { minExp: 0, maxExp: 10, step: 1, zeroBelow: true } as const;
