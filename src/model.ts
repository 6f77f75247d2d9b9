import { type ActivationName, ACTIVATIONS } from './activations';
import { type BatchNorm, DEFAULT_EPS, DEFAULT_MOMENTUM, checkBatchNormHyperparameters, createBatchNorm } from './batchnorm';
import { EngineError, checkInteger } from './errors';
import { type InitName, INITS, initWeights } from './init';
import { type Linear, createLinear } from './linear';
import { type Matrix, zeros } from './matrix';
import { type NormKind, checkNormKind, createSampleNorm, normCancelsBias } from './norms';
import type { SampleNorm } from './sampleNorm';
import type { Rng } from './rng';
import { withDefaults } from './options';

/**
 * A feed-forward classifier as plain data: an array of tagged layers, handed to functions
 * (`forward`, `backward`, `predict` in modelPass.ts). Hidden layer l (1-based) is
 *
 *   bn 'none'   : Linear_l → f
 *   bn 'before' : Linear_l → BN_l → f      (the notes' placement: normalize z, then activate)
 *   bn 'after'  : Linear_l → f → BN_l
 *
 * and the output layer L = hidden.length + 1 is Linear_L, followed by BN_L when `outputBn`.
 * The notes' 2-layer network, X → W₁ → BN → ReLU → W₂ → BN → softmax-CE, is
 * `{ hidden: [h], activation: 'relu', bn: 'before', outputBn: true }`.
 *
 * `norm` (default 'bn') chooses WHICH normalization sits at those places: BatchNorm1d, or LayerNorm,
 * GroupNorm (`groups`), RMSNorm over the layer's features (a per-sample `NormLayer`); 'none' puts
 * none anywhere (like bn 'none' and no outputBn). 'instance' is refused: a feature of an MLP has one
 * value per sample. `bn` and `outputBn` keep their meaning: where the chosen normalization goes.
 */
export type BnPlacement = 'before' | 'after' | 'none';
export const BN_PLACEMENTS: readonly BnPlacement[] = ['before', 'after', 'none'];
/** 'auto': no bias on a linear layer directly followed by BN (BN cancels it exactly). */
export type BiasMode = 'auto' | boolean;

export interface ModelConfig {
  /** Input features d (2 for the 2-D sets, 784 for Fashion-MNIST). */
  readonly inputs: number;
  /** Width of each hidden layer; [] is a linear (softmax-regression) model. */
  readonly hidden: readonly number[];
  /** Number of classes (≥ 2): the width of the logits. */
  readonly classes: number;
  readonly activation: ActivationName;
  readonly bn: BnPlacement;
  /** A batch norm on the logits (before softmax), as in the notes. */
  readonly outputBn: boolean;
  readonly bias: BiasMode;
  /** Batch-norm ε and momentum (PyTorch defaults 1e-5 and 0.1). */
  readonly eps: number;
  readonly momentum: number;
  readonly init: InitName;
  /** Which normalization (default 'bn', BatchNorm1d), and GroupNorm's groups (default 1). */
  readonly norm: NormKind;
  readonly groups: number;
}

/** A config with only the shape required; the rest defaults as in `MODEL_DEFAULTS`. */
export type ModelOptions = Pick<ModelConfig, 'inputs' | 'classes'> & Partial<Omit<ModelConfig, 'inputs' | 'classes'>>;

export const MODEL_DEFAULTS = {
  hidden: [16],
  activation: 'relu',
  bn: 'before',
  outputBn: false,
  bias: 'auto',
  eps: DEFAULT_EPS,
  momentum: DEFAULT_MOMENTUM,
  init: 'he',
  norm: 'bn',
  groups: 1,
} as const satisfies Omit<ModelConfig, 'inputs' | 'classes'>;

/** Linear layer l: z = x·W + b, with its gradient buffers (overwritten by each `backward`). */
export interface LinearLayer extends Linear {
  readonly kind: 'linear';
  /** 1-based layer number l (names W_l, b_l). */
  readonly index: number;
  readonly dW: Matrix;
  readonly db: Float64Array | null;
}

/** Batch norm of layer l (names γ_l, β_l), with its gradient buffers. */
export interface BatchNormLayer extends BatchNorm {
  readonly kind: 'batchnorm';
  readonly index: number;
  readonly dGamma: Float64Array;
  readonly dBeta: Float64Array;
}

