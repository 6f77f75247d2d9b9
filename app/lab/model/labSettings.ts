import { EXPERIMENT_DEFAULTS, type ExperimentSettings, type NetworkKind } from '../../../src/experiment';
import { FIGURE1_PRESET } from '../../../src/fashion';
import type { LabRunSettings } from '../worker/messages';
import { LAB_DEFAULTS, type LabSlice, channelsOf } from '../../state/slices/lab';
import { normChoiceOf } from './normChoice';

/** The lab's settings (the values of its controls, as kept in the app store and the URL), without the slice's actions. */
export type LabSettings = Omit<LabSlice, 'setLab' | 'setLabDataset'>;

const LAB_KEYS = Object.keys(LAB_DEFAULTS) as (keyof LabSettings)[];

/** The lab's settings picked out of the app state. */
export function labSettingsOf(state: LabSettings): LabSettings {
  return Object.fromEntries(LAB_KEYS.map((k) => [k, state[k]])) as unknown as LabSettings;
}

/**
 * The networks a run compares: the CNN when it is chosen and the data are Fashion-MNIST's 28 × 28
 * images; the MLP otherwise (a CNN chosen with 2-D data: the lab says why it trains the MLP).
 */
export const networkOf = (c: Pick<LabSettings, 'labModel' | 'labDataset'>): NetworkKind => (c.labModel === 'cnn' && c.labDataset === 'fashion' ? 'cnn' : 'mlp');

/** The CNN's cadence: its steps cost ~20 × the 2-D MLP's, so it logs every 10 and tests every 50 (600 images, both networks). */
const CNN_CADENCE = { logEvery: 10, evalEvery: 50 } as const;

/** Steps a run may take before playing stops by itself, per kind of data. */
export const MAX_STEPS = { '2d': 30_000, fashion: 6_000 } as const;
/** Logging: every step for the tiny 2-D networks; the Figure-1 preset's cadence for Fashion-MNIST. */
export const LOG_CADENCE = { '2d': { logEvery: 1, evalEvery: 10 }, fashion: { logEvery: FIGURE1_PRESET.logEvery, evalEvery: FIGURE1_PRESET.evalEvery } } as const;
export const BOUNDARY_RESOLUTION = 64;

/**
 * The engine's experiment settings for the lab's controls: what the Worker runs, and what
 * `npm run train` runs with the same flags. The dataset fields are unused for Fashion-MNIST, so
 * they stay at the engine's defaults there (the noise slider, hidden for it, changes nothing).
 */
export function experimentSettings(c: LabSettings): ExperimentSettings {
  const kind = c.labDataset === 'fashion' ? 'fashion' : '2d';
  if (networkOf(c) === 'cnn') return cnnSettings(c);
  return {
    dataset: c.labDataset === 'fashion' ? 'spiral' : c.labDataset,
    samples: 600,
    noise: kind === 'fashion' ? null : c.labNoise,
    classes: 3,
    testFraction: 0.25,
    depth: c.labDepth,
    width: c.labWidth,
    activation: c.labActivation,
    bn: c.labBn,
    outputBn: c.labOutputBn,
    init: c.labInit,
    optimizer: c.labOptimizer,
    lr: c.labLr,
    // λ = 0 stands for the optimizer's own default (0.01 for AdamW, else 0): AdamW without decay would be Adam.
    weightDecay: c.labWd > 0 ? c.labWd : null,
    batch: c.labBatch,
    seed: c.labSeed,
    ...LOG_CADENCE[kind],
    ...pairSettings(c),
  };
}

/**
 * The two networks' normalizations as the engine takes them: nothing for the default pair (without
 * and with BN), so today's runs, presets and exports keep their settings; GroupNorm's groups only
 * when a network is a GroupNorm.
 */
function pairSettings(c: LabSettings): Pick<ExperimentSettings, 'norms' | 'groups'> {
  const { norms, groups, hasGroup } = normChoiceOf(c);
  if (norms[0] === 'none' && norms[1] === 'bn') return {};
  return hasGroup ? { norms, groups } : { norms };
}

