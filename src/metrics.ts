import type { Dataset } from './datasets';
import type { Param, Model } from './model';
import { type Workspace, createWorkspace, forwardLoss } from './modelPass';

/** Mean loss and accuracy of a model on a whole dataset. */
export interface Evaluation {
  /** Mean softmax cross-entropy (may be non-finite for a diverged model). */
  readonly loss: number;
  /** Fraction of rows whose arg-max class equals the label, in [0, 1]. */
  readonly accuracy: number;
}

/**
 * Loss and accuracy on `data` in eval mode (running BN statistics), in one batch. Reuses `ws`
 * (keep one per dataset size to avoid reallocating). Does not modify the model.
 */
export function evaluate(model: Model, data: Dataset, ws: Workspace = createWorkspace()): Evaluation {
  const ce = forwardLoss(model, data.x, data.y, ws, { mode: 'eval' });
  return { loss: ce.loss, accuracy: ce.correct / data.x.rows };
}

/** ‖a‖₂ (the Frobenius norm when `a` holds a matrix). */
export function l2Norm(a: ArrayLike<number>): number {
  // Scaled sum of squares, so huge (but finite) gradients do not overflow to Infinity.
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}

/** The name of the first parameter holding a NaN or ±Infinity, or null when all are finite. */
export function firstNonFiniteParam(ps: readonly Param[]): string | null {
  for (const p of ps) {
    const v = p.value;
    for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return p.name;
  }
  return null;
}
