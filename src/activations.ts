import { detExp, detTanh } from './detMath';
import { EngineError } from './errors';
import { type Matrix, assertShape, ensure } from './matrix';
import { ACTIVATIONS, type ActivationName } from './choices';

/**
 * ReLU's two loops choose between a value and 0 by indexing a two-slot scratch array
 * (slot 0 is always 0) instead of branching: after batch norm the signs are random, a branch
 * is mispredicted about half the time, and the branch-free loops run 2-3 times faster.
 */
const PICK = new Float64Array(2);

/** A[i] = max(Z[i], 0), with NaN passed through as in PyTorch (a diverged input must not read as 0). */
function reluForward(Z: Float64Array, A: Float64Array, len: number): void {
  const pick = PICK;
  for (let i = 0; i < len; i++) {
    const x = Z[i];
    pick[1] = x;
    A[i] = pick[+(x > 0) | +(x !== x)];
  }
}

/** DZ[i] = DA[i] where Z[i] > 0, else 0 (ReLU′(0) = 0, and a NaN input gets no gradient, as in PyTorch). */
function reluBackward(Z: Float64Array, DA: Float64Array, DZ: Float64Array, len: number): void {
  const pick = PICK;
  for (let i = 0; i < len; i++) {
    pick[1] = DA[i];
    DZ[i] = pick[+(Z[i] > 0)];
  }
}

/**
 * A[i] = 1/(1 + e^−x) for x ≥ 0, e^x/(1 + e^x) below (stable for large |x|: never exponentiate a large
 * positive number), with one detExp call, e^−|x|, per element. Sigmoid and tanh each get their own
 * loop function, so V8 inlines detExp (and detTanh) into it instead of calling it per element.
 */
function sigmoidForward(Z: Float64Array, A: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const x = Z[i];
    const e = detExp(-Math.abs(x));
    A[i] = x >= 0 ? 1 / (1 + e) : e / (1 + e);
  }
}

function tanhForward(Z: Float64Array, A: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) A[i] = detTanh(Z[i]);
}

export type { ActivationName };
export { ACTIVATIONS };

/** a = f(z), elementwise. Writes into `out` when it has the shape. */
export function activationForward(name: ActivationName, z: Matrix, out?: Matrix): Matrix {
  const a = ensure(out, z.rows, z.cols);
  const Z = z.data, A = a.data, len = Z.length;
  switch (name) {
    case 'relu':
      reluForward(Z, A, len);
      break;
    case 'sigmoid':
      sigmoidForward(Z, A, len);
      break;
    case 'tanh':
      tanhForward(Z, A, len);
      break;
    case 'identity':
      A.set(Z);
      break;
    default:
      throw new EngineError('config', `unknown activation "${String(name)}"`);
  }
  return a;
}

/**
 * dz = da · f′(z), using the forward input z and output a. (ReLU′(0) is taken as 0, like PyTorch.)
 */
export function activationBackward(name: ActivationName, z: Matrix, a: Matrix, da: Matrix, out?: Matrix): Matrix {
  assertShape('∂L/∂a', da, z.rows, z.cols);
  const dz = ensure(out, z.rows, z.cols);
  const Z = z.data, A = a.data, DA = da.data, DZ = dz.data, len = Z.length;
  switch (name) {
    case 'relu':
      reluBackward(Z, DA, DZ, len);
      break;
    case 'sigmoid':
      for (let i = 0; i < len; i++) DZ[i] = DA[i] * A[i] * (1 - A[i]);
      break;
    case 'tanh':
      for (let i = 0; i < len; i++) DZ[i] = DA[i] * (1 - A[i] * A[i]);
      break;
    case 'identity':
      DZ.set(DA);
      break;
    default:
      throw new EngineError('config', `unknown activation "${String(name)}"`);
  }
  return dz;
}
