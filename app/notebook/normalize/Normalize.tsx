import { Callout } from '../../ui/Callout';
import { ChartFrame } from '../../ui/ChartFrame';
import { EquationPair } from '../../ui/EquationPair';
import { LogSlider } from '../../ui/LogSlider';
import { MappingPlot } from '../../ui/MappingPlot';
import { NumberTable } from '../../ui/NumberTable';
import { Stats } from '../../ui/Stats';
import { appStore, useAppState } from '../../state/store';
import { useBatchStatistics } from '../shared/useBatchSteps';
import { fmt, tex } from '../../ui/format';
import { batchSettings, sampleTable } from '../shared/batchExport';
import { normalizeView } from './normalizeStatus';
import { zNormMeanLabel, zNormRounding, zeroByRounding } from '../shared/rounding';
import { substitutionDigits } from './substitution';
import { collapseValue } from '../../ui/points';
import { logSliderProps } from '../../state/props';
import { BN_PROPS } from '../../state/slices/bn';
import { niceDomain } from '../../ui/scale';
import { BatchRefused } from '../shared/BatchRefused';
import { NormalizeStatus } from './NormalizeStatus';

/** Section 6's equation and live panel (its presentation step): the ε slider, z mapped to Zₙₒᵣₘ, and σ² ≈ 0. */
export function NormalizePanel() {
  const { z, steps, error } = useBatchStatistics();
  const eps = useAppState((s) => s.eps);
  const beta = useAppState((s) => s.beta);
  if (!steps) return <BatchRefused message={error ?? ''} />;
  const { mean: mu, variance, std, zNorm } = steps;
  const { zNorm: ns, status } = normalizeView(z, steps);
  const rounding = zNormRounding(z, variance, steps.eps);
  const meanLabel = zNormMeanLabel(ns ? ns.mean : Number.NaN, rounding);
  const d = substitutionDigits(z[0], mu, std, zNorm[0]);
  const { setBn, setPoint, clearPoints } = appStore.getState();
  return (
    <>
      <EquationPair
        symbolic={String.raw`Z_{norm,i} = \frac{z_i - \mu}{\sqrt{\sigma^2 + \epsilon}}`}
        numeric={`Z_{norm,1} = \\frac{${tex(z[0], d)} - ${tex(mu, d)}}{\\sqrt{${tex(variance, d + 1)} + ${tex(eps, 2)}}} = \\frac{${tex(steps.centered[0], d)}}{${tex(std, d + 1)}} = ${tex(zNorm[0], 4)}`}
        testId="normalize-equation"
      />
      <div className="panel">
        <div className="controls bn-controls">
          <LogSlider {...logSliderProps(BN_PROPS.eps)} value={eps} onChange={(v) => setBn({ eps: v })} testId="eps-value" />
        </div>
        <ChartFrame title="Normalizing: z mapped to Zₙₒᵣₘ" data={() => sampleTable([{ key: 'z', label: 'z', values: z }, { key: 'zNorm', label: 'Z_norm', values: zNorm }])} config={batchSettings}>
          <MappingPlot
            label="Each sample z mapped to its normalized value"
            top={{ values: z, domain: niceDomain([...z, ...zNorm], [mu, -2.5, 2.5]), name: 'z', tone: 'z', mean: mu, meanLabel: `μ = ${fmt(mu, 3)}` }}
            bottom={{ values: zNorm, domain: niceDomain([...z, ...zNorm], [mu, -2.5, 2.5]), name: 'Zₙₒᵣₘ', tone: 'norm', mean: ns ? ns.mean : undefined, meanLabel }}
          />
        </ChartFrame>
        <Stats
          items={[
            { label: 'σ²', value: fmt(variance, 4), tone: 'var', testId: 'normalize-variance' },
            { label: '√(σ² + ε)', value: fmt(std, 4), tone: 'var', testId: 'normalize-std' },
            {
              label: 'mean of Zₙₒᵣₘ',
              value: ns ? fmt(ns.mean, 3) : 'undefined',
              note: ns && zeroByRounding(ns.mean, rounding) ? 'zero up to rounding' : undefined,
              tone: 'norm',
              testId: 'znorm-mean',
            },
            { label: 'std of Zₙₒᵣₘ', value: ns ? fmt(ns.std, 6) : 'undefined', tone: 'norm', testId: 'znorm-std' },
          ]}
        />
        <NormalizeStatus status={status} variance={variance} eps={eps} beta={beta} />
        <div className="bn-actions">
          <button type="button" onClick={() => z.forEach((_, i) => setPoint(i, collapseValue(mu)))}>
            Put every point on one value (σ² = 0)
          </button>
          <button type="button" onClick={clearPoints}>
            Put the points back
          </button>
          <button type="button" onClick={() => setBn({ eps: 1e-5 })}>
            ε = 10⁻⁵ (PyTorch&apos;s default)
          </button>
        </div>
      </div>
    </>
  );
}

/** Section 6: Zₙₒᵣₘ = (z − μ)/√(σ² + ε), the ε slider, and what happens when σ² ≈ 0. */
export function Normalize() {
  const { z, steps, error } = useBatchStatistics();
  if (!steps) return <BatchRefused message={error ?? ''} />;
  return (
    <>
      <p className="bn-prose">
        Divide the centred values by the batch&apos;s standard deviation and the units disappear: whatever the neuron&apos;s scale
        was, the result has mean 0 and standard deviation (almost exactly) 1. The small ε under the square root keeps the
        division safe when the batch has no spread at all — and, when it is not small next to σ², shrinks the result below 1.
      </p>
      <NormalizePanel />
      <NumberTable
        caption="Each sample, centred and normalized"
        rows={[
          { label: <><var>z</var><sub>i</sub></>, values: z, tone: 'z' },
          { label: <><var>z</var><sub>i</sub> − μ</>, values: steps.centered, tone: 'centered' },
          { label: <><var>Z</var><sub>norm,i</sub></>, values: steps.zNorm, tone: 'norm', testId: 'znorm-row' },
        ]}
      />
      <Callout
        topic="what ε is"
        notes={<>Zₙₒᵣₘ = Z/√(σ² + ε), with ε never introduced.</>}
        correct={
          <>
            ε is a small positive constant added for numerical safety (PyTorch&apos;s default is 10⁻⁵). It is a fixed setting, not
            learned. With ε = 0 a batch with no spread divides 0 by 0 — try it with the buttons above.
          </>
        }
      />
    </>
  );
}
