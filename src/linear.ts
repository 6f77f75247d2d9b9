import { EngineError } from './errors';
import { type Matrix, assertShape, ensure, matmul, matmulTransA, matmulTransB, zeros } from './matrix';

/**
 * A fully connected layer z = x · W + b. W is [in × out] so that a batch x [m × in] maps to
 * z [m × out] with rows as samples (the notes write the transpose, Z = W · X, with samples as columns).
 */
export interface Linear {
  readonly inputs: number;
  readonly outputs: number;
  /** Weights, [inputs × outputs]. */
  readonly W: Matrix;
  /** Bias, one per output; null when the layer has none (as before a batch norm). */
  readonly b: Float64Array | null;
}

export function createLinear(inputs: number, outputs: number, bias = true): Linear {
  if (!Number.isInteger(inputs) || !Number.isInteger(outputs) || inputs < 1 || outputs < 1) {
    throw new EngineError('config', `a linear layer needs positive integer sizes, got ${inputs} → ${outputs}`);
  }
  return { inputs, outputs, W: zeros(inputs, outputs), b: bias ? new Float64Array(outputs) : null };
}

/** z = x · W + b. `x` is [m × inputs]; returns [m × outputs]. */
export function linearForward(layer: Linear, x: Matrix, out?: Matrix): Matrix {
  if (x.cols !== layer.inputs) {
    throw new EngineError('shape', `linear layer expects ${layer.inputs} input columns, got [${x.rows} × ${x.cols}]`);
  }
  const z = matmul(x, layer.W, ensure(out, x.rows, layer.outputs));
  const b = layer.b;
  if (b) {
    const Z = z.data, n = layer.outputs;
    for (let i = 0; i < x.rows; i++) for (let j = 0; j < n; j++) Z[i * n + j] += b[j];
  }
  return z;
}

export interface LinearGrads {
  /** ∂L/∂W = xᵀ · dz, [inputs × outputs]. */
  readonly dW: Matrix;
  /** ∂L/∂b = Σᵢ dzᵢ, or null without a bias. */
  readonly db: Float64Array | null;
  /** ∂L/∂x = dz · Wᵀ, [m × inputs]; null when not requested (the first layer). */
  readonly dx: Matrix | null;
}

/**
 * Backward through z = x · W + b. Computes dx only when `needInput` (the first layer does not need it).
 * Reuses `out` buffers when their shapes fit (overwriting them), and returns `out` itself when all fit.
 */
export function linearBackward(layer: Linear, x: Matrix, dz: Matrix, needInput = true, out?: LinearGrads): LinearGrads {
  assertShape('∂L/∂z', dz, x.rows, layer.outputs);
  const dW = matmulTransA(x, dz, out?.dW);
  let db: Float64Array | null = null;
  if (layer.b) {
    db = out?.db && out.db.length === layer.outputs ? out.db : new Float64Array(layer.outputs);
    db.fill(0);
    const DZ = dz.data, n = layer.outputs;
    for (let i = 0; i < dz.rows; i++) for (let j = 0; j < n; j++) db[j] += DZ[i * n + j];
  }
  const dx = needInput ? matmulTransB(dz, layer.W, out?.dx ?? undefined) : null;
  // Hand back `out` itself when every buffer was reused: no allocation in a steady-state step.
  if (out && out.dW === dW && out.db === db && out.dx === dx) return out;
  return { dW, db, dx };
}
