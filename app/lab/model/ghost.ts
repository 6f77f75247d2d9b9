import { type LabSettings, networkOf } from './labSettings';
import { normsOf } from '../../state/slices/lab';
import { NORM_SHORT } from './pair';
import { count } from './labText';
import type { RunSeries } from './series';

/**
 * The ghost of the previous run: when a setting changes a run that has progressed, the lab keeps that
 * run's curves (faint, on every line chart; ghostLines.ts) beside the new run's, until the new run
 * passes the step it had reached or the reader clears it. One ghost at a time: the most recent run the
 * reader watched. Its words (the legend's "previous run: lr 0.1", the notice) are made when the run is
 * replaced, against the new run's settings. Pure.
 */
export interface Ghost {
  readonly series: RunSeries;
  readonly settings: LabSettings;
  /** The step the run had reached when it was replaced: the new run passes it at step + 1. */
  readonly step: number;
  /** The previous run's settings that differ from the new run's, short ("lr 0.1", "ReLU"); empty if none does. */
  readonly differs: readonly string[];
  /** Why the run restarted and what was kept, for the notice (said once). */
  readonly notice: string;
}

/** A run being replaced: what it logged, its settings, how far it got, and how long it ran (ms). */
export interface ReplacedRun {
  readonly series: RunSeries | null;
  readonly settings: LabSettings;
  readonly step: number;
  readonly ranMs: number;
}

/**
 * A run that ran for less than this is part of the same gesture (a slider dragged with pauses starts a
 * run at each pause): it does not replace a ghost, as a drag makes one history entry (sync.ts). 
 */
export const GHOST_MIN_MS = 1500;

type Key = Exclude<keyof LabSettings, 'labSpeed' | 'labLayer'>;

const DATASET: Readonly<Record<LabSettings['labDataset'], string>> = {
  spiral: 'spiral',
  circles: 'circles',
  gaussians: 'two Gaussians',
  xor: 'XOR',
  moons: 'moons',
  fashion: 'Fashion-MNIST',
};
const ACTIVATION: Readonly<Record<LabSettings['labActivation'], string>> = { relu: 'ReLU', sigmoid: 'sigmoid', tanh: 'tanh', identity: 'linear' };
const OPTIMIZER: Readonly<Record<LabSettings['labOptimizer'], string>> = { sgd: 'SGD', momentum: 'momentum', adam: 'Adam', adamw: 'AdamW' };
const INIT: Readonly<Record<LabSettings['labInit'], string>> = { he: 'He', xavier: 'Xavier', small: 'small Gaussian' };
const NETWORK: Readonly<Record<LabSettings['labModel'], string>> = { mlp: 'MLP', cnn: 'CNN' };
/** Settings of one kind of network only: they differ between two runs only when both are of that kind. */
const MLP_ONLY: readonly Key[] = ['labDepth', 'labWidth', 'labActivation', 'labBn', 'labOutputBn'];
const CNN_ONLY: readonly Key[] = ['labChannels', 'labKernel'];
const layers = (n: number): string => `${n} hidden layer${n === 1 ? '' : 's'}`;

/**
 * Each setting that makes a run (the speed and the charted layer do not): its name in a sentence, its
 * value in words, and the value as a short tag for the legend.
 */
const SETTINGS: { readonly [K in Key]: { readonly name: string; readonly value: (v: LabSettings[K]) => string; readonly tag: (v: LabSettings[K]) => string } } = {
  labDataset: { name: 'dataset', value: (v) => DATASET[v], tag: (v) => DATASET[v] },
  labNoise: { name: 'noise', value: String, tag: (v) => `noise ${v}` },
  labDepth: { name: 'number of hidden layers', value: String, tag: layers },
  labWidth: { name: 'units per layer', value: String, tag: (v) => `${v} units` },
  labActivation: { name: 'activation', value: (v) => ACTIVATION[v], tag: (v) => ACTIVATION[v] },
  labOptimizer: { name: 'optimizer', value: (v) => OPTIMIZER[v], tag: (v) => OPTIMIZER[v] },
  labLr: { name: 'learning rate', value: String, tag: (v) => `lr ${v}` },
  labWd: { name: 'weight decay', value: (v) => (v === 0 ? 'the optimizer’s default' : String(v)), tag: (v) => (v === 0 ? 'default weight decay' : `λ ${v}`) },
  labBatch: { name: 'batch size', value: String, tag: (v) => `m = ${v}` },
  labBn: { name: 'BN placement', value: (v) => `${v} the activation`, tag: (v) => `BN ${v}` },
  labOutputBn: { name: 'output BN', value: (v) => (v ? 'on' : 'off'), tag: (v) => (v ? 'output BN' : 'no output BN') },
  labInit: { name: 'initial weights', value: (v) => INIT[v], tag: (v) => `${INIT[v]} init` },
  labSeed: { name: 'seed', value: String, tag: (v) => `seed ${v}` },
  labModel: { name: 'network', value: (v) => NETWORK[v], tag: (v) => NETWORK[v] },
  labChannels: { name: 'CNN channels', value: (v) => v.replace(',', ' and '), tag: (v) => `channels ${v}` },
  labKernel: { name: 'kernel size', value: (v) => `${v} × ${v}`, tag: (v) => `kernel ${v} × ${v}` },
  labNorms: { name: 'normalizations', value: (v) => normsWords(v, ' and '), tag: (v) => normsWords(v, ' vs ') },
  labGroups: { name: 'GroupNorm groups', value: String, tag: (v) => `${v} groups` },
};
/** “no normalization vs GroupNorm”. */
function normsWords(pair: string, joint: string): string {
  return normsOf(pair).map((n) => NORM_SHORT[n]).join(joint);
}
const KEYS = Object.keys(SETTINGS) as Key[];

