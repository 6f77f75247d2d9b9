import type { Divergence, VariantName } from '../../../src/train';
import { type ProbeKind, driftCaption, gradCaption, lossCaption } from './captions';
import type { RunSeries } from './series';
import { verdictOf } from './verdicts';
import { DEFAULT_PAIR, type Pair } from './pair';

/**
 * Every sentence the lab writes about a run, in one object: the verdict (headline, lead, speed)
 * and the captions under the loss, quantile (the last hidden layer's watched unit, or the CNN's last block's channel) and gradient
 * charts. `npm run train` prints it as its last line, so a terminal run says what the page says.
 */
export interface RunReport {
  readonly advantage: string;
  readonly headline: string;
  readonly lead: string | null;
  readonly speed: string | null;
  readonly loss: string | null;
  readonly drift: string | null;
  readonly gradients: string | null;
}

/** `bnBefore`: BN sits before the activation (the drift caption says what that implies); `probe`: the MLP's unit or the CNN's channel. */
export function runReport(
  series: RunSeries, diverged: Readonly<Record<VariantName, Divergence | null>>, testRows: number, classes: number, bnBefore: boolean, probe: ProbeKind = 'unit', pair: Pair = DEFAULT_PAIR,
): RunReport {
  const v = verdictOf(series, diverged, testRows, classes, pair);
  return {
    advantage: v.advantage,
    headline: v.headline,
    lead: v.lead,
    speed: v.speed,
    loss: lossCaption(series, pair),
    drift: series.hiddenLayers > 0 ? driftCaption(series, series.hiddenLayers, bnBefore, probe, pair) : null,
    gradients: gradCaption(series, diverged, probe, pair),
  };
}
