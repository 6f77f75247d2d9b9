import type { Divergence, VariantName } from '../../../src/train';
import { count } from './labText';
import { VARIANT_ORDER } from './variants';
import { DEFAULT_PAIR, type Pair } from './pair';

/**
 * The run's state in one short line for the sticky run bar, so it stays in view beside the charts
 * (the full notices sit below the bar and scroll away). Only what changes rarely goes in it — which
 * network diverged at which step, and why playing stopped — never the current step, so the line
 * does not change while training. Null when there is nothing to say.
 */
export function runStatusText(
  diverged: Readonly<Record<VariantName, Divergence | null>>,
  stopped: 'both-diverged' | 'step-limit' | null,
  maxSteps: number,
  p: Pair = DEFAULT_PAIR,
): string | null {
  const gone = VARIANT_ORDER.filter((v) => diverged[v] !== null);
  const parts: string[] = [];
  if (gone.length === 1) parts.push(`${p.label[gone[0]]} diverged at step ${count(diverged[gone[0]]!.step)}.`);
  if (gone.length === 2) {
    const [a, b] = gone;
    parts.push(`${p.label[a]} diverged at step ${count(diverged[a]!.step)}, ${p.phrase[b]} at step ${count(diverged[b]!.step)}.`);
  }
  if (stopped === 'both-diverged') parts.push('Training stopped.');
  if (stopped === 'step-limit') parts.push(`Stopped at step ${count(maxSteps)}, the limit of one run.`);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Each diverged network's step, for marks on the charts that draw it (`variants`: the networks a chart shows). */
export function divergenceMarks(
  diverged: Readonly<Record<VariantName, Divergence | null>>,
  variants: readonly VariantName[],
): { readonly variant: VariantName; readonly step: number }[] {
  return VARIANT_ORDER.filter((v) => variants.includes(v) && diverged[v] !== null).map((v) => ({ variant: v, step: diverged[v]!.step }));
}

/** The marks in words, for a chart's accessible name: “ Without BN diverged at step 3: its lines stop there.” */
export function marksText(marks: readonly { readonly variant: VariantName; readonly step: number }[], p: Pair = DEFAULT_PAIR): string {
  return marks.map((m) => ` ${p.label[m.variant]} diverged at step ${count(m.step)}: its lines stop there.`).join('');
}