/**
 * The CNN's settings: its shape, and what it shares with the MLP (init, optimizer, learning rate,
 * weight decay, batch, seed). The MLP's shape stays at the engine's defaults (unused by the CNN), so
 * moving an MLP control while the CNN is chosen starts no new run.
 */
function cnnSettings(c: LabSettings): ExperimentSettings {
  const { dataset, samples, classes, testFraction, depth, width, activation, bn, outputBn } = EXPERIMENT_DEFAULTS;
  return {
    dataset, samples, noise: null, classes, testFraction, depth, width, activation, bn, outputBn,
    init: c.labInit,
    optimizer: c.labOptimizer,
    lr: c.labLr,
    weightDecay: c.labWd > 0 ? c.labWd : null,
    batch: c.labBatch,
    seed: c.labSeed,
    ...CNN_CADENCE,
    model: 'cnn',
    channels: channelsOf(c.labChannels),
    kernel: Number(c.labKernel),
    ...pairSettings(c),
  };
}

/** Everything the Worker needs for one run. `fashionUrl` is where the subset is (the page's base URL). */
export function labRunSettings(c: LabSettings, fashionUrl: string): LabRunSettings {
  const fashion = c.labDataset === 'fashion';
  return {
    experiment: experimentSettings(c),
    data: fashion ? { kind: 'fashion', url: fashionUrl } : { kind: '2d' },
    maxSteps: MAX_STEPS[fashion ? 'fashion' : '2d'],
    boundaryResolution: BOUNDARY_RESOLUTION,
  };
}

/** Two settings give the same run (the speed and the charted layer do not change a run). */
export function sameRun(a: LabSettings, b: LabSettings): boolean {
  return JSON.stringify(experimentSettings(a)) === JSON.stringify(experimentSettings(b)) && a.labDataset === b.labDataset;
}

/**
 * Ioffe & Szegedy (2015), Figure 1, on the Fashion-MNIST subset: the engine's FIGURE1_PRESET as
 * lab settings (3 hidden layers of 100 sigmoid units, small Gaussian weights, SGD, batch 60),
 * run as fast as the machine goes, charting the last hidden layer.
 *
 * What a student sees in half a minute, measured with scripts/check-figure1.ts in Node 20 on this
 * project's 2-core machine, shared with other jobs: 45–52 steps/s of both networks together (28/s
 * under heavier load), so 30 s ≈ 850–1,500 steps, 784 inputs and all. Test accuracy on the
 * 600-image test split, seeds 1 / 2 / 3:
 *   step  100: plain 0.10 / 0.10 / 0.10   BN 0.63 / 0.65 / 0.51
 *   step  500: plain 0.32 / 0.27 / 0.28   BN 0.71 / 0.76 / 0.77
 *   step 1500: plain 0.57 / 0.47 / 0.57   BN 0.72 / 0.74 / 0.81
 * and the plain network's probed input drifts (seed 1: 15/50/85 % from −2.1/−2.1/−2.1 at step 100
 * to −9.8/−4.9/−1.2 at step 1500) while BN's moves far less (−1.9/−0.4/1.2 to −2.8/−1.3/1.7).
 * Why learning rate 1: lr 0.5 leaves the plain network at chance for 30 s (too stark); lr ≥ 3 blows
 * up the BN network's loss within 4 steps; lr 1 shows the paper's effect.
 */
export const FIGURE1_CONTROLS: Partial<LabSettings> = {
  labDataset: 'fashion',
  labDepth: FIGURE1_PRESET.hidden.length,
  labWidth: FIGURE1_PRESET.hidden[0],
  labActivation: FIGURE1_PRESET.activation,
  labInit: FIGURE1_PRESET.init,
  labBn: FIGURE1_PRESET.bn,
  labOutputBn: FIGURE1_PRESET.outputBn,
  labOptimizer: FIGURE1_PRESET.optimizer.name,
  labLr: FIGURE1_PRESET.optimizer.lr,
  labBatch: FIGURE1_PRESET.batchSize,
  labSeed: FIGURE1_PRESET.seed,
  labSpeed: 0,
  labLayer: 0,
};

