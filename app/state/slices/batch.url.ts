import { numberRow } from '../url/rows';
import { pointsRow } from '../url/points';

/** Largest batch size m the notebook offers; also bounds the dragged points' indices. */
export const M_MAX = 64;

/** The mini-batch's URL rows (see ../url/table.ts). Ranges match the section sliders (app/notebook/shared/ranges.ts). */
export const BATCH_URL = [
  numberRow('seed', { default: 1, min: 0, max: 2 ** 32 - 1, integer: true }),
  numberRow('m', { default: 8, min: 2, max: M_MAX, integer: true }),
  numberRow('shift', { default: 2, min: -10, max: 10 }),
  numberRow('scale', { default: 1.5, min: 0, max: 5 }),
  numberRow('offset', { default: 1e4, min: 0, max: 1e10 }),
  // The range a dragged point may take (app/ui/points.ts, POINT_MIN/POINT_MAX).
  pointsRow('overrides', { param: 'points', maxIndex: M_MAX - 1, min: -50, max: 50 }),
] as const;
