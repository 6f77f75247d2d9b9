import { type ActivationName, activationBackward, activationForward } from './activations';
import { type BatchNorm, type BatchNormForward, batchNormBackward, batchNormBackwardSimplified, batchNormForward, createBatchNorm } from './batchnorm';
import { detCos, detSin } from './detTrig';
import { EngineError, checkFinite, checkInteger } from './errors';
import { type Linear, createLinear, linearBackward, linearForward } from './linear';
import { softmaxCrossEntropy } from './loss';
import { type Matrix, ensure, zeros } from './matrix';
import { createRng } from './rng';

/**
 * The 2-layer network of the lecture notes, X → W₁ → BN → ReLU → W₂ → BN → softmax → CCE, on a tiny
 * fixed batch, with every intermediate kept so the notebook can show each equation with its numbers.
 * Engine orientation: rows are samples ([m × n]); the notes write the transpose (neurons × m).
 * Linear layers have no bias: BN cancels it (section 9), and the notes drop it. The hidden activation
 * is ReLU as in the notes, or — "any other activation, given a slight change to the derivation" —
 * sigmoid or tanh: only the factor f′(Z̃₁) of ∂L/∂Z̃₁ changes.
 */
export const NOTES_INPUTS = 2;
export const NOTES_HIDDEN = 4;
export const NOTES_CLASSES = 3;
export const NOTES_BATCH = 6;
export const NOTES_SEED = 11;
/** Learning rate of the SGD steps the notebook lets the reader take on the tiny batch. */
export const NOTES_LEARNING_RATE = 0.5;
/** The hidden activations the notes' network can use. */
export type NotesActivation = Extract<ActivationName, 'relu' | 'sigmoid' | 'tanh'>;
export const NOTES_ACTIVATIONS: readonly NotesActivation[] = ['relu', 'sigmoid', 'tanh'];

export interface NotesBatch {
  /** Inputs X, [m × 2]. */
  readonly x: Matrix;
  /** Class of each sample, in 0..2. */
  readonly labels: Int32Array;
}

export interface NotesNetwork {
  /** f in A₁ = f(Z̃₁). */
  readonly activation: NotesActivation;
  readonly layer1: Linear;
  readonly bn1: BatchNorm;
  readonly layer2: Linear;
  readonly bn2: BatchNorm;
}

/**
 * m = 6 points in the plane, two per class, around three centres 120° apart (seeded).
 * Labels are [0, 1, 2, 0, 1, 2].
 */
export function notesBatch(seed = NOTES_SEED): NotesBatch {
  const rng = createRng(seed);
  const x = zeros(NOTES_BATCH, NOTES_INPUTS);
  const labels = new Int32Array(NOTES_BATCH);
  for (let i = 0; i < NOTES_BATCH; i++) {
    const c = i % NOTES_CLASSES;
    const angle = (2 * Math.PI * c) / NOTES_CLASSES;
    x.data[i * 2] = 2 * detCos(angle) + 0.6 * rng.gaussian();
    x.data[i * 2 + 1] = 2 * detSin(angle) + 0.6 * rng.gaussian();
    labels[i] = c;
  }
  return { x, labels };
}

/** He-initialised weights (seeded), γ = 1, β = 0, no biases; the same weights for every activation. */
export function createNotesNetwork(seed = NOTES_SEED, eps?: number, activation: NotesActivation = 'relu'): NotesNetwork {
  if (!NOTES_ACTIVATIONS.includes(activation)) throw new EngineError('config', `the notes' network uses ReLU, sigmoid or tanh, not "${String(activation)}"`);
  const rng = createRng(seed + 1);
  const layer1 = createLinear(NOTES_INPUTS, NOTES_HIDDEN, false);
  const layer2 = createLinear(NOTES_HIDDEN, NOTES_CLASSES, false);
  for (const layer of [layer1, layer2]) {
    const s = Math.sqrt(2 / layer.inputs);
    for (let i = 0; i < layer.W.data.length; i++) layer.W.data[i] = s * rng.gaussian();
  }
  return { activation, layer1, bn1: createBatchNorm(NOTES_HIDDEN, { eps }), layer2, bn2: createBatchNorm(NOTES_CLASSES, { eps }) };
}

/** Every intermediate of the forward pass, in the engine's [m × n] orientation. */
export interface NotesForward {
  readonly z1: Matrix;
  readonly bn1: BatchNormForward;
  readonly a1: Matrix;
  readonly z2: Matrix;
  readonly bn2: BatchNormForward;
  /** Softmax output A₂, [m × 3]. */
  readonly a2: Matrix;
  /** Mean cross-entropy over the batch. */
  readonly loss: number;
  /** Samples whose largest probability is their class. */
  readonly correct: number;
}

/**
 * The forward pass in train mode (batch statistics). Leaves the running statistics alone unless
 * `updateRunningStats` (then it mutates `net.bn1` and `net.bn2`).
 */
export function notesForward(net: NotesNetwork, batch: NotesBatch, updateRunningStats = false): NotesForward {
  const z1 = linearForward(net.layer1, batch.x);
  const bn1 = batchNormForward(net.bn1, z1, { updateRunningStats });
  const a1 = activationForward(net.activation, bn1.y);
  const z2 = linearForward(net.layer2, a1);
  const bn2 = batchNormForward(net.bn2, z2, { updateRunningStats });
  const ce = softmaxCrossEntropy(bn2.y, batch.labels);
  return { z1, bn1, a1, z2, bn2, a2: ce.probs, loss: ce.loss, correct: ce.correct };
}