/** The nonlinearity of hidden layer l. */
export interface ActivationLayer {
  readonly kind: 'activation';
  readonly index: number;
  readonly fn: ActivationName;
  readonly features: number;
}

/** A per-sample normalization of layer l (LayerNorm, GroupNorm, RMSNorm; names γ_l, β_l), with its gradient buffers. */
export interface NormLayer extends SampleNorm {
  readonly kind: 'norm';
  readonly index: number;
  readonly features: number;
  readonly dGamma: Float64Array | null;
  readonly dBeta: Float64Array | null;
}

export type Layer = LinearLayer | BatchNormLayer | ActivationLayer | NormLayer;

export interface Model {
  readonly config: ModelConfig;
  readonly layers: readonly Layer[];
}

/** Fills in defaults and validates. @throws EngineError naming the bad field. */
export function resolveModelConfig(options: ModelOptions): ModelConfig {
  const c: ModelConfig = { ...withDefaults(MODEL_DEFAULTS, options), hidden: [...(options.hidden ?? MODEL_DEFAULTS.hidden)] };
  checkInteger('inputs', c.inputs, 1);
  checkInteger('classes', c.classes, 2);
  if (!Array.isArray(c.hidden)) throw new EngineError('config', 'hidden must be an array of layer widths');
  c.hidden.forEach((w, i) => checkInteger(`hidden[${i}] (width of hidden layer ${i + 1})`, w, 1));
  if (!ACTIVATIONS.includes(c.activation)) {
    throw new EngineError('config', `unknown activation "${String(c.activation)}", expected one of ${ACTIVATIONS.join(', ')}`);
  }
  if (!BN_PLACEMENTS.includes(c.bn)) {
    throw new EngineError('config', `unknown bn placement "${String(c.bn)}", expected one of ${BN_PLACEMENTS.join(', ')}`);
  }
  if (typeof c.outputBn !== 'boolean') throw new EngineError('config', 'outputBn must be true or false');
  if (c.bias !== 'auto' && typeof c.bias !== 'boolean') throw new EngineError('config', `bias must be 'auto', true or false`);
  if (!INITS.includes(c.init)) {
    throw new EngineError('config', `unknown initialization "${String(c.init)}", expected one of ${INITS.join(', ')}`);
  }
  checkBatchNormHyperparameters(c.eps, c.momentum);
  checkNormKind(c.norm);
  if (c.norm === 'instance') {
    throw new EngineError('config', 'InstanceNorm normalizes each channel over its pixels; a feature of an MLP has one value per sample, so it would always be 0: use it in the CNN');
  }
  checkInteger('groups', c.groups, 1);
  return c;
}

function linearLayer(index: number, inputs: number, outputs: number, bias: boolean): LinearLayer {
  const lin = createLinear(inputs, outputs, bias);
  return { kind: 'linear', index, ...lin, dW: zeros(inputs, outputs), db: bias ? new Float64Array(outputs) : null };
}

/** The normalization of layer l: BatchNorm1d, or the per-sample layer of `c.norm` over its features. */
function bnLayer(index: number, features: number, c: ModelConfig): BatchNormLayer | NormLayer {
  if (c.norm === 'bn') {
    const bn = createBatchNorm(features, { eps: c.eps, momentum: c.momentum });
    return { kind: 'batchnorm', index, ...bn, dGamma: new Float64Array(features), dBeta: new Float64Array(features) };
  }
  let norm: SampleNorm;
  try {
    norm = createSampleNorm(c.norm, [features], c.groups, c.eps);
  } catch (e) {
    if (e instanceof EngineError) throw new EngineError(e.code, `layer ${index} (${features} features): ${e.message}`);
    throw e;
  }
  return { kind: 'norm', index, features, ...norm, dGamma: norm.gamma && new Float64Array(features), dBeta: norm.beta && new Float64Array(features) };
}

/**
 * Builds a model. Weights W_1 … W_L are drawn from `rng` in that order (see init.ts) and nothing
 * else draws from it, so the same seed gives the same W whatever the BN placement or bias choice.
 * Advances `rng`.
 */
