import type { Divergence, VariantName } from '../../../src/train';
import { fmt, sub } from '../../ui/format';
import type { GradNormRow } from './readouts';
import { VARIANT_ORDER } from './variants';
import { DEFAULT_PAIR, type Pair } from './pair';

/** Words and numbers of the lab's read-outs. Non-finite values become words, never "NaN". */
const INT = new Intl.NumberFormat('en-US');

/** 12345 → "12,345". */
export const count = (n: number): string => (Number.isFinite(n) ? INT.format(Math.round(n)) : 'unknown');

/** 0.6321 → "63.2 %"; null (not measured yet) or not a finite number → "—", as the read-outs show a missing value. */
export const percent = (x: number | null): string => (x !== null && Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '—');

/** A loss or norm with 3 significant digits; null → "—". */
export const value = (x: number | null): string => (x === null ? '—' : fmt(x, 3));

/** Steps per second, rounded: "212 steps/s"; 0 (not measured yet) → "starting…". */
export const rate = (x: number): string => (x > 0 ? `${x >= 10 ? count(x) : x.toFixed(1)} steps/s` : 'starting…');

/**
 * The Speed read-out: the measured rate while playing ("starting…" until the first one is in),
 * "stopped" once the run stopped by itself (step limit, both diverged), else "paused".
 */
export function speedText(playing: boolean, stepsPerSecond: number, stopped: 'both-diverged' | 'step-limit' | null): string {
  if (playing) return rate(stepsPerSecond);
  return stopped ? 'stopped' : 'paused';
}

/** “Without BN diverged at step 10: the training loss 31.6 exceeded 20.” */
export function divergenceText(network: string, d: Divergence): string {
  return `${network} diverged at step ${count(d.step)}: ${d.reason}.`;
}

/** The run's position: “step 1,234 · epoch 3 of the 450 training rows”. */
export function positionText(step: number, stepsPerEpoch: number | null): string {
  const epoch = stepsPerEpoch && step > 0 ? ` · epoch ${count(Math.floor((step - 1) / stepsPerEpoch) + 1)}` : '';
  return `Step ${count(step)}${epoch}`;
}

/** A replay's progress: “Replaying to step 1,234… 40 %” (whole percents, so the text changes rarely). */
export function replayText(step: number, target: number): string {
  return `Replaying to step ${count(target)}… ${Math.floor((100 * Math.min(step, target)) / Math.max(1, target))} %`;
}

/**
 * What the log-scale bars of the latest ‖∂L/∂W‖ cannot show by themselves: exact zeros (no bar: a
 * log scale has no 0) and a network frozen by divergence. `lastStep`: each network's last logged step.
 */
export function gradBarNotes(rows: readonly GradNormRow[], diverged: Readonly<Record<VariantName, Divergence | null>>, lastStep: Readonly<Record<VariantName, number | null>>, p: Pair = DEFAULT_PAIR): string[] {
  const notes: string[] = [];
  for (const v of VARIANT_ORDER) {
    const zeros = rows.filter((r) => r[v] === 0).map((r) => `‖∂L/∂W${sub(Number(r.layer.slice(1)))}‖`);
    if (zeros.length > 0) {
      const list = zeros.length === 1 ? zeros[0] : `${zeros.slice(0, -1).join(', ')} and ${zeros.at(-1)}`;
      notes.push(`${p.label[v]}, ${list} ${zeros.length === 1 ? 'is' : 'are'} exactly 0: a log scale has no 0, so ${zeros.length === 1 ? 'its bar is' : 'their bars are'} marked “0” at the bottom.`);
    }
    const d = diverged[v], at = lastStep[v];
    if (d) notes.push(at === null ? `${p.label[v]} diverged at step ${count(d.step)}, before its first logged step: it has no bars.` : `${p.label[v]} diverged at step ${count(d.step)}: its bars are frozen at its last logged step, ${count(at)}.`);
  }
  return notes;
}

/**
 * What a chart of the run says while it has nothing to draw: why, and what would draw something. `step`: the shared step
 * the run is at; `logEvery`: how often its values are logged (the CNN every 10 steps, Fashion-MNIST's network every 20).
 */
export function emptyRunText(step: number, logEvery: number | null, bothDiverged: boolean): string {
  if (bothDiverged) return 'Nothing to draw: both networks diverged before their first logged step.';
  if (step > 0 && logEvery !== null && logEvery > 1) return `Nothing to draw yet: values are logged every ${count(logEvery)} steps.`;
  return 'Nothing to draw yet: press Play or Step.';
}