/** Every gradient of the notes' backward pass, exact, plus the notes' simplified ∂L/∂Z beside it. */
export interface NotesBackward {
  /** ∂L/∂Z̃₂ = (A₂ − Y)/m for the mean loss, [m × 3]. */
  readonly dZ2Tilde: Matrix;
  readonly dGamma2: Float64Array;
  readonly dBeta2: Float64Array;
  /** Exact ∂L/∂Z₂, [m × 3]. */
  readonly dZ2: Matrix;
  /** The notes' ∂L/∂Z̃₂ · γ₂/σ₂ from the same ∂L/∂Z̃₂ (treats μ, σ² as constants). */
  readonly dZ2Simplified: Matrix;
  /** ∂L/∂W₂ in the engine's orientation [4 × 3] (the notes' is its transpose). */
  readonly dW2: Matrix;
  /** ∂L/∂A₁ = ∂L/∂Z₂ · W₂ᵀ, [m × 4]. */
  readonly dA1: Matrix;
  /** ∂L/∂Z̃₁ = ∂L/∂A₁ ∘ f′(Z̃₁) (ReLU′, σ′ = σ(1 − σ) or tanh′ = 1 − tanh²), [m × 4]. */
  readonly dZ1Tilde: Matrix;
  readonly dGamma1: Float64Array;
  readonly dBeta1: Float64Array;
  readonly dZ1: Matrix;
  readonly dZ1Simplified: Matrix;
  /** ∂L/∂W₁, [2 × 4]. */
  readonly dW1: Matrix;
}

/** The exact backward pass of the notes' network (mean loss), with the simplified ∂L/∂Z alongside. */
export function notesBackward(net: NotesNetwork, batch: NotesBatch, fwd: NotesForward): NotesBackward {
  const dZ2Tilde = softmaxCrossEntropy(fwd.bn2.y, batch.labels).dLogits;
  const g2 = batchNormBackward(net.bn2, fwd.bn2, dZ2Tilde);
  const dZ2Simplified = batchNormBackwardSimplified(net.bn2, fwd.bn2, dZ2Tilde).dz;
  const lin2 = linearBackward(net.layer2, fwd.a1, g2.dz);
  const dA1 = lin2.dx as Matrix;
  const dZ1Tilde = activationBackward(net.activation, fwd.bn1.y, fwd.a1, dA1);
  const g1 = batchNormBackward(net.bn1, fwd.bn1, dZ1Tilde);
  const dZ1Simplified = batchNormBackwardSimplified(net.bn1, fwd.bn1, dZ1Tilde).dz;
  const lin1 = linearBackward(net.layer1, batch.x, g1.dz, false);
  return {
    dZ2Tilde,
    dGamma2: g2.dGamma,
    dBeta2: g2.dBeta,
    dZ2: g2.dz,
    dZ2Simplified,
    dW2: lin2.dW,
    dA1,
    dZ1Tilde,
    dGamma1: g1.dGamma,
    dBeta1: g1.dBeta,
    dZ1: g1.dz,
    dZ1Simplified,
    dW1: lin1.dW,
  };
}

/** One plain SGD step on W₁, W₂, γ₁, β₁, γ₂, β₂ with the exact gradients. Mutates `net`. */
export function notesSgdStep(net: NotesNetwork, batch: NotesBatch, lr: number): number {
  const fwd = notesForward(net, batch, true);
  const g = notesBackward(net, batch, fwd);
  const step = (p: Float64Array, d: Float64Array) => {
    for (let i = 0; i < p.length; i++) p[i] -= lr * d[i];
  };
  step(net.layer1.W.data, g.dW1.data);
  step(net.layer2.W.data, g.dW2.data);
  step(net.bn1.gamma, g.dGamma1);
  step(net.bn1.beta, g.dBeta1);
  step(net.bn2.gamma, g.dGamma2);
  step(net.bn2.beta, g.dBeta2);
  return fwd.loss;
}

export interface NotesState {
  readonly batch: NotesBatch;
  readonly net: NotesNetwork;
  /** Loss before each step taken, then the current loss: length steps + 1. */
  readonly losses: Float64Array;
}

/**
 * The tiny batch and the network after `steps` SGD steps from the seeded start (replayed, so the same
 * (steps, eps) always gives the same numbers). steps = 0 is the freshly initialised network.
 */
export function notesNetworkAfter(steps: number, eps?: number, lr = NOTES_LEARNING_RATE, seed = NOTES_SEED, activation: NotesActivation = 'relu'): NotesState {
  checkInteger('steps', steps, 0);
  checkFinite('learning rate', lr, 0);
  const batch = notesBatch(seed);
  const net = createNotesNetwork(seed, eps, activation);
  const losses = new Float64Array(steps + 1);
  for (let t = 0; t < steps; t++) losses[t] = notesSgdStep(net, batch, lr);
  losses[steps] = notesForward(net, batch).loss;
  return { batch, net, losses };
}

/**
 * Z̃ as the notes' forward pass writes it, γ·Z_norm − β (the sign is a typo: β is meant to be the new
 * mean), from a forward pass's ẑ. Returns a new [m × n] matrix; only for showing the difference.
 */
export function notesMinusBetaOutput(bn: BatchNorm, fwd: BatchNormForward, out?: Matrix): Matrix {
  const m = fwd.zHat.rows, n = fwd.zHat.cols;
  const y = ensure(out, m, n), ZH = fwd.zHat.data, Y = y.data;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) Y[i * n + j] = bn.gamma[j] * ZH[i * n + j] - bn.beta[j];
  return y;
}

/** One-hot labels Y, [m × classes] (row i has a 1 in column labels[i]). */
export function oneHot(labels: ArrayLike<number>, classes: number): Matrix {
  const y = zeros(labels.length, classes);
  for (let i = 0; i < labels.length; i++) y.data[i * classes + labels[i]] = 1;
  return y;
}