/**
 * The settings that differ between two runs (the noise only between two runs on 2-D data: Fashion-MNIST
 * has none; the network as trained, MLP or CNN, and each network's shape only between two of its runs).
 */
export function changedSettings(a: LabSettings, b: LabSettings): Key[] {
  const noNoise = a.labDataset === 'fashion' || b.labDataset === 'fashion';
  const na = networkOf(a), nb = networkOf(b);
  const applies = (k: Key): boolean =>
    k === 'labGroups' ? [a, b].some((x) => x.labNorms.includes('group')) : k === 'labModel' ? na !== nb : MLP_ONLY.includes(k) ? na === 'mlp' && nb === 'mlp' : CNN_ONLY.includes(k) ? na === 'cnn' && nb === 'cnn' : !(k === 'labNoise' && noNoise);
  return KEYS.filter((k) => applies(k) && (k === 'labModel' || a[k] !== b[k]));
}

function describe<K extends Key>(k: K, s: LabSettings): { name: string; value: string; tag: string } {
  const d = SETTINGS[k];
  // The network as trained: a CNN chosen with 2-D data trains the MLP.
  const v = (k === 'labModel' ? networkOf(s) : s[k]) as LabSettings[K];
  return { name: d.name, value: d.value(v), tag: d.tag(v) };
}

const list = (words: readonly string[]): string => (words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

/** “The learning rate changed (0.1 → 0.3)”, or for many at once, “7 settings changed”. */
function changeWords(keys: readonly Key[], from: LabSettings, to: LabSettings): string {
  if (keys.length === 0) return 'A run with the same settings started';
  if (keys.length > 3) return `${keys.length} settings changed`;
  const [name, was, now] = [(k: Key) => describe(k, from).name, (k: Key) => describe(k, from).value, (k: Key) => describe(k, to).value];
  if (keys.length === 1) return `The ${name(keys[0])} changed (${was(keys[0])} → ${now(keys[0])})`;
  return `The ${list(keys.map((k) => `${name(k)} (${was(k)} → ${now(k)})`))} changed`;
}

/** The legend's words for a ghost: “previous run: lr 0.1, to step 1,234”. */
export function ghostLegend(g: Pick<Ghost, 'differs' | 'step'>): string {
  return `previous run${g.differs.length ? `: ${g.differs.join(', ')},` : ' (same settings),'} to step ${count(g.step)}`;
}

/** A ghost of `run` (its settings against the new run's `next`); `resumeAt` > 0: the new run is replayed to that step. */
function ghostOf(run: { series: RunSeries; settings: LabSettings; step: number }, next: LabSettings, resumeAt: number): Ghost {
  const keys = changedSettings(run.settings, next);
  const restart = resumeAt > 0 ? `so the run was replayed to step ${count(resumeAt)}` : 'so the run restarted from step 0';
  const kept = `The previous run, at step ${count(run.step)}, is kept as a faint ghost on the charts until this run passes that step, or until you clear it.`;
  return { ...run, differs: keys.map((k) => describe(k, run.settings).tag), notice: `${changeWords(keys, run.settings, next)}, ${restart}. ${kept}` };
}

/**
 * The ghost once `replaced` gives way to a run of `next`'s settings: that run, if it progressed (and,
 * when a ghost is already shown, ran long enough to be more than a step of a drag: GHOST_MIN_MS);
 * else the ghost there was, with its words against the new settings; else none. A ghost of the very
 * settings of the new run (Back to it: the new run replays it) would only hide under it, and one the
 * new run is replayed past would be passed at once: neither is kept.
 */
export function nextGhost(before: Ghost | null, replaced: ReplacedRun, next: LabSettings, resumeAt = 0): Ghost | null {
  const { series, step } = replaced;
  const kept = before && changedSettings(before.settings, next).length > 0 ? before : null;
  const ghost = series && step > 0 && (kept === null || replaced.ranMs >= GHOST_MIN_MS) ? ghostOf({ series, settings: replaced.settings, step }, next, resumeAt) : kept && ghostOf(kept, next, resumeAt);
  // A new run replayed past the ghost's step would pass it at once: no ghost to show, nor to announce.
  return ghost && resumeAt <= ghost.step ? ghost : null;
}

/** Whether a run at `step` has passed the ghost: the ghost goes. */
export const ghostPassed = (ghost: Ghost | null, step: number): boolean => ghost !== null && step > ghost.step;
