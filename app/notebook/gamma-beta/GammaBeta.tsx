import { batchNormSteps } from '../../../src/bnSteps';
import { summarize } from '../../../src/distribution';
import { Callout } from '../../ui/Callout';
import { ChartFrame } from '../../ui/ChartFrame';
import { Equation } from '../../ui/Equation';
import { EquationPair } from '../../ui/EquationPair';
import { MappingPlot } from '../../ui/MappingPlot';
import { NumberTable } from '../../ui/NumberTable';
import { Slider } from '../../ui/Slider';
import { Stats } from '../../ui/Stats';
import { appStore } from '../../state/store';
import { useBatchSteps } from '../shared/useBatchSteps';
import { fmt, tex } from '../../ui/format';
import { batchSettings, sampleTable } from '../shared/batchExport';
import { sliderProps } from '../../state/props';
import { BN_PROPS } from '../../state/slices/bn';
import { niceDomain } from '../../ui/scale';
import { BatchRefused } from '../shared/BatchRefused';
import { betaByRounding, zNormMeanLabel, zNormRounding } from '../shared/rounding';

/**
 * Whether the mean of Z̃ differs from β only by rounding and prints differently (β = 0 and a mean of 1.39×10⁻¹⁶):
 * in exact arithmetic it is β. `rounding`: that of the mean of Zₙₒᵣₘ (zNormRounding).
 */
function roundingResidue(mean: number, beta: number, gamma: number, y: ArrayLike<number>, rounding: number): boolean {
  return fmt(mean, 4) !== fmt(beta, 4) && betaByRounding(mean, beta, gamma, Math.max(...Array.from(y, Math.abs)), rounding);
}

/** The mean of γ·Zₙₒᵣₘ + b as the notebook prints it: b "up to rounding" when that is all it is off by (the callout's live line). */
function meanText(y: ArrayLike<number>, b: number, gamma: number, rounding: number): string {
  const { mean } = summarize(y);
  return roundingResidue(mean, b, gamma, y, rounding) ? `${fmt(b, 4)} up to rounding` : fmt(mean, 4);
}

/**
 * The spread Z̃ should have: |γ| times that of Zₙₒᵣₘ, σ/√(σ² + ε). The note names the factor where it changes the
 * printed number (ε matters), not |γ| alone beside a smaller value; none where σ² + ε = 0 (nothing is defined).
 */
function stdNote(gamma: number, variance: number, eps: number): string | undefined {
  if (variance + eps === 0) return undefined;
  const expected = Math.abs(gamma) * (Math.sqrt(variance) / Math.sqrt(variance + eps));
  return fmt(expected, 4) === fmt(Math.abs(gamma), 4) ? `|γ| = ${fmt(Math.abs(gamma), 4)}` : `|γ|·σ/√(σ² + ε) = ${fmt(expected, 4)}`;
}

/** Section 7's equation and live panel (its presentation step): the γ and β sliders, Zₙₒᵣₘ mapped to Z̃. */
export function GammaBetaPanel() {
  const { z, steps, error } = useBatchSteps();
  if (!steps) return <BatchRefused message={error ?? ''} />;
  const { gamma, beta, zNorm, y } = steps;
  const rounding = zNormRounding(z, steps.variance, steps.eps);
  const out = steps.defined ? summarize(y) : null;
  const residue = out ? roundingResidue(out.mean, beta, gamma, y, rounding) : false;
  const zNormMean = steps.defined ? summarize(zNorm).mean : undefined;
  const { setBn } = appStore.getState();
  return (
    <>
      <EquationPair
        symbolic={String.raw`\tilde Z_i = \gamma\, Z_{norm,i} + \beta`}
        numeric={`\\tilde Z_1 = ${tex(gamma, 3)} \\cdot (${tex(zNorm[0], 4)}) + ${beta < 0 ? `(${tex(beta, 3)})` : tex(beta, 3)} = ${tex(y[0], 4)}`}
        testId="gamma-beta-equation"
      />
      <div className="panel">
        <div className="controls bn-controls">
          <Slider {...sliderProps(BN_PROPS.gamma)} value={gamma} onChange={(v) => setBn({ gamma: v })} format={(v) => fmt(v, 3)} testId="gamma-value" />
          <Slider {...sliderProps(BN_PROPS.beta)} value={beta} onChange={(v) => setBn({ beta: v })} format={(v) => fmt(v, 3)} testId="beta-value" />
          <button type="button" onClick={() => setBn({ gamma: 1, beta: 0 })}>
            Reset to γ = 1, β = 0
          </button>
        </div>
        <ChartFrame title="Scale and shift: Zₙₒᵣₘ mapped to γ·Zₙₒᵣₘ + β" data={() => sampleTable([{ key: 'zNorm', label: 'Z_norm', values: zNorm }, { key: 'y', label: 'Z̃ = γ·Z_norm + β', values: y }])} config={batchSettings}>
          <MappingPlot
            label={`Each normalized value mapped to γ·Zₙₒᵣₘ + β with γ = ${fmt(gamma, 3)} and β = ${fmt(beta, 3)}`}
            top={{ values: zNorm, domain: niceDomain([...zNorm, ...y], [-2.5, 2.5]), name: 'Zₙₒᵣₘ', tone: 'norm', mean: zNormMean, meanLabel: zNormMean === undefined ? undefined : zNormMeanLabel(zNormMean, rounding) }}
            bottom={{ values: y, domain: niceDomain([...zNorm, ...y], [-2.5, 2.5]), name: 'Z̃', tone: 'out', mean: out?.mean, meanLabel: residue ? `mean ≈ ${fmt(beta, 3)}` : `mean = ${fmt(out?.mean ?? Number.NaN, 3)}` }}
          />
        </ChartFrame>
        <Stats
          items={[
            {
              label: 'mean of Z̃',
              value: out ? fmt(out.mean, residue ? 2 : 4) : 'undefined',
              note: residue ? `β = ${fmt(beta, 4)}; the rest is rounding` : `β = ${fmt(beta, 4)}`,
              tone: 'out',
              testId: 'out-mean',
            },
            { label: 'std of Z̃', value: out ? fmt(out.std, 4) : 'undefined', note: stdNote(gamma, steps.variance, steps.eps), tone: 'out', testId: 'out-std' },
          ]}
        />
      </div>
    </>
  );
}

