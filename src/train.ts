import { type ComparisonConfig, type ComparisonOptions, resolveComparisonConfig } from './comparisonConfig';
import { type Dataset, checkDataset } from './datasets';
import { EngineError, checkInteger } from './errors';
import { type Matrix, zeros } from './matrix';
import { evaluate, firstNonFiniteParam, l2Norm } from './metrics';
import { type Model, type Param, createModel, linearLayers, params } from './model';
import type { NormKind } from './norms';
import { type ForwardOptions, type Workspace, backward, createWorkspace, forward, forwardLoss } from './modelPass';
import { type Optimizer, createOptimizer, optimizerStep } from './optim';
import { quantiles } from './quantiles';
import { type Rng, createRng, shuffleInPlace } from './rng';

/**
 * Side-by-side training of two networks that differ only in batch normalization:
 *   'plain' — no BN anywhere;   'bn' — BN at `config.bn` in every hidden layer (+ on the logits
 *   when `outputBn`). With `config.norms` any two normalizations are compared instead: 'plain' is the
 *   network with norms[0], 'bn' the one with norms[1] (the names are the two slots). Both start from the SAME weights W_l (drawn from createRng(seed) in layer
 *   order; biases start at 0) and see the SAME mini-batches in the same order (one shuffled order
 *   per epoch, shared). Resumable in chunks and deterministic: the sequence of steps does not depend
 *   on how `stepComparison` calls are chunked.
 */
export type VariantName = 'plain' | 'bn';
export const VARIANTS: readonly VariantName[] = ['plain', 'bn'];
/** The quantile levels of the covariate-shift plot (Ioffe & Szegedy 2015, Fig. 1b–c). */
export const PROBE_QUANTILES: readonly number[] = [0.15, 0.5, 0.85];


/**
 * Quantiles of one hidden unit's input to its nonlinearity, measured on the fixed probe batch.
 * With BN 'before' that input is the BN output γẑ + β; with 'after' or no BN it is z = a·W + b.
 * BN layers use the probe batch's own statistics (train mode) without touching running statistics.
 */
export interface UnitQuantiles {
  /** Hidden layer l (1-based) and the unit (column) measured. */
  readonly layer: number;
  readonly unit: number;
  /** Values at PROBE_QUANTILES: 15 %, 50 %, 85 %. */
  readonly q15: number;
  readonly q50: number;
  readonly q85: number;
  /**
   * The same unit's input to BN (z = a·W + b), when BN sits right before the nonlinearity; null
   * otherwise (then the values above already are z). BN re-standardises this input every batch; it
   * does not stop it from moving (Santurkar et al. 2018).
   */
  readonly preBn?: { readonly q15: number; readonly q50: number; readonly q85: number } | null;
}

export interface StepMetrics {
  /** Steps completed (1-based), and the 0-based epoch this step belongs to. */
  readonly step: number;
  readonly epoch: number;
  /** Mean loss and accuracy on this step's mini-batch (train mode, before the update). */
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  /** Whole test set in eval mode, after this step's update; null when not evaluated at this step. */
  readonly testLoss: number | null;
  readonly testAccuracy: number | null;
  /** One entry per hidden layer (empty when probeSize = 0). */
  readonly quantiles: readonly UnitQuantiles[];
  /** ‖∂L/∂W_l‖ (Frobenius) of this step's batch, for l = 1 … L. */
  readonly gradNorms: readonly number[];
}

export interface Divergence {
  /** The step at which a non-finite loss or parameter, or a loss above divergenceLoss, was found. */
  readonly step: number;
  readonly reason: string;
}

export interface Variant {
  readonly name: VariantName;
  readonly model: Model;
  readonly params: readonly Param[];
  readonly optimizer: Optimizer;
  diverged: Divergence | null;
  /** Mini-batch loss and number correct of the last step taken. */
  lastLoss: number;
  lastCorrect: number;
  readonly trainWs: Workspace;
  readonly evalWs: Workspace;
  readonly probeWs: Workspace;
}

export interface Comparison {
  readonly config: ComparisonConfig;
  readonly train: Dataset;
  readonly test: Dataset | null;
  readonly probe: Matrix | null;
  readonly stepsPerEpoch: number;
  readonly variants: Readonly<Record<VariantName, Variant>>;
  /** Steps taken so far. */
  step: number;
  readonly order: Int32Array;
  readonly orderRng: Rng;
  readonly xb: Matrix;
  readonly yb: Int32Array;
  readonly quantileScratch: Float64Array;
  readonly quantileOut: Float64Array;
}

/** Independent streams derived from one seed: weights use createRng(seed) itself. */
export const streamSeed = (seed: number, stream: number): number => (Math.imul(Math.floor(seed) >>> 0, 0x9e3779b1) ^ (stream * 0x85ebca6b)) >>> 0;


