import { detCos, detSin } from './detTrig';
import { EngineError, checkFinite, checkInteger } from './errors';
import { type Matrix, zeros } from './matrix';
import { type Rng, createRng, permutation, shuffleInPlace } from './rng';
import { DEFAULT_NOISE, type Dataset2DName } from './choices';

/**
 * A labelled dataset: x [n × d] (rows are samples) and one integer label in [0, classes) per row.
 * The 2-D generators below make them from a seed; any other set (Fashion-MNIST [n × 784], …)
 * works with the trainer once it passes `checkDataset`.
 */
export interface Dataset {
  readonly x: Matrix;
  readonly y: Int32Array;
  readonly classes: number;
}

export type { Dataset2DName };
export const DATASETS_2D: readonly Dataset2DName[] = ['spiral', 'circles', 'gaussians', 'xor', 'moons'];

export { DEFAULT_NOISE };

export interface Dataset2DOptions {
  name: Dataset2DName;
  /** Number of samples n (≥ classes); classes are balanced (sizes differ by at most 1). */
  n: number;
  seed: number;
  /** Std of Gaussian noise added to both coordinates (≥ 0). Default DEFAULT_NOISE[name]. */
  noise?: number;
  /** Number of classes (spiral only, 2–10; default 3). The others have 2. */
  classes?: number;
}

/** Throws unless x has one finite row per label and every label is an integer in [0, classes). */
export function checkDataset(data: Dataset, what = 'dataset'): void {
  const { x, y, classes } = data;
  if (!Number.isInteger(classes) || classes < 2) throw new EngineError('dataset', `${what} needs at least 2 classes, got ${classes}`);
  if (x.rows !== y.length) throw new EngineError('shape', `${what} has ${x.rows} rows but ${y.length} labels`);
  if (x.data.length !== x.rows * x.cols) throw new EngineError('shape', `${what} x data does not match [${x.rows} × ${x.cols}]`);
  for (let i = 0; i < y.length; i++) {
    if (!(y[i] >= 0 && y[i] < classes)) throw new EngineError('label', `${what} label ${i} is ${y[i]}, expected an integer in [0, ${classes - 1}]`);
  }
  for (let i = 0; i < x.data.length; i++) {
    if (!Number.isFinite(x.data[i])) {
      throw new EngineError('dataset', `${what} has a non-finite value at row ${Math.floor(i / x.cols)}, column ${i % x.cols}`);
    }
  }
}

type Point = (label: number, t: number, rng: Rng) => [number, number];

/** Each generator maps (class k, position t ∈ [0, 1) along the class, rng) to a clean point. */
function generator(name: Dataset2DName, classes: number): Point {
  switch (name) {
    case 'spiral':
      // CS231n's spiral: arm k sweeps 4 radians from angle 2πk/K while the radius grows 0 → 1.
      return (k, t) => {
        const angle = (2 * Math.PI * k) / classes + 4 * t;
        return [t * detSin(angle), t * detCos(angle)];
      };
    case 'circles':
      // sklearn's make_circles(factor = 0.5): class 0 on the unit circle, class 1 on radius 0.5.
      return (k, t) => {
        const r = k === 0 ? 1 : 0.5, a = 2 * Math.PI * t;
        return [r * detCos(a), r * detSin(a)];
      };
    case 'gaussians':
      // Two blobs centred at (−1, −1) and (1, 1); the noise is their standard deviation.
      return (k) => (k === 0 ? [-1, -1] : [1, 1]);
    case 'xor':
      // Uniform on [−1, 1]²: class 0 where x₁ and x₂ have the same sign, class 1 where they differ.
      return (k, _t, rng) => {
        const s = rng.uniform() < 0.5 ? 1 : -1;
        const a = s * rng.uniform(), b = s * rng.uniform();
        return k === 0 ? [a, b] : [a, -b];
      };
    case 'moons':
      // sklearn's make_moons, centred on the origin.
      return (k, t) => {
        const a = Math.PI * t;
        return k === 0 ? [detCos(a) - 0.5, detSin(a) - 0.25] : [0.5 - detCos(a), 0.25 - detSin(a)];
      };
    default:
      throw new EngineError('dataset', `unknown dataset "${String(name)}", expected one of ${DATASETS_2D.join(', ')}`);
  }
}

/**
 * A seeded 2-D classification set, rows shuffled: x [n × 2], y Int32Array(n), classes.
 * Same options ⇒ same numbers, bit for bit.
 */
