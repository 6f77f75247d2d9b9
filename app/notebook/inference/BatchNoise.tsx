import { useMemo } from 'react';
import { type RunningStatsTrace, batchMateSpread } from '../../../src/runningStats';
import { fmt } from '../../ui/format';
import { useAppState } from '../../state/store';
import { useMiniBatch } from '../../state/useMiniBatch';
import { useTrainedLayer } from './useRunningTrace';

/** Draws of batch-mates for the measurement: enough for a stable spread, cheap to redo on a slider move. */
export const NOISE_DRAWS = 200;

/**
 * BN's noise, measured: the same sample among different batch-mates moves in train mode and not in eval
 * mode: one effect behind the notes' "generalize on more data" that does exist, read here as a regularizer
 * (Ioffe & Szegedy §3.4; Luo et al. 2019).
 */
export function BatchNoise({ trace }: { trace: RunningStatsTrace }) {
  const z = useMiniBatch();
  const seed = useAppState((s) => s.seed);
  const shift = useAppState((s) => s.shift);
  const scale = useAppState((s) => s.scale);
  const bn = useTrainedLayer(trace);
  const m = z.length;
  const spread = useMemo(() => {
    if (m < 2) return null;
    const o = { seed, m, shift, scale, draws: NOISE_DRAWS };
    return { train: batchMateSpread(bn, z[0], { ...o, mode: 'train' }), eval: batchMateSpread(bn, z[0], { ...o, mode: 'eval' }) };
  }, [bn, z, m, seed, shift, scale]);
  if (!spread) return null;
  if (!Number.isFinite(spread.train.std)) {
    return (
      <p data-testid="batch-noise">
        The notes say BN helps a network &ldquo;generalize&rdquo; (section 14 questions their reason). One mechanism that can help: in train mode each sample is normalized with its
        batch-mates&apos; statistics, so its output carries noise, which can act as a regularizer. With this batch (no spread, ε = 0)
        the train-mode output is 0/0 for some draws, so there is no spread to measure; raise ε or the scale.
      </p>
    );
  }
  return (
    <p data-testid="batch-noise">
      The notes say BN helps a network &ldquo;generalize&rdquo; (section 14 questions their reason). One mechanism that can help, measured here: in train mode each sample is normalized with its batch-mates&apos;
      statistics, so its output carries noise, which can act as a regularizer (Ioffe &amp; Szegedy §3.4; Luo et al. 2019, one of
      the accounts of section 14). Sample 1 (z = {fmt(z[0], 3)}) with{' '}
      {NOISE_DRAWS} different sets of {m - 1} batch-mates comes out between {fmt(spread.train.min, 3)} and {fmt(spread.train.max, 3)} in
      train mode (standard deviation {fmt(spread.train.std, 3)}); in eval mode it is {fmt(spread.eval.mean, 3)} every time (standard
      deviation {fmt(spread.eval.std, 2)}). Smaller batches, more noise: raise m and the spread shrinks, roughly as 1/√m.
    </p>
  );
}