/** The sweep's learning rates: the current one × 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100. */
export const SWEEP_FACTORS: readonly number[] = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100];
export function sweepRates(lr: number): number[] {
  return SWEEP_FACTORS.map((f) => (f === 1 ? lr : Number((lr * f).toPrecision(3))));
}

/** Steps of each sweep run: enough to separate the variants, short enough to finish in seconds. */
export const SWEEP_STEPS = { '2d': 400, fashion: 150 } as const;

/**
 * The terminal command that runs the same comparison (`npm run train`, scripts/train-cli.ts) for
 * `steps` steps and prints the same numbers, one JSON line per logged step. For Fashion-MNIST the
 * command reads the subset the lab fetches from its own copy in the repository (public/data/).
 */
export function trainCommand(c: LabSettings, steps: number): string {
  const s = experimentSettings(c);
  if (s.model === 'cnn') return cnnTrainCommand(s, steps);
  const data: [string, string | number][] = c.labDataset === 'fashion' ? [['dataset', 'fashion']] : [['dataset', s.dataset], ['noise', s.noise ?? 0]];
  const flags: [string, string | number][] = [
    ...data, ['depth', s.depth], ['width', s.width], ['activation', s.activation],
    ['bn', s.bn], ['init', s.init], ['optimizer', s.optimizer], ['lr', s.lr], ['batch', s.batch], ['seed', s.seed],
    ['steps', steps], ['log-every', s.logEvery], ['eval-every', s.evalEvery],
  ];
  if (s.weightDecay !== null) flags.splice(flags.findIndex(([k]) => k === 'lr') + 1, 0, ['weight-decay', s.weightDecay]);
  const parts = [...flags.map(([k, v]) => `--${k} ${v}`), ...pairFlags(s)];
  if (s.outputBn) parts.push('--output-bn');
  return `npm run train -- ${parts.join(' ')}`;
}

/** `--compare bn,group --groups 4` for a pair other than without and with BN (nothing for that one: the CLI's default). */
function pairFlags(s: ExperimentSettings): string[] {
  if (!s.norms) return [];
  return [`--compare ${s.norms.join(',')}`, ...(s.groups !== undefined ? [`--groups ${s.groups}`] : [])];
}

/** `npm run train -- --model cnn …`: the CNN's flags (the MLP's do not apply to it, and the CLI refuses them). */
function cnnTrainCommand(s: ExperimentSettings, steps: number): string {
  const flags: [string, string | number][] = [
    ['model', 'cnn'], ['dataset', 'fashion'], ['channels', (s.channels ?? []).join(',')], ['kernel', s.kernel ?? 3], ['init', s.init], ['optimizer', s.optimizer], ['lr', s.lr],
    ...(s.weightDecay !== null ? [['weight-decay', s.weightDecay] as [string, number]] : []),
    ['batch', s.batch], ['seed', s.seed], ['steps', steps], ['log-every', s.logEvery], ['eval-every', s.evalEvery],
  ];
  return `npm run train -- ${[...flags.map(([k, v]) => `--${k} ${v}`), ...pairFlags(s)].join(' ')}`;
}

/**
 * A run's settings as its downloads state them: the CNN's without the MLP's shape and the 2-D data's
 * fields (they do not apply to it), with its data named.
 */
export function exportedSettings(s: ExperimentSettings): Record<string, unknown> {
  if (s.model !== 'cnn') return { ...s };
  const { dataset: _d, samples: _s, noise: _n, classes: _c, testFraction: _t, depth: _de, width: _w, activation: _a, bn: _b, outputBn: _o, ...rest } = s;
  return { dataset: 'fashion', ...rest };
}
