// Longer than 300 lines (360) on purpose: the help text documents every flag next to the parser that reads them.
// `npm run train -- <options>`: the training lab's with/without-BN comparison, headless in Node.
// Prints one JSON line per logged step (or per learning rate with --sweep). It builds the run with
// the engine's createExperiment, exactly as the lab's Worker does, so the numbers are the same; for
// Fashion-MNIST it reads the same subset file the lab fetches (public/data/) and splits it the same way.
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ACTIVATIONS,
  DATASETS_2D,
  EXPERIMENT_DEFAULTS,
  EngineError,
  INITS,
  NETWORK_KINDS,
  OPTIMIZERS,
  type ComparisonChunk,
  type ExperimentSettings,
  type Split,
  type VariantName,
  VARIANTS,
  createCnnExperiment,
  createExperiment,
  decodeFashionSubset,
  experimentComparisonOptions,
  experimentData,
  runSweep,
  stepCnnComparison,
  stepComparison,
} from '../src';
import { runReport } from '../app/lab/model/report';
import { type Pair, pairOf } from '../app/lab/model/pair';
import { sweepCaption } from '../app/lab/model/captions';
import { appendLogs, createRunSeries } from '../app/lab/model/series';
import { type BatchSweepCommand, CLI_NORMS, NormUsageError, batchSweepLines, isBnComparison, parseNormFlags } from './train-norms';

/** The subset the lab loads (app/lab/loadFashion.ts fetches the same file from the page's base URL). */
export const DEFAULT_FASHION_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'data', 'fashion-mnist-subset.bin.gz');
/** `--dataset` values: the engine's 2-D generators, and the Fashion-MNIST subset read from disk. */
export const CLI_DATASETS = [...DATASETS_2D, 'fashion'] as const;
/** Flags that shape generated 2-D data, meaningless for Fashion-MNIST (its split is fixed in the file). */
const DATA_2D_FLAGS = ['samples', 'noise', 'classes', 'test-fraction'] as const;
/** Flags that shape the MLP (or sweep it), meaningless for --model cnn. */
const MLP_FLAGS = ['depth', 'width', 'activation', 'bn', 'output-bn', 'sweep', 'probe-every'] as const;

const d = EXPERIMENT_DEFAULTS;
const HELP = `Usage: npm run train -- [options]

Trains two identical networks, without and with batch norm (same data, same initial weights, same
batch order), and prints one JSON line per logged step:
  {"step":10,"epoch":0,"plain":{trainLoss,trainAccuracy,testLoss,testAccuracy,quantiles,gradNorms},"bn":{…}}
A variant that diverged prints {"diverged":{"step":…,"reason":"…"}} instead of its metrics.
The last line is what the lab's page writes about the same run (who leads, who got there first,
drift, overfitting, gradients; with --sweep, the rates each network trained at):
  {"report":{"advantage":"bn","headline":"In this run, batch norm helps: …","lead":"At step 500 …",…}}

Data
  --dataset <name>        ${CLI_DATASETS.join(' | ')} (default ${d.dataset})
                          fashion: the lab's Fashion-MNIST subset, 28 × 28 images in 10 classes, split as in the file
  --data <path>           the Fashion-MNIST subset file, --dataset fashion only
                          (default ${relative(process.cwd(), DEFAULT_FASHION_FILE) || DEFAULT_FASHION_FILE}, built by npm run data:fashion)
  --samples <n>           2-D only: samples before the train/test split (default ${d.samples})
  --noise <x>             2-D only: coordinate noise (default: the dataset's own)
  --classes <k>           2-D only: classes, spiral only (default ${d.classes})
  --test-fraction <f>     2-D only: held-out fraction (default ${d.testFraction})
Network
  --model <kind>          ${NETWORK_KINDS.join(' | ')} (default mlp). cnn (defaults): conv 1→8 3×3 → [BN2d] → ReLU → max-pool 2 →
                          conv 8→16 3×3 → [BN2d] → ReLU → max-pool 2 → linear 400→10, --dataset fashion only;
                          --depth, --width, --activation, --bn, --output-bn and --sweep apply to the MLP only
  --channels <a,b>        cnn only: output channels of the two convolution blocks (default 8,16)
  --kernel <k>            cnn only: the convolutions' kernel side (default 3)
  --depth <n>             hidden layers (default ${d.depth})
  --width <n>             units per hidden layer (default ${d.width})
  --activation <name>     ${ACTIVATIONS.join(' | ')} (default ${d.activation})
  --bn <where>            before | after the activation, in the BN variant (default ${d.bn})
  --output-bn             the BN variant also normalizes the logits
  --init <name>           ${INITS.join(' | ')} (default ${d.init})
  --norm <kind>           ${CLI_NORMS.join(' | ')}: the normalization of the second network (default bn), compared
                          with none; --bn and --output-bn say where it goes in the MLP. layer and rms normalize each
                          sample over its features (CNN: its whole [c, h, w], elementwise γ), group over --groups
                          groups of channels, instance (CNN only) each channel of each sample
  --compare <a>,<b>       instead: two normalizations from none | ${CLI_NORMS.join(' | ')}, e.g. bn,group; the JSON keys
                          "plain" and "bn" are then the first and the second network, and the first line says so
  --groups <g>            GroupNorm's groups, dividing every normalized width and channel count (default 4)
Training
  --optimizer <name>      ${OPTIMIZERS.join(' | ')} (default ${d.optimizer})
  --lr <x>                learning rate (default ${d.lr})
  --weight-decay <x>      PyTorch's weight_decay, ≥ 0: L2 for sgd, momentum, adam; decoupled for adamw
                          (default: 0, or 0.01 for adamw as in torch.optim.AdamW)
  --batch <m>             mini-batch size (default ${d.batch})
  --steps <n>             steps to run (default 500)
  --seed <n>              seed for the 2-D data, weights and batch order (default ${d.seed})
  --log-every <n>         print every n steps (default ${d.logEvery})
  --eval-every <n>        test-set evaluation every n steps, a multiple of --log-every (default: --log-every)
  --probe-every <n>       MLP: measure the drift quantiles every n steps, a multiple of --log-every (default: every
                          logged step); the probe's forward pass is most of a logged step in a wide 2-D network
  --sweep <lr,lr,…>       instead: a learning-rate sweep of --steps steps per rate, one JSON line per rate
  --sweep-batch <m,m,…>   instead: Wu & He's batch-size experiment, one network (--norm, default bn) trained at each
                          batch size for the same number of epochs, at lr·m/--batch (the linear scaling rule);
                          one JSON line per batch size with the test accuracy in eval mode (running statistics)
                          and in train mode (test batches of m, their own statistics): testAccuracy, testAccuracyTrainMode
  --epochs <n>            --sweep-batch's budget: epochs at every batch size (default 1; same samples for every m)
  -h, --help              this text

The training lab (section 13) shows the command that reproduces its current run, e.g. its
Figure 1 preset:
  npm run train -- --dataset fashion --depth 3 --width 100 --activation sigmoid --bn before --init small \\
    --optimizer sgd --lr 1 --batch 60 --seed 1 --steps 1000 --log-every 20 --eval-every 100
Exit status: 0 done, 1 the Fashion-MNIST file is missing or unusable, 2 bad options.
`;