export function createModel(options: ModelOptions, rng: Rng): Model {
  const c = resolveModelConfig(options);
  const widths = [...c.hidden, c.classes];
  const layers: Layer[] = [];
  const on = c.norm !== 'none', outputNorm = on && c.outputBn, where = on ? c.bn : 'none';
  let inputs = c.inputs;
  widths.forEach((width, i) => {
    const l = i + 1;
    const isOutput = l === widths.length;
    const bnNext = (isOutput ? outputNorm : where === 'before') && normCancelsBias(c.norm);
    const linear = linearLayer(l, inputs, width, c.bias === 'auto' ? !bnNext : c.bias);
    initWeights(linear.W, c.init, rng);
    layers.push(linear);
    if (isOutput) {
      if (outputNorm) layers.push(bnLayer(l, width, c));
    } else {
      if (where === 'before') layers.push(bnLayer(l, width, c));
      layers.push({ kind: 'activation', index: l, fn: c.activation, features: width });
      if (where === 'after') layers.push(bnLayer(l, width, c));
    }
    inputs = width;
  });
  return { config: c, layers };
}

/** Width of a layer's output. */
export function layerWidth(layer: Layer): number {
  return layer.kind === 'linear' ? layer.outputs : layer.features;
}

/** A learnable parameter and its gradient (same length), as optimizers and gradient checks see it. */
export interface Param {
  /** 'W1', 'b1', 'gamma1', 'beta1', … (1-based layer number). */
  readonly name: string;
  readonly value: Float64Array;
  readonly grad: Float64Array;
}

/** The model's parameters in layer order (W_l, b_l, then γ_l, β_l). The arrays are the model's own. */
export function params(model: Model): Param[] {
  const out: Param[] = [];
  for (const layer of model.layers) {
    if (layer.kind === 'linear') {
      out.push({ name: `W${layer.index}`, value: layer.W.data, grad: layer.dW.data });
      if (layer.b && layer.db) out.push({ name: `b${layer.index}`, value: layer.b, grad: layer.db });
    } else if (layer.kind === 'batchnorm') {
      out.push({ name: `gamma${layer.index}`, value: layer.gamma, grad: layer.dGamma });
      out.push({ name: `beta${layer.index}`, value: layer.beta, grad: layer.dBeta });
    } else if (layer.kind === 'norm') {
      if (layer.gamma && layer.dGamma) out.push({ name: `gamma${layer.index}`, value: layer.gamma, grad: layer.dGamma });
      if (layer.beta && layer.dBeta) out.push({ name: `beta${layer.index}`, value: layer.beta, grad: layer.dBeta });
    }
  }
  return out;
}

/** The linear layers, in order (W_1 … W_L). */
export function linearLayers(model: Model): LinearLayer[] {
  return model.layers.filter((l): l is LinearLayer => l.kind === 'linear');
}

const copyMatrix = (a: Matrix): Matrix => ({ rows: a.rows, cols: a.cols, data: a.data.slice() });

/** A deep copy: parameters, gradients and running statistics. Shares nothing with `model`. */
export function cloneModel(model: Model): Model {
  const layers = model.layers.map((layer): Layer => {
    switch (layer.kind) {
      case 'linear':
        return { ...layer, W: copyMatrix(layer.W), b: layer.b?.slice() ?? null, dW: copyMatrix(layer.dW), db: layer.db?.slice() ?? null };
      case 'batchnorm':
        return {
          ...layer,
          gamma: layer.gamma.slice(),
          beta: layer.beta.slice(),
          runningMean: layer.runningMean.slice(),
          runningVar: layer.runningVar.slice(),
          dGamma: layer.dGamma.slice(),
          dBeta: layer.dBeta.slice(),
        };
      case 'norm':
        return { ...layer, gamma: layer.gamma?.slice() ?? null, beta: layer.beta?.slice() ?? null, dGamma: layer.dGamma?.slice() ?? null, dBeta: layer.dBeta?.slice() ?? null };
      default:
        return { ...layer };
    }
  });
  return { config: { ...model.config, hidden: [...model.config.hidden] }, layers };
}

/** Total number of learnable numbers. */
export function parameterCount(model: Model): number {
  return params(model).reduce((s, p) => s + p.value.length, 0);
}