/** The normalization of a variant: config.norms[0] for 'plain', [1] for 'bn' (by default none and BN). */
export const variantNorm = (c: ComparisonConfig, name: VariantName): NormKind => c.norms[name === 'plain' ? 0 : 1];

function createVariant(name: VariantName, c: ComparisonConfig, inputs: number, classes: number): Variant {
  const norm = variantNorm(c, name);
  const model = createModel(
    { inputs, classes, hidden: c.hidden, activation: c.activation, init: c.init, bn: norm === 'none' ? 'none' : c.bn, outputBn: norm !== 'none' && c.outputBn, norm, groups: c.groups, bias: c.bias, eps: c.eps, momentum: c.momentum },
    createRng(c.seed),
  );
  const ps = params(model);
  return {
    name, model, params: ps, optimizer: createOptimizer(c.optimizer, ps), diverged: null, lastLoss: NaN, lastCorrect: 0,
    trainWs: createWorkspace(), evalWs: createWorkspace(), probeWs: createWorkspace(),
  };
}

/** Both variants at step 0, ready for `stepComparison`. Validates the data and the config. */
export function createComparison(options: ComparisonOptions, data: { train: Dataset; test?: Dataset | null }): Comparison {
  checkDataset(data.train, 'training set');
  const test = data.test && data.test.x.rows > 0 ? data.test : null;
  if (test) {
    checkDataset(test, 'test set');
    if (test.x.cols !== data.train.x.cols || test.classes !== data.train.classes) {
      throw new EngineError('shape', `the test set ([· × ${test.x.cols}], ${test.classes} classes) does not match the training set ([· × ${data.train.x.cols}], ${data.train.classes} classes)`);
    }
  }
  const train = data.train, n = train.x.rows, d = train.x.cols;
  const c = resolveComparisonConfig(options, n);
  const probeRows = shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), createRng(streamSeed(c.seed, 2))).subarray(0, c.probeSize);
  const probe = c.probeSize > 0 ? zeros(c.probeSize, d) : null;
  probeRows.forEach((r, i) => probe?.data.set(train.x.data.subarray(r * d, (r + 1) * d), i * d));
  return {
    config: c, train, test, probe,
    stepsPerEpoch: Math.floor(n / c.batchSize),
    variants: { plain: createVariant('plain', c, d, train.classes), bn: createVariant('bn', c, d, train.classes) },
    step: 0,
    order: Int32Array.from({ length: n }, (_, i) => i),
    orderRng: createRng(streamSeed(c.seed, 1)),
    xb: zeros(c.batchSize, d),
    yb: new Int32Array(c.batchSize),
    quantileScratch: new Float64Array(c.probeSize),
    quantileOut: new Float64Array(PROBE_QUANTILES.length),
  };
}

const TRAIN_PASS: ForwardOptions = { mode: 'train', updateRunningStats: true };
/** The probe uses its own batch statistics and leaves running statistics alone. */
const PROBE_PASS: ForwardOptions = { mode: 'train', updateRunningStats: false };

export const describeNonFinite = (v: number): string => (Number.isNaN(v) ? 'NaN (not a number)' : v > 0 ? 'infinite' : 'minus infinity');

/**
 * One optimizer step of one variant on the comparison's current batch. Divergence (recorded, after
 * which the variant stops): a non-finite or too large (> divergenceLoss) batch loss, checked before
 * the update, or a non-finite parameter after it.
 */
function trainVariant(v: Variant, c: Comparison): void {
  const ce = forwardLoss(v.model, c.xb, c.yb, v.trainWs, TRAIN_PASS);
  v.lastLoss = ce.loss;
  v.lastCorrect = ce.correct;
  if (!Number.isFinite(ce.loss)) {
    v.diverged = { step: c.step, reason: `the training loss became ${describeNonFinite(ce.loss)}` };
    return;
  }
  if (ce.loss > c.config.divergenceLoss) {
    v.diverged = { step: c.step, reason: `the training loss ${ce.loss.toPrecision(3)} exceeded ${c.config.divergenceLoss}` };
    return;
  }
  backward(v.model, v.trainWs);
  optimizerStep(v.optimizer);
  const bad = firstNonFiniteParam(v.params);
  if (bad) v.diverged = { step: c.step, reason: `parameter ${bad} is no longer a finite number` };
}

/** The probe quantiles of one column of a layer's output [m × n]. */
function columnQuantiles(output: Matrix, unit: number, m: number, c: Comparison): number[] {
  const col = c.quantileScratch;
  for (let i = 0; i < m; i++) col[i] = output.data[i * output.cols + unit];
  const q = quantiles(col, PROBE_QUANTILES, c.quantileOut, col);
  return [q[0], q[1], q[2]];
}

