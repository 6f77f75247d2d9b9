import { ACTIVATIONS, INITS, OPTIMIZERS } from '../../../src';
import { booleanRow, enumRow, numberRow } from '../url/rows';
import { LAB_DATASETS, LAB_DEFAULTS } from './lab';

/** Bounds of the lab's controls: the URL clamps to the same ranges the controls offer. */
export const LAB_LIMITS = {
  noise: [0, 1],
  depth: [0, 6],
  width: [2, 128],
  lr: [1e-4, 10],
  batch: [2, 256],
  seed: [0, 999_999],
  speed: [0, 1000],
} as const;

const d = LAB_DEFAULTS;
const L = LAB_LIMITS;

/** The training lab's URL rows (see ../url/table.ts), all named lab-…. */
export const LAB_URL = [
  enumRow('labDataset', { param: 'lab-data', default: d.labDataset, values: LAB_DATASETS }),
  numberRow('labNoise', { param: 'lab-noise', default: d.labNoise, min: L.noise[0], max: L.noise[1] }),
  numberRow('labDepth', { param: 'lab-depth', default: d.labDepth, min: L.depth[0], max: L.depth[1], integer: true }),
  numberRow('labWidth', { param: 'lab-width', default: d.labWidth, min: L.width[0], max: L.width[1], integer: true }),
  enumRow('labActivation', { param: 'lab-act', default: d.labActivation, values: ACTIVATIONS }),
  enumRow('labOptimizer', { param: 'lab-opt', default: d.labOptimizer, values: OPTIMIZERS }),
  numberRow('labLr', { param: 'lab-lr', default: d.labLr, min: L.lr[0], max: L.lr[1] }),
  numberRow('labBatch', { param: 'lab-batch', default: d.labBatch, min: L.batch[0], max: L.batch[1], integer: true }),
  enumRow('labBn', { param: 'lab-bn', default: d.labBn, values: ['before', 'after'] }),
  booleanRow('labOutputBn', { param: 'lab-out-bn', default: d.labOutputBn }),
  enumRow('labInit', { param: 'lab-init', default: d.labInit, values: INITS }),
  numberRow('labSeed', { param: 'lab-seed', default: d.labSeed, min: L.seed[0], max: L.seed[1], integer: true }),
  numberRow('labSpeed', { param: 'lab-speed', default: d.labSpeed, min: L.speed[0], max: L.speed[1], integer: true }),
  numberRow('labLayer', { param: 'lab-layer', default: d.labLayer, min: 0, max: L.depth[1], integer: true }),
] as const;

