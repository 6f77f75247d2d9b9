import { activationBackward, activationForward } from './activations';
import { batchNormBackwardSimplified, batchNormForward } from './batchnorm';
import { linearBackward, linearForward } from './linear';
import { softmaxCrossEntropy } from './loss';
import { type Matrix, clone } from './matrix';
import { type NotesBackward, type NotesBatch, type NotesForward, type NotesNetwork, notesForward } from './notesNetwork';

/**
 * Finite-difference evidence for the notes' backward pass: each gradient of `notesBackward` against
 * central differences of the mean loss, and the notes' own forms (A₂ − Y without 1/m, the simplified
 * ∂L/∂Z = ∂L/∂Z̃ · γ/σ) against the same differences, so the notebook can show which is right.
 */

/**
 * Central differences (f(v + h eᵢ) − f(v − h eᵢ)) / 2h for every entry of `v`.
 * Mutates `v` while it runs and restores every entry exactly.
 */
export function centralDifferences(f: () => number, v: Float64Array, h = 1e-5): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const saved = v[i];
    v[i] = saved + h;
    const plus = f();
    v[i] = saved - h;
    const minus = f();
    v[i] = saved;
    out[i] = (plus - minus) / (2 * h);
  }
  return out;
}

/**
 * Normwise relative error max|a − r| / max|r| (r is the reference). When r is all zeros the
 * absolute error is returned, so a zero reference matched exactly gives 0.
 */
export function maxRelativeError(a: ArrayLike<number>, r: ArrayLike<number>): number {
  let diff = 0, scale = 0;
  for (let i = 0; i < r.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - r[i]));
    scale = Math.max(scale, Math.abs(r[i]));
  }
  return scale > 0 ? diff / scale : diff;
}

const lossFromZ2Tilde = (z2Tilde: Matrix, batch: NotesBatch) => softmaxCrossEntropy(z2Tilde, batch.labels).loss;
const lossFromZ2 = (net: NotesNetwork, z2: Matrix, batch: NotesBatch) =>
  lossFromZ2Tilde(batchNormForward(net.bn2, z2, { updateRunningStats: false }).y, batch);
const lossFromZ1 = (net: NotesNetwork, z1: Matrix, batch: NotesBatch) => {
  const a1 = activationForward(net.activation, batchNormForward(net.bn1, z1, { updateRunningStats: false }).y);
  return lossFromZ2(net, linearForward(net.layer2, a1), batch);
};

/** One gradient checked: its central differences, and the relative error of each candidate. */
export interface GradientCheck {
  readonly fd: Float64Array;
  /** Error of the exact (engine) gradient. */
  readonly exact: number;
  /** Error of the notes' form, where the notes differ (else absent). */
  readonly notes?: number;
}

export interface NotesGradientChecks {
  /** ∂L/∂Z̃₂: exact (A₂ − Y)/m; notes A₂ − Y. */
  readonly dZ2Tilde: GradientCheck;
  readonly dGamma2: GradientCheck;
  readonly dBeta2: GradientCheck;
  /** ∂L/∂Z₂: exact; notes = simplified γ/σ from the exact ∂L/∂Z̃₂. */
  readonly dZ2: GradientCheck;
  /** ∂L/∂W₂: exact chain; notes = chain through the simplified ∂L/∂Z₂. */
  readonly dW2: GradientCheck;
  readonly dZ1Tilde: GradientCheck;
  readonly dGamma1: GradientCheck;
  readonly dBeta1: GradientCheck;
  /** ∂L/∂Z₁: exact; notes = simplified γ/σ from the exact ∂L/∂Z̃₁. */
  readonly dZ1: GradientCheck;
  /** ∂L/∂W₁: exact chain; notes = chain through the simplified ∂L/∂Z at both layers. */
  readonly dW1: GradientCheck;
  /** The step h of the central differences. */
  readonly h: number;
}

/** The gradient the chain rule gives for W₁ and W₂ when both BN layers use the simplified ∂L/∂Z. */
export function simplifiedChain(net: NotesNetwork, batch: NotesBatch, fwd: NotesForward, g: NotesBackward): { dW1: Matrix; dW2: Matrix } {
  const lin2 = linearBackward(net.layer2, fwd.a1, g.dZ2Simplified);
  const dZ1Tilde = activationBackward(net.activation, fwd.bn1.y, fwd.a1, lin2.dx as Matrix);
  const dZ1 = batchNormBackwardSimplified(net.bn1, fwd.bn1, dZ1Tilde).dz;
  return { dW1: linearBackward(net.layer1, batch.x, dZ1, false).dW, dW2: lin2.dW };
}