/** Section 7: γ and β — the learnable scale and shift after normalizing. */
export function GammaBeta() {
  const { z, steps, error } = useBatchSteps();
  if (!steps) return <BatchRefused message={error ?? ''} />;
  const { gamma, beta, zNorm, y, m } = steps;
  const rounding = zNormRounding(z, steps.variance, steps.eps);
  // The notes' forward pass (−β), run by the engine for the evidence in the callout.
  const minus = batchNormSteps(z, { eps: steps.eps, gamma, beta: -beta });
  return (
    <>
      <p className="bn-prose">
        Forcing every neuron to mean 0 and spread 1 could hurt: a sigmoid fed only values near 0 stays in its linear middle,
        and some neurons are better off with a different scale or centre. So batch norm hands the freedom back with two
        learned numbers per neuron: γ scales the normalized values, β shifts them. The output then has mean β and standard
        deviation |γ| (times σ/√(σ² + ε), which is 1 to a few parts per million unless ε matters). They start at γ = 1, β = 0 — plain normalization — and gradient descent moves them like any weight.
      </p>
      <GammaBetaPanel />
      <NumberTable
        caption="Normalized, then scaled and shifted"
        rows={[
          { label: <><var>Z</var><sub>norm,i</sub></>, values: zNorm, tone: 'norm' },
          { label: <><var>Z̃</var><sub>i</sub></>, values: y, tone: 'out', testId: 'out-row' },
        ]}
      />
      <Callout
        topic="the sign of β"
        notes={<>the forward pass computes <Equation tex="\tilde Z = \gamma \cdot Z_{norm} - \beta" display={false} /> (a minus), although its definition above it has + β.</>}
        correct={<>Z̃ = γ·Zₙₒᵣₘ + β. The sign matters: with − β the output is centred on −β, not β.</>}
      >
        <p className="evidence" data-testid="minus-beta-evidence">
          Live: with β = {fmt(beta, 3)}, the mean of γ·Zₙₒᵣₘ + β is {steps.defined ? meanText(y, beta, gamma, rounding) : 'undefined'}; the mean of γ·Zₙₒᵣₘ − β is{' '}
          {minus.defined ? meanText(minus.y, -beta, gamma, rounding) : 'undefined'}.{beta === 0 ? ' Move β to see them part.' : ''}
        </p>
      </Callout>
      <Callout
        topic="shape of γ and β"
        notes={<>γ and β &ldquo;should be matrices of same dimensions as output Z&rdquo;, initialized to matrices of 1s and 0s.</>}
        correct={<>γ and β are vectors with one entry per neuron, shared by every example of the batch (PyTorch: shape [features]).</>}
      >
        <p className="evidence">
          Live: this neuron has one γ = {fmt(gamma, 3)} and one β = {fmt(beta, 3)}, applied to all m = {m} samples. A γ the shape of Z
          would need a different number of entries for every batch size, and would have no entry for a single example at inference time.
        </p>
      </Callout>
    </>
  );
}
