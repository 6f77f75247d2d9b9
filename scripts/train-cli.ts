// `npm run train -- <options>`: the training lab's with/without-BN comparison, headless in Node.
// Prints one JSON line per logged step (or per learning rate with --sweep). It builds the run with
// the engine's createExperiment, exactly as the lab's Worker does, so the numbers are the same.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import {
  ACTIVATIONS,
  DATASETS_2D,
  EXPERIMENT_DEFAULTS,
  EngineError,
  INITS,
  OPTIMIZERS,
  type ComparisonChunk,
  type ExperimentSettings,
  type VariantName,
  VARIANTS,
  createExperiment,
  experimentComparisonOptions,
  runSweep,
  stepComparison,
} from '../src';

const d = EXPERIMENT_DEFAULTS;
const HELP = `Usage: npm run train -- [options]

Trains two identical networks, without and with batch norm (same data, same initial weights, same
batch order), and prints one JSON line per logged step:
  {"step":10,"epoch":0,"plain":{trainLoss,trainAccuracy,testLoss,testAccuracy,quantiles,gradNorms},"bn":{…}}
A variant that diverged prints {"diverged":{"step":…,"reason":"…"}} instead of its metrics.

Data
  --dataset <name>        ${DATASETS_2D.join(' | ')} (default ${d.dataset})
  --samples <n>           samples before the train/test split (default ${d.samples})
  --noise <x>             coordinate noise (default: the dataset's own)
  --classes <k>           classes, spiral only (default ${d.classes})
  --test-fraction <f>     held-out fraction (default ${d.testFraction})
Network
  --depth <n>             hidden layers (default ${d.depth})
  --width <n>             units per hidden layer (default ${d.width})
  --activation <name>     ${ACTIVATIONS.join(' | ')} (default ${d.activation})
  --bn <where>            before | after the activation, in the BN variant (default ${d.bn})
  --output-bn             the BN variant also normalizes the logits
  --init <name>           ${INITS.join(' | ')} (default ${d.init})
Training
  --optimizer <name>      ${OPTIMIZERS.join(' | ')} (default ${d.optimizer})
  --lr <x>                learning rate (default ${d.lr})
  --batch <m>             mini-batch size (default ${d.batch})
  --steps <n>             steps to run (default 500)
  --seed <n>              seed for data, weights and batch order (default ${d.seed})
  --log-every <n>         print every n steps (default ${d.logEvery})
  --eval-every <n>        test-set evaluation every n steps, a multiple of --log-every (default: --log-every)
  --sweep <lr,lr,…>       instead: a learning-rate sweep of --steps steps per rate, one JSON line per rate
  -h, --help              this text
`;

const OPTIONS = {
  dataset: { type: 'string' },
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
  batch: { type: 'string' },
  steps: { type: 'string' },
  seed: { type: 'string' },
  'log-every': { type: 'string' },
  'eval-every': { type: 'string' },
  sweep: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

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

/** Parsed command line: the experiment settings, the number of steps, and an optional sweep. */
export function parseCommandLine(argv: string[]): { help: true } | { help: false; settings: Partial<ExperimentSettings>; steps: number; sweep: number[] | null } {
  let values;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return { help: true };
  const logEvery = num('log-every', values['log-every']);
  const raw: Partial<Record<keyof ExperimentSettings, unknown>> = {
    dataset: choice('dataset', values.dataset, DATASETS_2D),
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
    batch: num('batch', values.batch),
    seed: num('seed', values.seed),
    logEvery,
    evalEvery: num('eval-every', values['eval-every']) ?? logEvery,
  };
  const settings = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Partial<ExperimentSettings>;
  const steps = num('steps', values.steps) ?? 500;
  if (!Number.isInteger(steps) || steps < 1) throw new UsageError(`--steps must be a positive integer, got ${steps}`);
  const sweep = values.sweep === undefined ? null : values.sweep.split(',').map((t) => num('sweep', t) as number);
  return { help: false, settings, steps, sweep };
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

/** Runs the command line; writes JSON lines to `out`. Returns the process exit code. */
export function main(argv: string[], out: (line: string) => void, err: (line: string) => void): number {
  try {
    const cmd = parseCommandLine(argv);
    if (cmd.help) {
      out(HELP);
      return 0;
    }
    const { comparison: c, data, settings } = createExperiment(cmd.settings);
    if (cmd.sweep) {
      const options = { ...experimentComparisonOptions(settings), learningRates: cmd.sweep, steps: cmd.steps };
      for (const point of runSweep(options, data)) out(JSON.stringify(point));
      return 0;
    }
    while (c.step < cmd.steps) {
      const chunk = stepComparison(c, Math.min(settings.logEvery, cmd.steps - c.step));
      chunkLines(chunk, c.stepsPerEpoch).forEach((l) => out(l));
      if (chunk.done) break;
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof EngineError) {
      err(`train: ${e.message}\nRun "npm run train -- --help" for the options.`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2), (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
}