function probeQuantiles(v: Variant, c: Comparison): UnitQuantiles[] {
  if (!c.probe) return [];
  forward(v.model, c.probe, v.probeWs, PROBE_PASS);
  const out: UnitQuantiles[] = [];
  const layers = v.model.layers, unit = c.config.probeUnit, m = c.probe.rows;
  for (let k = 1; k < layers.length; k++) {
    const layer = layers[k];
    if (layer.kind !== 'activation') continue;
    const [q15, q50, q85] = columnQuantiles(v.probeWs.outputs[k - 1], unit, m, c);
    let preBn: UnitQuantiles['preBn'] = null;
    const before = layers[k - 1].kind;
    if (before === 'batchnorm' || before === 'norm') {
      const [p15, p50, p85] = columnQuantiles(v.probeWs.outputs[k - 2], unit, m, c);
      preBn = { q15: p15, q50: p50, q85: p85 };
    }
    out.push({ layer: layer.index, unit, q15, q50, q85, preBn });
  }
  return out;
}

function logVariant(v: Variant, c: Comparison): StepMetrics | null {
  const { step } = c;
  let testLoss: number | null = null, testAccuracy: number | null = null;
  if (c.test && step % c.config.evalEvery === 0) {
    const e = evaluate(v.model, c.test, v.evalWs);
    if (!Number.isFinite(e.loss)) {
      v.diverged = { step, reason: `the test loss (eval mode) became ${describeNonFinite(e.loss)}` };
      return null;
    }
    testLoss = e.loss;
    testAccuracy = e.accuracy;
  }
  return {
    step,
    epoch: Math.floor((step - 1) / c.stepsPerEpoch),
    trainLoss: v.lastLoss,
    trainAccuracy: v.lastCorrect / c.xb.rows,
    testLoss,
    testAccuracy,
    quantiles: step % c.config.probeEvery === 0 ? probeQuantiles(v, c) : [],
    gradNorms: linearLayers(v.model).map((l) => l2Norm(l.dW.data)),
  };
}

/** What drawing mini-batches needs of a comparison (also used by the CNN's, cnnComparison.ts). */
export type BatchSource = Pick<Comparison, 'step' | 'stepsPerEpoch' | 'order' | 'orderRng' | 'xb' | 'yb' | 'train'>;

/** Copies the next mini-batch (rows order[pos·m … pos·m + m)) into c.xb, c.yb; reshuffles at each epoch start. */
export function nextBatch(c: BatchSource): void {
  const pos = c.step % c.stepsPerEpoch;
  if (pos === 0) shuffleInPlace(c.order, c.orderRng);
  const m = c.xb.rows, d = c.xb.cols, X = c.train.x.data;
  const XB = c.xb.data;
  for (let i = 0; i < m; i++) {
    const r = c.order[pos * m + i];
    for (let j = 0, src = r * d, dst = i * d; j < d; j++) XB[dst + j] = X[src + j];
    c.yb[i] = c.train.y[r];
  }
}

export interface ComparisonChunk {
  /** Steps completed before and after this chunk. */
  readonly fromStep: number;
  readonly step: number;
  /** Metrics of the logged steps within this chunk, per variant (a diverged variant logs no more). */
  readonly logs: Readonly<Record<VariantName, StepMetrics[]>>;
  /** Divergence status after the chunk. */
  readonly diverged: Readonly<Record<VariantName, Divergence | null>>;
  /** True when both variants have diverged (no further step will run). */
  readonly done: boolean;
}

/**
 * Advances the comparison by up to `steps` shared steps (mutates `c` and both models). A variant
 * that diverged is skipped; when both have, it stops early. Chunking does not change the result.
 */
export function stepComparison(c: Comparison, steps: number): ComparisonChunk {
  checkInteger('number of steps', steps, 0);
  const fromStep = c.step;
  const logs: Record<VariantName, StepMetrics[]> = { plain: [], bn: [] };
  const { plain, bn } = c.variants;
  const both = [plain, bn];
  for (let s = 0; s < steps && !(plain.diverged && bn.diverged); s++) {
    nextBatch(c);
    c.step += 1;
    for (const v of both) {
      if (v.diverged) continue;
      trainVariant(v, c);
      if (!v.diverged && c.step % c.config.logEvery === 0) {
        const metrics = logVariant(v, c);
        if (metrics) logs[v.name].push(metrics);
      }
    }
  }
  return {
    fromStep, step: c.step, logs,
    diverged: { plain: plain.diverged, bn: bn.diverged },
    done: plain.diverged !== null && bn.diverged !== null,
  };
}
