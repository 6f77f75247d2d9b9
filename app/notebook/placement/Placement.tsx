import { type ReactNode, useMemo } from 'react';
import { Callout } from '../../ui/Callout';
import { ChartFrame } from '../../ui/ChartFrame';
import { EquationPair } from '../../ui/EquationPair';
import { HistogramPlot } from '../../ui/HistogramPlot';
import { Toggle } from '../../ui/Toggle';
import { appStore, useAppState } from '../../state/store';
import type { Placement as Side } from '../../state/slices/bn';
import { PLACEMENT_SETUP, placementView } from './placementView';
import { fmt, tex } from '../../ui/format';
import { batchSettings, histogramTable } from '../shared/batchExport';
import { PlacementCompare } from './PlacementCompare';

const OPTIONS = [
  { value: 'before', label: 'BN → ReLU' },
  { value: 'after', label: 'ReLU → BN' },
] as const;

const pct = (x: number) => `${fmt(100 * x, 3)} %`;

/** Section 10's numbers: the chosen order and both orders' histograms for the store's seed and ε. */
function usePlacement() {
  const placement = useAppState((s) => s.placement);
  const seed = useAppState((s) => s.seed);
  const eps = useAppState((s) => s.eps);
  const view = useMemo(() => placementView(seed, eps), [seed, eps]);
  return { placement, view, stages: view[placement] };
}

/**
 * Section 10's live panel (its presentation step): the order toggle, its equation and the layer's histograms;
 * `children` go at the panel's foot (the notebook's story and comparison of both orders).
 */
export function PlacementPanel({ children }: { children?: ReactNode }) {
  const { placement, view, stages } = usePlacement();
  const out = stages[2].summary;
  return (
    <div className="panel">
      <Toggle<Side> label="Where batch norm sits" value={placement} options={OPTIONS} onChange={(p) => appStore.getState().setBn({ placement: p })} />
      <EquationPair
        symbolic={placement === 'before' ? String.raw`A = \mathrm{ReLU}\big(\mathrm{BN}(xW + b)\big)` : String.raw`A = \mathrm{BN}\big(\mathrm{ReLU}(xW + b)\big)`}
        numeric={[
          `\\text{mean}(A) = ${tex(out.mean, 3)}`,
          `\\text{std}(A) = ${tex(out.std, 3)}`,
          `A = 0 \\text{ for } ${tex(100 * out.zeroFraction, 3)}\\%`,
          `\\min A = ${tex(out.min, 3)}`,
        ]}
        testId="placement-equation"
      />
      <ChartFrame
        title={`Histograms of the layer with ${placement === 'before' ? 'BN before ReLU' : 'BN after ReLU'}`}
        data={() => histogramTable(stages.map((s) => ({ key: s.key, label: s.label, hist: s.hist })))}
        config={() => batchSettings({ placement, setup: PLACEMENT_SETUP })}
      >
        <div className="bn-hist-row">
          {stages.map((s, k) => (
            <HistogramPlot
              key={s.key}
              hist={s.hist}
              domain={view.domain}
              tone={k === 0 ? 'z' : k === 1 && placement === 'before' ? 'norm' : 'out'}
              title={`${k + 1}. ${s.label}`}
              label={`Histogram of ${s.label}: mean ${fmt(s.summary.mean, 3)}, std ${fmt(s.summary.std, 3)}, ${pct(s.summary.zeroFraction)} exactly 0`}
              caption={`mean ${fmt(s.summary.mean, 2)} · std ${fmt(s.summary.std, 2)} · zeros ${pct(s.summary.zeroFraction)}${s.hist.outside > 0 ? ` · ${s.hist.outside} beyond the axis` : ''}`}
            />
          ))}
        </div>
      </ChartFrame>
      {children}
    </div>
  );
}

/** Section 10: batch norm before or after the activation, and what each does to the distributions. */
export function Placement() {
  const { placement, view, stages } = usePlacement();
  const out = stages[2].summary;
  const zeros = view.zeroShare[placement];
  const { m, features, inputs } = PLACEMENT_SETUP;
  return (
    <>
      <p className="bn-prose">
        The notes normalize z, the linear output, before the activation — as Ioffe &amp; Szegedy did — and add that after can
        work too. The choice changes what the next layer receives. Here a whole layer of {features} neurons ({inputs} inputs, ReLU)
        sees a larger batch of {m} examples; the histograms pool all its neurons. Switch the order and compare.
      </p>
      <PlacementPanel>
        <p className="bn-prose bn-prose-wide" data-testid="placement-story">
          {placement === 'before' ? (
            <>
              BN first centres every neuron (here with γ = 1, β = 0), so ReLU keeps about half of each neuron&apos;s values whatever its
              bias was: the share of zeros per neuron is {zeros.map(pct).join(', ')}.{' '}
              {zeros.some((z) => z >= 0.999) ? 'Even so, a neuron here is dead (every value zeroed)' : 'No neuron is dead here'}, and the
              outputs are ≥ 0 with mean ≈ {fmt(out.mean, 2)}. That is at β = 0: a learned β far below zero can still silence a ReLU,
              since γ·ẑ + β is then negative for nearly every sample.
            </>
          ) : (
            <>
              ReLU first: how many values it zeroes depends on each neuron&apos;s bias — {zeros.map(pct).join(', ')} per neuron. BN then
              centres what is left, so the outputs have mean 0 and std ≈ 1 but are no longer ≥ 0: the spike of zeros moves to negative values
              (the smallest output is {fmt(out.min, 3)}).
            </>
          )}
        </p>
        <PlacementCompare view={view} placement={placement} />
      </PlacementPanel>
      <Callout
        topic="where BN goes"
        verdict="confirmed"
        notes={<>&ldquo;typically … batch normalization is applied prior to the activation function, after the linear transformation, though doing after the activation can work as well.&rdquo;</>}
        correct={
          <>
            the original paper puts BN before the nonlinearity, and both orders train in practice. Before: the activation sees a controlled
            input (half the ReLUs on). After: the next layer sees a centred, unit-scale input.
          </>
        }
      />
    </>
  );
}
