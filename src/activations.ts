import { EngineError } from './errors';
import { type Matrix, assertShape, ensure } from './matrix';

export type ActivationName = 'relu' | 'sigmoid' | 'tanh' | 'identity';
export const ACTIVATIONS: readonly ActivationName[] = ['relu', 'sigmoid', 'tanh', 'identity'];

/** a = f(z), elementwise. Writes into `out` when it has the shape. */
export function activationForward(name: ActivationName, z: Matrix, out?: Matrix): Matrix {
  const a = ensure(out, z.rows, z.cols);
  const Z = z.data, A = a.data, len = Z.length;
  switch (name) {
    case 'relu':
      // NaN passes through (NaN > 0 is false), as in PyTorch: a diverged input must not read as 0.
      for (let i = 0; i < len; i++) {
        const x = Z[i];
        A[i] = x > 0 || x !== x ? x : 0;
      }
      break;
    case 'sigmoid':
      for (let i = 0; i < len; i++) {
        const x = Z[i];
        // Stable for large |x|: never exponentiate a large positive number.
        if (x >= 0) A[i] = 1 / (1 + Math.exp(-x));
        else {
          const e = Math.exp(x);
          A[i] = e / (1 + e);
        }
      }
      break;
    case 'tanh':
      for (let i = 0; i < len; i++) A[i] = Math.tanh(Z[i]);
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
      for (let i = 0; i < len; i++) DZ[i] = Z[i] > 0 ? DA[i] : 0;
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
