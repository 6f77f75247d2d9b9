import { type Comparison, VARIANTS, type VariantName } from '../../../src/train';
import { type BoundaryProbe, boundaryImage } from './boundary';
import type { BoundaryImage, LabEvent } from './messages';

/**
 * When a run's decision boundaries are redrawn, and the drawing itself: while playing, at most every
 * BOUNDARY_EVERY_MS, and never more than a sixth of the Worker's time however costly a boundary is.
 */

/** The boundary is redrawn at most this often while playing. */
export const BOUNDARY_EVERY_MS = 250;
/**
 * While playing, the Worker trains at least this many times as long as the last boundary took before
 * it draws the next, so boundaries take at most 1 / (1 + 5) ≈ 17 % of its time: two 64 × 64
 * boundaries of a 6 × 128 network cost ~300 ms, fifteen training steps.
 */
export const BOUNDARY_COST_FACTOR = 5;

/** Milliseconds to train between two boundaries drawn while playing, after one that took `costMs`. */
export const boundaryGap = (costMs: number): number => Math.max(BOUNDARY_EVERY_MS, BOUNDARY_COST_FACTOR * costMs);

/** The last boundary: when it was finished (ms) and what it cost (ms). */
export interface BoundaryTiming {
  readonly at: number;
  readonly cost: number;
}

/** A boundary is due at time `t` once the gap its predecessor's cost asks for has passed. */
export const boundaryDue = (t: number, last: BoundaryTiming): boolean => t - last.at >= boundaryGap(last.cost);

export interface BoundaryPainter {
  /** Draws and posts both networks' boundaries (unless already drawn at this step), timing them. */
  paint(): void;
  /** Whether one is due at time `t` (see boundaryDue). */
  due(t: number): boolean;
}

/** The boundaries of run `runId` (none without a probe or an MLP: Fashion-MNIST has no 2-D plane to draw). */
export function createBoundaryPainter(
  runId: number,
  comparison: Comparison | null,
  probe: BoundaryProbe | null,
  post: (event: LabEvent) => void,
  now: () => number,
): BoundaryPainter {
  let last: BoundaryTiming = { at: 0, cost: 0 };
  let drawnStep = -1;
  function paint(): void {
    const start = now();
    last = { ...last, at: start };
    if (!probe || !comparison || drawnStep === comparison.step) return;
    drawnStep = comparison.step;
    const images = { plain: null, bn: null } as Record<VariantName, BoundaryImage | null>;
    for (const v of VARIANTS) {
      const variant = comparison.variants[v];
      images[v] = variant.diverged ? null : boundaryImage(variant.model, probe);
    }
    post({ type: 'boundary', runId, step: comparison.step, resolution: probe.resolution, extent: probe.extent, images });
    const end = now();
    last = { at: end, cost: end - start };
  }
  return { paint, due: (t) => boundaryDue(t, last) };
}