/** Every flag the command line takes (the help text documents each one). */
export const OPTIONS = {
  dataset: { type: 'string' },
  data: { type: 'string' },
  model: { type: 'string' },
  channels: { type: 'string' },
  kernel: { type: 'string' },
  samples: { type: 'string' },
  noise: { type: 'string' },
  classes: { type: 'string' },
  'test-fraction': { type: 'string' },
  depth: { type: 'string' },
  width: { type: 'string' },
  activation: { type: 'string' },
  bn: { type: 'string' },
  'output-bn': { type: 'boolean' },
  init: { type: 'string' },
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  'weight-decay': { type: 'string' },
  batch: { type: 'string' },
  steps: { type: 'string' },
  seed: { type: 'string' },
  'log-every': { type: 'string' },
  'eval-every': { type: 'string' },
  sweep: { type: 'string' },
  norm: { type: 'string' },
  compare: { type: 'string' },
  groups: { type: 'string' },
  'probe-every': { type: 'string' },
  'sweep-batch': { type: 'string' },
  epochs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}
/** The data file is missing or unusable (exit status 1). */
class DataError extends Error {}

/** Where a run's data comes from: generated 2-D points, or a Fashion-MNIST subset file. */
export type CliData = { readonly kind: '2d' } | { readonly kind: 'fashion'; readonly path: string };

export type CommandLine =
  | { readonly help: true }
  | {
    readonly help: false; readonly settings: Partial<ExperimentSettings>; readonly data: CliData; readonly steps: number; readonly sweep: number[] | null;
    /** --sweep-batch: the batch sizes, epochs and norm; null for a comparison or a learning-rate sweep. */
    readonly batchSweep: BatchSweepCommand | null;
  };

function num(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new UsageError(`--${flag} expects a number, got "${text}"`);
  return v;
}

