import type { ActivationName } from './activations';
import { DEFAULT_EPS, DEFAULT_MOMENTUM } from './batchnorm';
import { EngineError, checkFinite, checkInteger } from './errors';
import type { InitName } from './init';
import type { BiasMode } from './model';
import { type NormKind, checkNormKind } from './norms';
import { type OptimizerConfig, type OptimizerOptions, resolveOptimizerConfig } from './optim';
import { withDefaults } from './options';
import { DEFAULT_NORMS } from './choices';
import { DEFAULT_GROUPS } from './choices';

/** The settings of a with/without-BN comparison (see train.ts), their defaults and their checks. */
export interface ComparisonConfig {
  readonly hidden: readonly number[];
  readonly activation: ActivationName;
  readonly init: InitName;
  /** Where the 'bn' variant puts BN in hidden layers. */
  readonly bn: 'before' | 'after';
  /** Whether the 'bn' variant also normalizes the logits. */
  readonly outputBn: boolean;
  readonly bias: BiasMode;
  readonly eps: number;
  readonly momentum: number;
  readonly optimizer: OptimizerConfig;
  /** Mini-batch size m (≥ 2, ≤ training rows). The last incomplete batch of an epoch is dropped. */
  readonly batchSize: number;
  readonly seed: number;
  /** Record metrics every `logEvery` steps; evaluate the test set every `evalEvery` (a multiple). */
  readonly logEvery: number;
  readonly evalEvery: number;
  /**
   * Rows of the fixed probe batch (0 = no quantiles; clamped to the training rows), drawn once from
   * the training set by a shuffle seeded from `seed`, and the unit (column) probed in every hidden layer.
   */
  readonly probeSize: number;
  readonly probeUnit: number;
  /**
   * Measure the probe quantiles every `probeEvery` steps (a multiple of logEvery; default logEvery, every
   * logged step): the probe's forward pass is most of a logged step's cost in a wide 2-D network.
   * Logged steps in between carry `quantiles: []`.
   */
  readonly probeEvery: number;
  /**
   * The normalization of each of the two networks, in the order of the variants ('plain', then 'bn'):
   * default ['none', 'bn'], the with/without-BN comparison. Any two may be compared, e.g. ['bn', 'group'];
   * `bn` and `outputBn` say where the chosen normalization goes (see model.ts, cnn.ts).
   */
  readonly norms: readonly [NormKind, NormKind];
  /** GroupNorm's groups (must divide every normalized layer's width or channels). */
  readonly groups: number;
  /**
   * A mini-batch loss above this also counts as divergence (default 20: on average the right class
   * gets probability < e⁻²⁰). Softmax-CE is computed stably, so a blown-up network often keeps a finite
   * but enormous loss, and dead ReLU units can keep it from ever reaching NaN. Infinity disables it.
   */
  readonly divergenceLoss: number;
}

export type ComparisonOptions = Partial<Omit<ComparisonConfig, 'optimizer'>> & { optimizer?: OptimizerOptions };

export { DEFAULT_NORMS };
export { DEFAULT_GROUPS };

export const COMPARISON_DEFAULTS = {
  hidden: [16, 16],
  activation: 'relu',
  init: 'he',
  bn: 'before',
  outputBn: false,
  bias: 'auto',
  eps: DEFAULT_EPS,
  momentum: DEFAULT_MOMENTUM,
  optimizer: { name: 'sgd', lr: 0.1 },
  batchSize: 32,
  seed: 1,
  logEvery: 10,
  evalEvery: 10,
  probeSize: 256,
  probeUnit: 0,
  divergenceLoss: 20,
} as const;

/** Fills in defaults and validates against the training set. @throws EngineError naming the problem. */
export function resolveComparisonConfig(options: ComparisonOptions, trainRows: number): ComparisonConfig {
  const base = withDefaults(COMPARISON_DEFAULTS, options);
  const c: ComparisonConfig = {
    ...base,
    hidden: [...(options.hidden ?? COMPARISON_DEFAULTS.hidden)],
    optimizer: resolveOptimizerConfig(options.optimizer ?? COMPARISON_DEFAULTS.optimizer),
    probeEvery: options.probeEvery ?? base.logEvery,
    norms: [...(options.norms ?? DEFAULT_NORMS)] as unknown as readonly [NormKind, NormKind],
    groups: options.groups ?? DEFAULT_GROUPS,
  };
  checkNorms(c);
  if (c.bn !== 'before' && c.bn !== 'after') throw new EngineError('config', `bn placement must be 'before' or 'after', got "${String(c.bn)}"`);
  checkInteger('batch size', c.batchSize, 2);
  if (c.batchSize > trainRows) throw new EngineError('batch-size', `batch size ${c.batchSize} exceeds the ${trainRows} training rows`);
  checkFinite('seed', c.seed);
  checkInteger('logEvery', c.logEvery, 1);
  checkInteger('evalEvery', c.evalEvery, 1);
  if (c.evalEvery % c.logEvery !== 0) throw new EngineError('config', `evalEvery (${c.evalEvery}) must be a multiple of logEvery (${c.logEvery})`);
  checkInteger('probe size', c.probeSize, 0);
  if (c.probeSize === 1) throw new EngineError('batch-size', 'the probe batch needs at least 2 rows (or 0 for none)');
  checkInteger('probe unit', c.probeUnit, 0);
  checkInteger('probeEvery', c.probeEvery, 1);
  if (c.probeEvery % c.logEvery !== 0) throw new EngineError('config', `probeEvery (${c.probeEvery}) must be a multiple of logEvery (${c.logEvery})`);
  const narrowest = Math.min(...c.hidden);
  if (c.hidden.length > 0 && c.probeUnit >= narrowest) {
    throw new EngineError('config', `probe unit ${c.probeUnit} does not exist in a hidden layer of width ${narrowest}`);
  }
  if (typeof c.divergenceLoss !== 'number' || !(c.divergenceLoss > 0)) {
    throw new EngineError('hyperparameter', `divergenceLoss must be a positive number (or Infinity), got ${String(c.divergenceLoss)}`);
  }
  return { ...c, probeSize: Math.min(c.probeSize, trainRows) };
}

function checkNorms(c: ComparisonConfig): void {
  if (!Array.isArray(c.norms) || c.norms.length !== 2) throw new EngineError('config', 'norms must name the two networks compared, e.g. ["none", "bn"]');
  c.norms.forEach((n, i) => checkNormKind(n, `norm of network ${i + 1}`));
  checkInteger('groups', c.groups, 1);
}
