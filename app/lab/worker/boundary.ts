import type { Dataset } from '../../../src/datasets';
import { type Matrix, zeros } from '../../../src/matrix';
import type { Model } from '../../../src/model';
import { type Workspace, createWorkspace, predict } from '../../../src/modelPass';
import type { BoundaryImage, Extent, LabPoints } from './messages';

/**
 * The decision boundary of a 2-D classifier: the model's prediction (eval mode) at the centre of
 * every cell of a square grid over the data. Worker-side; DOM-free.
 */

/** A square region around every point of the sets, with `margin` (a fraction of the span) on each side. */
export function dataExtent(sets: readonly Dataset[], margin = 0.1): Extent {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const { x } of sets) {
    for (let i = 0; i < x.rows; i++) {
      const a = x.data[2 * i], b = x.data[2 * i + 1];
      x0 = Math.min(x0, a); x1 = Math.max(x1, a);
      y0 = Math.min(y0, b); y1 = Math.max(y1, b);
    }
  }
  if (!Number.isFinite(x0 + x1 + y0 + y1)) return { x0: -1, x1: 1, y0: -1, y1: 1 };
  const half = (Math.max(x1 - x0, y1 - y0, 1e-6) * (1 + 2 * margin)) / 2;
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}

/** Cell centres of a resolution × resolution grid: [resolution² × 2], row-major, first row at the top (y1). */
export function gridPoints(extent: Extent, resolution: number): Matrix {
  const g = zeros(resolution * resolution, 2);
  const dx = (extent.x1 - extent.x0) / resolution, dy = (extent.y1 - extent.y0) / resolution;
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const k = r * resolution + c;
      g.data[2 * k] = extent.x0 + (c + 0.5) * dx;
      g.data[2 * k + 1] = extent.y1 - (r + 0.5) * dy;
    }
  }
  return g;
}

/** A dataset's points in the compact form the page draws. */
export function toPoints(data: Dataset): LabPoints {
  return { xy: Float32Array.from(data.x.data), labels: Uint8Array.from(data.y) };
}

/** The grid of a run and the workspace its predictions reuse. */
export interface BoundaryProbe {
  readonly extent: Extent;
  readonly resolution: number;
  readonly grid: Matrix;
  readonly ws: Workspace;
}

export const createBoundaryProbe = (extent: Extent, resolution: number): BoundaryProbe => ({
  extent,
  resolution,
  grid: gridPoints(extent, resolution),
  ws: createWorkspace(),
});

/** The arg-max class and its probability (0–255) in every cell; null if a probability is not finite. */
export function boundaryImage(model: Model, probe: BoundaryProbe): BoundaryImage | null {
  const probs = predict(model, probe.grid, probe.ws);
  const n = probs.rows, k = probs.cols, p = probs.data;
  const classes = new Uint8Array(n), confidence = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0, top = p[i * k];
    for (let j = 1; j < k; j++) {
      if (p[i * k + j] > top) {
        top = p[i * k + j];
        best = j;
      }
    }
    if (!Number.isFinite(top)) return null;
    classes[i] = best;
    confidence[i] = Math.round(top * 255);
  }
  return { classes, confidence };
}