/**
 * Checks every gradient of the notes' backward pass by central differences of the mean loss
 * (about 250 forward passes of the tiny network). `net` is perturbed and restored.
 */
export function checkNotesGradients(net: NotesNetwork, batch: NotesBatch, fwd: NotesForward, g: NotesBackward, h = 1e-5): NotesGradientChecks {
  const m = batch.x.rows;
  const full = () => notesForward(net, batch).loss;
  const z2t = clone(fwd.bn2.y), z2 = clone(fwd.z2), z1 = clone(fwd.z1);
  const fdZ2t = centralDifferences(() => lossFromZ2Tilde(z2t, batch), z2t.data, h);
  const fdZ2 = centralDifferences(() => lossFromZ2(net, z2, batch), z2.data, h);
  const fdZ1 = centralDifferences(() => lossFromZ1(net, z1, batch), z1.data, h);
  const y1 = clone(fwd.bn1.y);
  const fdZ1t = centralDifferences(() => lossFromZ2(net, linearForward(net.layer2, activationForward(net.activation, y1)), batch), y1.data, h);
  const fdW1 = centralDifferences(full, net.layer1.W.data, h);
  const fdW2 = centralDifferences(full, net.layer2.W.data, h);
  const fdG1 = centralDifferences(full, net.bn1.gamma, h);
  const fdB1 = centralDifferences(full, net.bn1.beta, h);
  const fdG2 = centralDifferences(full, net.bn2.gamma, h);
  const fdB2 = centralDifferences(full, net.bn2.beta, h);
  const notesDZ2t = g.dZ2Tilde.data.map((v) => v * m);
  const chain = simplifiedChain(net, batch, fwd, g);
  const check = (fd: Float64Array, exact: ArrayLike<number>, notes?: ArrayLike<number>): GradientCheck =>
    notes ? { fd, exact: maxRelativeError(exact, fd), notes: maxRelativeError(notes, fd) } : { fd, exact: maxRelativeError(exact, fd) };
  return {
    dZ2Tilde: check(fdZ2t, g.dZ2Tilde.data, notesDZ2t),
    dGamma2: check(fdG2, g.dGamma2),
    dBeta2: check(fdB2, g.dBeta2),
    dZ2: check(fdZ2, g.dZ2.data, g.dZ2Simplified.data),
    dW2: check(fdW2, g.dW2.data, chain.dW2.data),
    dZ1Tilde: check(fdZ1t, g.dZ1Tilde.data),
    dGamma1: check(fdG1, g.dGamma1),
    dBeta1: check(fdB1, g.dBeta1),
    dZ1: check(fdZ1, g.dZ1.data, g.dZ1Simplified.data),
    dW1: check(fdW1, g.dW1.data, chain.dW1.data),
    h,
  };
}

/**
 * The notes write 1/|σ| where the engine (and PyTorch) use 1/√(σ² + ε). Largest relative gap
 * |1/|σ| − 1/√(σ²+ε)| / (1/√(σ²+ε)) over the features: √(1 + ε/σ²) − 1; infinite when σ² = 0.
 */
export function invSigmaGap(variance: ArrayLike<number>, eps: number): number {
  let worst = 0;
  for (let j = 0; j < variance.length; j++) {
    const v = variance[j];
    worst = Math.max(worst, v > 0 ? Math.sqrt(1 + eps / v) - 1 : Infinity);
  }
  return worst;
}

/**
 * Largest |Σᵢ dzᵢ| over the features of dz [m × n]. For the exact BN backward it is 0 up to rounding
 * (shifting every z of a feature by the same amount does not change BN's output); for the notes'
 * simplified form it is not.
 */
export function maxBatchSum(dz: Matrix): number {
  let worst = 0;
  for (let j = 0; j < dz.cols; j++) {
    let s = 0;
    for (let i = 0; i < dz.rows; i++) s += dz.data[i * dz.cols + j];
    worst = Math.max(worst, Math.abs(s));
  }
  return worst;
}