function choice<T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, got "${text}"`);
  return text as T;
}

/**
 * Parsed command line: the experiment settings, where the data comes from, the number of steps and
 * an optional sweep. A relative --data path is taken from `cwd` (npm run's INIT_CWD: where the user typed it).
 */
export function parseCommandLine(argv: string[], cwd: string = process.env.INIT_CWD ?? process.cwd()): CommandLine {
  let values;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return { help: true };
  const dataset = choice('dataset', values.dataset, CLI_DATASETS);
  const fashion = dataset === 'fashion';
  if (fashion) {
    const misplaced = DATA_2D_FLAGS.filter((f) => values[f] !== undefined);
    if (misplaced.length) throw new UsageError(`--${misplaced[0]} shapes generated 2-D data; it does not apply to --dataset fashion, whose train/test split is fixed in the file`);
  } else if (values.data !== undefined) {
    throw new UsageError(`--data is the Fashion-MNIST subset file: add --dataset fashion to use it`);
  }
  if (values.data !== undefined && values.data.trim() === '') throw new UsageError('--data expects a file path');
  const model = choice('model', values.model, NETWORK_KINDS);
  if (model === 'cnn') {
    if (!fashion) throw new UsageError('--model cnn trains on 28 × 28 images: add --dataset fashion');
    const misplaced = MLP_FLAGS.filter((f) => values[f] !== undefined);
    if (misplaced.length) throw new UsageError(`--${misplaced[0]} shapes the MLP; it does not apply to --model cnn`);
  } else {
    const misplaced = (['channels', 'kernel'] as const).filter((f) => values[f] !== undefined);
    if (misplaced.length) throw new UsageError(`--${misplaced[0]} shapes the CNN: add --model cnn to use it`);
  }
  const data: CliData = fashion ? { kind: 'fashion', path: values.data === undefined ? DEFAULT_FASHION_FILE : resolve(cwd, values.data) } : { kind: '2d' };
  const logEvery = num('log-every', values['log-every']);
  const raw: Partial<Record<keyof ExperimentSettings, unknown>> = {
    dataset: fashion ? undefined : dataset,
    samples: num('samples', values.samples),
    noise: num('noise', values.noise),
    classes: num('classes', values.classes),
    testFraction: num('test-fraction', values['test-fraction']),
    depth: num('depth', values.depth),
    width: num('width', values.width),
    activation: choice('activation', values.activation, ACTIVATIONS),
    bn: choice('bn', values.bn, ['before', 'after'] as const),
    outputBn: values['output-bn'],
    init: choice('init', values.init, INITS),
    optimizer: choice('optimizer', values.optimizer, OPTIMIZERS),
    lr: num('lr', values.lr),
    weightDecay: num('weight-decay', values['weight-decay']),
    batch: num('batch', values.batch),
    seed: num('seed', values.seed),
    logEvery,
    evalEvery: num('eval-every', values['eval-every']) ?? logEvery,
    model,
    channels: values.channels === undefined ? undefined : values.channels.split(',').map((t) => num('channels', t)),
    kernel: num('kernel', values.kernel),
  };
  let normFlags;
  try {
    normFlags = parseNormFlags(values, { sweep: values.sweep !== undefined, steps: values.steps !== undefined, model });
  } catch (e) {
    throw e instanceof NormUsageError ? new UsageError(e.message) : e;
  }
  const settings = Object.fromEntries(Object.entries({ ...raw, ...normFlags.settings }).filter(([, v]) => v !== undefined)) as Partial<ExperimentSettings>;
  const steps = num('steps', values.steps) ?? 500;
  if (!Number.isInteger(steps) || steps < 1) throw new UsageError(`--steps must be a positive integer, got ${steps}`);
  const sweep = values.sweep === undefined ? null : values.sweep.split(',').map((t) => num('sweep', t) as number);
  return { help: false, settings, data, steps, sweep, batchSweep: normFlags.batchSweep };
}

/**
 * The train/test split of a Fashion-MNIST subset file, as the lab's Worker makes it from the
 * same file (app/lab/worker/session.ts: the subset's own train and test images). Decoded and checked
 * by the engine (decodeFashionSubset: gzip, magic, sizes, checksum, labels).
 * @throws DataError naming the file and what is wrong with it.
 */
export async function readFashionSplit(path: string): Promise<Split> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new DataError(`the Fashion-MNIST subset is not at ${path}: build it with "npm run data:fashion", or give its path with --data <path>`);
    }
    if (code === 'EISDIR') throw new DataError(`--data must be the Fashion-MNIST subset file, but ${path} is a folder`);
    throw new DataError(`the Fashion-MNIST subset at ${path} could not be read: ${(e as Error).message}`);
  }
  try {
    const subset = await decodeFashionSubset(bytes);
    return { train: subset.train, test: subset.test };
  } catch (e) {
    if (e instanceof EngineError) throw new DataError(`${path} is not a usable Fashion-MNIST subset: ${e.message}. Rebuild it with "npm run data:fashion"`);
    throw e;
  }
}

/** The JSON lines of one chunk: one per logged step, plus one when both variants have stopped. */
export function chunkLines(chunk: ComparisonChunk, stepsPerEpoch: number): string[] {
  const steps = new Set<number>();
  for (const v of VARIANTS) for (const m of chunk.logs[v]) steps.add(m.step);
  if (chunk.done) steps.add(chunk.step);
  return [...steps]
    .sort((a, b) => a - b)
    .map((step) => {
      const line: Record<string, unknown> = { step, epoch: Math.floor((step - 1) / stepsPerEpoch) };
      for (const v of VARIANTS) line[v] = entry(chunk, v, step);
      return JSON.stringify(line);
    });
}

function entry(chunk: ComparisonChunk, v: VariantName, step: number): unknown {
  const m = chunk.logs[v].find((x) => x.step === step);
  if (m) {
    const { step: _s, epoch: _e, ...rest } = m;
    return rest;
  }
  const div = chunk.diverged[v];
  return div && div.step <= step ? { diverged: div } : null;
}

/** What printing a run needs of a comparison, MLP (train.ts) or CNN (cnnComparison.ts). */
interface Run {
  readonly step: number;
  readonly stepsPerEpoch: number;
  readonly test: { readonly x: { readonly rows: number } } | null;
  readonly train: { readonly classes: number };
}

/**
 * Advances `c` to `steps` in chunks of logEvery, printing each chunk's lines; then the lab's sentences
 * about the run, gathered as the lab gathers them.
 */
function runToEnd(c: Run, advance: (steps: number) => ComparisonChunk, o: { steps: number; logEvery: number; hiddenLayers: number; bnBefore: boolean; probe?: 'unit' | 'channel'; norms: readonly string[] | null; pair: Pair }, out: (line: string) => void): void {
  const series = createRunSeries(o.hiddenLayers);
  if (o.norms) out(JSON.stringify({ networks: { plain: o.norms[0], bn: o.norms[1] } }));
  let diverged: ComparisonChunk['diverged'] = { plain: null, bn: null };
  while (c.step < o.steps) {
    const chunk = advance(Math.min(o.logEvery, o.steps - c.step));
    chunkLines(chunk, c.stepsPerEpoch).forEach((l) => out(l));
    appendLogs(series, chunk.logs);
    diverged = chunk.diverged;
    if (chunk.done) break;
  }
  // The report's sentences name the two networks, as the lab's do for the same pair (app/lab/model/pair.ts).
  out(JSON.stringify({ report: runReport(series, diverged, c.test?.x.rows ?? 0, c.train.classes, o.bnBefore, o.probe, o.pair) }));
}

/**
 * Runs the command line; writes JSON lines to `out`, problems to `err`. Resolves to the exit status:
 * 0 done, 1 the data file is missing or unusable, 2 bad options.
 */
export async function main(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  try {
    const cmd = parseCommandLine(argv);
    if (cmd.help) {
      out(HELP);
      return 0;
    }
    const split = cmd.data.kind === 'fashion' ? await readFashionSplit(cmd.data.path) : undefined;
    const norms = isBnComparison(cmd.settings) ? null : (cmd.settings.norms ?? null);
    const pair = pairOf(cmd.settings.norms, cmd.settings.groups);
    if (cmd.batchSweep) {
      for (const line of batchSweepLines(cmd.settings, cmd.batchSweep, split ?? experimentData(cmd.settings))) out(line);
      return 0;
    }
    if (cmd.settings.model === 'cnn' && split) {
      const { comparison: c, settings } = createCnnExperiment(cmd.settings, split);
      runToEnd(c, (n) => stepCnnComparison(c, n), { steps: cmd.steps, logEvery: settings.logEvery, hiddenLayers: c.variants.bn.model.blocks.length, bnBefore: true, probe: 'channel', norms, pair }, out);
      return 0;
    }
    const { comparison: c, data, settings } = createExperiment(cmd.settings, split);
    if (cmd.sweep) {
      const options = { ...experimentComparisonOptions(settings), learningRates: cmd.sweep, steps: cmd.steps };
      const points = runSweep(options, data);
      if (norms) out(JSON.stringify({ networks: { plain: norms[0], bn: norms[1] } }));
      for (const point of points) out(JSON.stringify(point));
      out(JSON.stringify({ report: { sweep: sweepCaption(points, c.train.classes, cmd.steps, pair) } }));
      return 0;
    }
    runToEnd(c, (n) => stepComparison(c, n), { steps: cmd.steps, logEvery: settings.logEvery, hiddenLayers: c.config.hidden.length, bnBefore: c.config.bn === 'before', norms, pair }, out);
    return 0;
  } catch (e) {
    if (e instanceof DataError) {
      err(`train: ${e.message}`);
      return 1;
    }
    if (e instanceof UsageError || e instanceof EngineError) {
      err(`train: ${e.message}\nRun "npm run train -- --help" for the options.`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
}