export function makeDataset2D(options: Dataset2DOptions): Dataset {
  const { name, n, seed } = options;
  if (!DATASETS_2D.includes(name)) throw new EngineError('dataset', `unknown dataset "${String(name)}", expected one of ${DATASETS_2D.join(', ')}`);
  checkFinite('seed', seed);
  const classes = name === 'spiral' ? (options.classes ?? 3) : (options.classes ?? 2);
  checkInteger('number of classes', classes, 2);
  if (name !== 'spiral' && classes !== 2) throw new EngineError('dataset', `${name} has 2 classes, got ${classes}`);
  if (classes > 10) throw new EngineError('dataset', `spiral supports at most 10 classes, got ${classes}`);
  checkInteger('number of samples n', n, classes);
  const noise = options.noise ?? DEFAULT_NOISE[name];
  checkFinite('noise', noise, 0);
  const rng = createRng(seed);
  const point = generator(name, classes);
  const x = zeros(n, 2);
  const y = new Int32Array(n);
  let row = 0;
  for (let k = 0; k < classes; k++) {
    const size = Math.floor(n / classes) + (k < n % classes ? 1 : 0);
    for (let i = 0; i < size; i++, row++) {
      const [a, b] = point(k, i / size, rng);
      x.data[2 * row] = a + noise * rng.gaussian();
      x.data[2 * row + 1] = b + noise * rng.gaussian();
      y[row] = k;
    }
  }
  return selectRows({ x, y, classes }, permutation(n, rng));
}

/** The rows `indices` of a dataset, in that order (a copy). */
export function selectRows(data: Dataset, indices: ArrayLike<number>): Dataset {
  const d = data.x.cols;
  const x = zeros(indices.length, d);
  const y = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    if (!Number.isInteger(r) || r < 0 || r >= data.x.rows) throw new EngineError('shape', `row index ${r} is outside [0, ${data.x.rows})`);
    x.data.set(data.x.data.subarray(r * d, (r + 1) * d), i * d);
    y[i] = data.y[r];
  }
  return { x, y, classes: data.classes };
}

export interface Split {
  readonly train: Dataset;
  readonly test: Dataset;
}

/**
 * A stratified, seeded split: each class contributes round(testFraction · its size) rows to the
 * test set (at least 1 of each when testFraction > 0 and the class has ≥ 2 rows), chosen by a
 * shuffle from `seed`; both parts keep the original row order. testFraction is in [0, 1).
 */
export function splitDataset(data: Dataset, testFraction: number, seed: number): Split {
  checkDataset(data);
  checkFinite('test fraction', testFraction, 0);
  if (testFraction >= 1) throw new EngineError('dataset', `test fraction must be below 1, got ${testFraction}`);
  checkFinite('seed', seed);
  const rng = createRng(seed);
  const isTest = new Uint8Array(data.y.length);
  for (let k = 0; k < data.classes; k++) {
    const rows: number[] = [];
    for (let i = 0; i < data.y.length; i++) if (data.y[i] === k) rows.push(i);
    shuffleInPlace(rows, rng);
    let take = Math.round(testFraction * rows.length);
    if (testFraction > 0 && take === 0 && rows.length >= 2) take = 1;
    if (take === rows.length && rows.length > 0) take = rows.length - 1;
    for (let i = 0; i < take; i++) isTest[rows[i]] = 1;
  }
  const train: number[] = [], test: number[] = [];
  isTest.forEach((t, i) => (t ? test : train).push(i));
  return { train: selectRows(data, train), test: selectRows(data, test) };
}

/** Per-class counts. */
export function classCounts(data: Dataset): Int32Array {
  const c = new Int32Array(data.classes);
  for (let i = 0; i < data.y.length; i++) c[data.y[i]]++;
  return c;
}

export interface Bounds2D {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/**
 * The bounding box of the first two columns of x [n × ≥2], widened on each side by `padding` times
 * its extent (a zero extent is widened by `padding` itself): the area a decision-boundary map covers.
 */
export function datasetBounds(x: Matrix, padding = 0.1): Bounds2D {
  if (x.cols < 2 || x.rows < 1) throw new EngineError('shape', `bounds need at least one row of 2 columns, got [${x.rows} × ${x.cols}]`);
  checkFinite('padding', padding, 0);
  let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
  for (let i = 0; i < x.rows; i++) {
    const a = x.data[i * x.cols], b = x.data[i * x.cols + 1];
    xMin = Math.min(xMin, a);
    xMax = Math.max(xMax, a);
    yMin = Math.min(yMin, b);
    yMax = Math.max(yMax, b);
  }
  const px = (xMax - xMin || 1) * padding, py = (yMax - yMin || 1) * padding;
  return { xMin: xMin - px, xMax: xMax + px, yMin: yMin - py, yMax: yMax + py };
}

/**
 * A regular grid over [xMin, xMax] × [yMin, yMax] with `resolution` points per side, as a
 * [resolution² × 2] matrix in row-major order (x varies fastest): the input of a decision-boundary map.
 */
export function grid2D(xMin: number, xMax: number, yMin: number, yMax: number, resolution: number): Matrix {
  for (const [name, v] of [['xMin', xMin], ['xMax', xMax], ['yMin', yMin], ['yMax', yMax]] as const) checkFinite(name, v);
  checkInteger('grid resolution', resolution, 2);
  const g = zeros(resolution * resolution, 2);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const i = r * resolution + c;
      g.data[2 * i] = xMin + ((xMax - xMin) * c) / (resolution - 1);
      g.data[2 * i + 1] = yMin + ((yMax - yMin) * r) / (resolution - 1);
    }
  }
  return g;
}
