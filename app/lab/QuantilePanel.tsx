import { useCallback } from 'react';
import { Toggle } from '../ui/Toggle';
import { columnsRange, padRange } from './model/labAxes';
import { quantileLines } from './model/labCharts';
import { ghostQuantileLines } from './model/ghostLines';
import { VARIANT_ORDER } from './model/variants';
import { usePair } from './usePair';
import type { Pair } from './model/pair';
import { useAppState } from '../state/store';
import { networkOf } from './model/labSettings';
import { LiveLineChart, type LiveLines, lastStep } from './LiveLineChart';
import type { RunState } from './runStore';
import { layoutInfo, useRun } from './runStore';

/**
 * Ioffe & Szegedy (2015), Fig. 1 b–c: the 15 %, 50 % and 85 % quantiles of one unit's input to its
 * nonlinearity over training, without and with BN, on one y scale so the drift can be compared.
 */
export function QuantilePanel() {
  const pair = usePair();
  // While a new run loads, the replaced run's layout: its charts stay mounted (and empty).
  const hidden = useRun((s) => layoutInfo(s)?.hidden.length ?? 0);
  const unit = useRun((s) => layoutInfo(s)?.probeUnit ?? 0);
  const chosen = useAppState((s) => s.labLayer);
  const setLab = useAppState((s) => s.setLab);
  const cnn = useRun((s) => layoutInfo(s)?.settings.model === 'cnn');
  const layer = chosen === 0 || chosen > hidden ? hidden : chosen;
  const selectPlain = useQuantiles('plain', layer, pair);
  const selectBn = useQuantiles('bn', layer, pair);
  if (hidden === 0) return <p className="lab-hint">With no hidden layer there is no hidden unit to watch.</p>;
  const layers = Array.from({ length: hidden }, (_, i) => ({ value: String(i + 1), label: i + 1 === hidden ? `${i + 1} (last)` : String(i + 1) }));
  return (
    <>
      <Toggle label={cnn ? 'Convolution block' : 'Hidden layer'} value={String(layer)} options={layers} onChange={(v) => setLab({ labLayer: Number(v) === hidden ? 0 : Number(v) })} />
      <div className="lab-pair">
        {VARIANT_ORDER.map((v) => (
          <figure key={v} className={`lab-figure lab-frame-${v}`}>
            <figcaption>{pair.label[v]}</figcaption>
            <LiveLineChart
              select={v === 'plain' ? selectPlain : selectBn}
              label={cnn ? `Quantiles of channel ${unit + 1}'s input to ReLU in convolution block ${layer}, ${pair.phrase[v]}` : `Quantiles of unit ${unit + 1}'s input in hidden layer ${layer}, ${pair.phrase[v]}`}
              yLabel={cnn ? 'input to ReLU' : 'input to the activation'}
              height={200}
            />
          </figure>
        ))}
      </div>
    </>
  );
}

/** One network's quantile lines, on the y range of both networks' lines (so the two charts compare). */
function useQuantiles(variant: 'plain' | 'bn', layer: number, pair: Pair): (s: RunState) => LiveLines | null {
  return useCallback(
    (s: RunState) => {
      if (!s.series || layer < 1) return null;
      const { plain, bn } = s.series;
      // One y range for both charts, from the raw columns (15 % and 85 % bound the three lines).
      const columns = [plain, bn].flatMap((c) => (layer - 1 < c.q15.length ? [{ col: c.q15[layer - 1], n: c.n }, { col: c.q85[layer - 1], n: c.n }] : []));
      // The previous run's medians (drawn faint) share the range too.
      // A ghost of the other kind of network (an MLP's unit against a CNN's channel) is not drawn here.
      const ghost = s.ghost && networkOf(s.ghost.settings) === (s.info?.settings.model ?? 'mlp') ? s.ghost : null;
      const g = ghost?.series;
      const ghostColumns = g ? [g.plain, g.bn].flatMap((c) => (layer - 1 < c.q50.length ? [{ col: c.q50[layer - 1], n: c.n }] : [])) : [];
      const lines = [...ghostQuantileLines(ghost, variant, layer - 1), ...quantileLines(s.series, variant, layer - 1, undefined, pair)];
      return { lines, yDomain: padRange(columnsRange([...columns, ...ghostColumns])), xMax: lastStep(s) };
    },
    [variant, layer, pair],
  );
}
