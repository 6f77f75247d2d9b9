import { summarize } from '../../../src/distribution';
import { Callout } from '../../ui/Callout';
import { ChartFrame } from '../../ui/ChartFrame';
import { Equation } from '../../ui/Equation';
import { EquationPair } from '../../ui/EquationPair';
import { MappingPlot } from '../../ui/MappingPlot';
import { NumberTable } from '../../ui/NumberTable';
import { Stats } from '../../ui/Stats';
import { useBatchStatistics } from '../shared/useBatchSteps';
import { fmt, tex } from '../../ui/format';
import { batchSettings, sampleTable } from '../shared/batchExport';
import { niceDomain } from '../../ui/scale';
import { rowVectorTex } from '../shared/sumTex';
import { BatchRefused } from '../shared/BatchRefused';

/** Section 4's equation and live panel (its presentation step): each z mapped to z − μ. */
export function CenteringPanel() {
  const { z, steps, error } = useBatchStatistics();
  if (!steps) return <BatchRefused message={error ?? ''} />;
  const { mean: mu, centered } = steps;
  const after = summarize(centered);
  const domain = niceDomain([...z, ...centered]);
  return (
    <>
      <EquationPair
        symbolic={String.raw`z_i - \mu \quad (i = 1, \dots, m)`}
        numeric={[
          `z_1 - \\mu = ${tex(z[0], 3)} - ${mu < 0 ? `(${tex(mu, 3)})` : tex(mu, 3)} = ${tex(centered[0], 3)}`,
          `{Z - \\mu = ${rowVectorTex(centered, 2, 4)}}`,
        ]}
        testId="centering-equation"
      />
      <div className="panel">
        <ChartFrame title="Centering: z mapped to z − μ" data={() => sampleTable([{ key: 'z', label: 'z', values: z }, { key: 'centered', label: 'z − μ', values: centered }])} config={batchSettings}>
          <MappingPlot
            label={`Each sample z moved by −μ = ${fmt(-mu, 3)} onto z − μ`}
            top={{ values: z, domain, name: 'z', tone: 'z', mean: mu, meanLabel: `μ = ${fmt(mu, 3)}` }}
            bottom={{ values: centered, domain, name: 'z − μ', tone: 'centered', mean: 0, meanLabel: 'mean 0' }}
          />
        </ChartFrame>
        <Stats
          items={[
            { label: 'μ (before)', value: fmt(mu, 4), tone: 'mean', testId: 'centering-mu' },
            {
              label: 'mean of z − μ (after)',
              value: fmt(after.mean, 3),
              note: after.mean === 0 ? 'exactly 0' : 'zero up to rounding (about 10⁻¹⁶ of the values)',
              tone: 'ok',
              testId: 'centering-after-mean',
            },
            { label: 'spread (std) before → after', value: `${fmt(summarize(z).std, 4)} → ${fmt(after.std, 4)}`, tone: 'var', testId: 'centering-std' },
          ]}
        />
      </div>
    </>
  );
}

/** Section 4: centering, z − μ. */
export function Centering() {
  const { z, steps, error } = useBatchStatistics();
  if (!steps) return <BatchRefused message={error ?? ''} />;
  return (
    <>
      <p className="bn-prose">
        Subtract μ from every sample. The whole batch slides, rigidly, until its mean sits at 0: the gaps between the points
        do not change, only where they are. On the plot every line has the same slant — each point moves by the same −μ.
      </p>
      <CenteringPanel />
      <NumberTable
        caption="Each sample before and after centering"
        rows={[
          { label: <><var>z</var><sub>i</sub></>, values: z, tone: 'z' },
          { label: <><var>z</var><sub>i</sub> − μ</>, values: steps.centered, tone: 'centered', testId: 'centered-row' },
        ]}
      />
      <Callout
        topic="μ subtracted twice"
        notes={
          <>
            <Equation tex="Z_l^i = Z_l^i - \mu" display={false} /> (Z overwritten by its centred values), and on the next line{' '}
            <Equation tex="\sigma^2 = \frac{1}{m}\sum_i (Z_l^i - \mu)^2" display={false} />.
          </>
        }
        correct={
          <>
            read in order, that subtracts μ twice. Keep z − μ as its own quantity, as Ioffe &amp; Szegedy do:
            x̂ᵢ = (xᵢ − μ)/√(σ² + ε) in one step, with σ² computed from the original z.
          </>
        }
      >
        <p className="evidence">
          Live: the literal reading gives (1/m)Σ((zᵢ − μ) − μ)² ={' '}
          <span className="bn-live bn-bad" data-testid="centering-twice">{fmt(steps.varianceIfCenteredTwice, 4)}</span>, which is σ² + μ²; the
          intended σ² is <span className="bn-live text-var">{fmt(steps.variance, 4)}</span>. (They agree only when μ = 0.)
        </p>
      </Callout>
    </>
  );
}
