// The normalization options of `npm run train` (--norm, --compare, --groups, --probe-every) and its
// batch-size sweep (--sweep-batch, --epochs), kept beside train-cli.ts, which parses and runs the rest.
import { type BatchSweepPoint, type NormKind, type Split, NORM_KINDS, runBatchSweep, resolveExperimentSettings, experimentComparisonOptions, type ExperimentSettings } from '../src';

/** The norms --norm takes (the second network's; the first has none), and --compare (any two). */
export const CLI_NORMS = NORM_KINDS.filter((n) => n !== 'none');

export class NormUsageError extends Error {}

export interface NormFlags {
  readonly norm?: string;
  readonly compare?: string;
  readonly groups?: string;
  readonly 'probe-every'?: string;
  readonly 'sweep-batch'?: string;
  readonly epochs?: string;
}

export interface BatchSweepCommand {
  readonly batchSizes: number[];
  readonly epochs: number;
  readonly norm: NormKind;
}

function positiveInteger(flag: string, text: string, min = 1): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isInteger(v) || v < min) throw new NormUsageError(`--${flag} expects an integer ≥ ${min}, got "${text}"`);
  return v;
}

function normOf(flag: string, text: string, allowed: readonly string[]): NormKind {
  if (!allowed.includes(text)) throw new NormUsageError(`--${flag} must be one of ${allowed.join(', ')}, got "${text}"`);
  return text as NormKind;
}

/**
 * The settings these flags add (norms, groups, probeEvery) and the batch sweep they ask for, if any.
 * @throws NormUsageError naming the flag and the problem.
 */
export function parseNormFlags(v: NormFlags, others: { sweep: boolean; steps: boolean; model: string | undefined }): { settings: Partial<ExperimentSettings>; batchSweep: BatchSweepCommand | null } {
  if (v.norm !== undefined && v.compare !== undefined) throw new NormUsageError('--norm and --compare both choose the networks: give one (--norm X is --compare none,X)');
  let norms: [NormKind, NormKind] | undefined;
  if (v.norm !== undefined) norms = ['none', normOf('norm', v.norm, CLI_NORMS)];
  if (v.compare !== undefined) {
    const parts = v.compare.split(',');
    if (parts.length !== 2) throw new NormUsageError(`--compare expects two normalizations separated by a comma, e.g. bn,group; got "${v.compare}"`);
    norms = [normOf('compare', parts[0], NORM_KINDS), normOf('compare', parts[1], NORM_KINDS)];
  }
  const groups = v.groups === undefined ? undefined : positiveInteger('groups', v.groups);
  if (groups !== undefined && !norms?.includes('group')) throw new NormUsageError('--groups sets GroupNorm\'s groups: add --norm group (or --compare with group)');
  const probeEvery = v['probe-every'] === undefined ? undefined : positiveInteger('probe-every', v['probe-every']);
  if (probeEvery !== undefined && others.model === 'cnn') throw new NormUsageError('--probe-every sets the MLP\'s probe; the CNN has none');
  const settings = Object.fromEntries(Object.entries({ norms, groups, probeEvery }).filter(([, x]) => x !== undefined)) as Partial<ExperimentSettings>;
  if (v['sweep-batch'] === undefined) {
    if (v.epochs !== undefined) throw new NormUsageError('--epochs is the budget of --sweep-batch: add it, or use --steps');
    return { settings, batchSweep: null };
  }
  if (v.compare !== undefined) throw new NormUsageError('--sweep-batch trains one network at each batch size: choose its normalization with --norm, not --compare');
  if (others.sweep || others.steps || probeEvery !== undefined) throw new NormUsageError(`--sweep-batch trains --epochs epochs at each batch size; it does not take ${others.sweep ? '--sweep' : others.steps ? '--steps' : '--probe-every'}`);
  const batchSizes = v['sweep-batch'].split(',').map((t) => positiveInteger('sweep-batch', t, 2));
  const epochs = v.epochs === undefined ? 1 : positiveInteger('epochs', v.epochs);
  return { settings: { groups }, batchSweep: { batchSizes, epochs, norm: norms?.[1] ?? 'bn' } };
}

/** Whether these settings compare without and with BatchNorm, the comparison the lab's report sentences describe. */
export const isBnComparison = (s: Partial<ExperimentSettings>): boolean => !s.norms || (s.norms[0] === 'none' && s.norms[1] === 'bn');

/** One JSON line per batch size: the point, with the budget (epochs) it trained for. */
export function batchSweepLines(settings: Partial<ExperimentSettings>, cmd: BatchSweepCommand, data: Split): string[] {
  const s = resolveExperimentSettings(settings);
  const { norms: _n, logEvery: _l, evalEvery: _e, probeEvery: _p, ...options } = experimentComparisonOptions(s);
  const points: BatchSweepPoint[] = runBatchSweep({ ...options, model: s.model, norm: cmd.norm, batchSizes: cmd.batchSizes, epochs: cmd.epochs }, data);
  return points.map((p) => JSON.stringify({ ...p, epochs: cmd.epochs }));
}
