import { useShallow } from 'zustand/react/shallow';
import { Callout } from '../../ui/Callout';
import { ChartFrame } from '../../ui/ChartFrame';
import { EquationPair } from '../../ui/EquationPair';
import { MappingPlot } from '../../ui/MappingPlot';
import { Stats } from '../../ui/Stats';
import { appStore, useAppState } from '../../state/store';
import { useBatchSteps } from '../shared/useBatchSteps';
import { identityView } from './identityView';
import { fmt, tex } from '../../ui/format';
import { batchSettings, sampleTable } from '../shared/batchExport';
import { niceDomain } from '../../ui/scale';
import { BatchRefused } from '../shared/BatchRefused';

/** Section 8's numbers: the shared batch through BN, and the γ, β that undo it (null when the engine refused). */
function useIdentity() {
  const { z, steps, error } = useBatchSteps();
  const next = useAppState(useShallow((s) => ({ seed: s.seed, shift: s.shift, scale: s.scale })));
  return { z, steps, error, v: steps ? identityView(z, steps.eps, steps.gamma, steps.beta, next) : null };
}

/** Section 8's equation and live panel (its presentation step): the undo button, z mapped to Z̃. */
export function IdentityPanel() {
  const { z, steps, error, v } = useIdentity();
  if (!steps || !v) return <BatchRefused message={error ?? ''} />;
  const { mean: mu, variance, eps, gamma, beta, y } = steps;
  const domain = niceDomain([...z, ...y]);
  const { setBn } = appStore.getState();
  return (
    <>
      <EquationPair
        symbolic={String.raw`\gamma = \sqrt{\sigma^2+\epsilon},\ \beta = \mu \;\Rightarrow\; \tilde Z_i = \sqrt{\sigma^2+\epsilon}\,\frac{z_i-\mu}{\sqrt{\sigma^2+\epsilon}} + \mu = z_i`}
        numeric={[`\\gamma = \\sqrt{${tex(variance, 4)} + ${tex(eps, 2)}} = ${tex(v.target.gamma, 6)}`, `\\beta = \\mu = ${tex(mu, 6)}`]}
        testId="identity-equation"
      />
      <div className="panel">
        <div className="bn-actions">
          <button type="button" className="bn-primary" onClick={() => setBn(v.target)}>
            Undo batch norm: set γ = √(σ² + ε) and β = μ
          </button>
          <button type="button" onClick={() => setBn({ gamma: 1, beta: 0 })}>
            Back to γ = 1, β = 0
          </button>
        </div>
        <ChartFrame title="The identity undo: z mapped to Z̃" data={() => sampleTable([{ key: 'z', label: 'z', values: z }, { key: 'y', label: 'Z̃', values: y }])} config={batchSettings}>
          <MappingPlot
            label={v.isIdentity ? 'Every sample maps onto itself: the lines are vertical' : 'Each sample z mapped to its output Z̃'}
            top={{ values: z, domain, name: 'z', tone: 'z' }}
            bottom={{ values: y, domain, name: 'Z̃', tone: 'out' }}
          />
        </ChartFrame>
        <Stats
          items={[
            { label: 'γ now', value: fmt(gamma, 6), note: `undo needs ${fmt(v.target.gamma, 6)}`, tone: 'out', testId: 'identity-gamma' },
            { label: 'β now', value: fmt(beta, 6), note: `undo needs ${fmt(v.target.beta, 6)}`, tone: 'out', testId: 'identity-beta' },
            {
              label: 'max |Z̃ − Z|',
              value: fmt(v.maxDeviation, 2),
              note: v.isIdentity
                ? `machine precision (rounding level here: ${fmt(v.roundingLevel, 2)})`
                : Number.isNaN(v.maxDeviation)
                  ? 'undefined: σ² + ε = 0 (see section 6)'
                  : 'not the identity',
              tone: v.isIdentity ? 'ok' : 'warn',
              testId: 'identity-max',
            },
          ]}
        />
      </div>
    </>
  );
}

/** Section 8: γ = √(σ² + ε), β = μ undoes batch norm, to machine precision, for this batch. */
export function Identity() {
  const { error, v } = useIdentity();
  if (!v) return <BatchRefused message={error ?? ''} />;
  return (
    <>
      <p className="bn-prose" data-testid="identity-prose">
        A footnote in the notes: choose γ = √(σ² + ε) and β = μ, and the scale and shift exactly reverse the normalization —
        batch norm computes the identity, <em>for this batch</em>. That is less than it sounds. In training, μ and σ² are
        recomputed for every batch, so fixed γ and β undo one batch at a time:{' '}
        {Number.isNaN(v.otherBatchDeviation)
          ? 'on the next seed’s batch the same γ, β give no number at all (σ² + ε = 0 there)'
          : `on the next seed’s batch the same γ, β leave max |Z̃ − Z| = ${fmt(v.otherBatchDeviation, 3)}`}
        , and the noise of the batch statistics stays. The identity holds for every input only at inference, where BN uses its
        running statistics: γ = √(running variance + ε) and β = running mean make eval-mode BN the identity (section 15).
      </p>
      <IdentityPanel />
      <Callout
        topic="the identity undo"
        verdict="confirmed"
        notes={<>with γ = √(σ² + ε) and β = μ &ldquo;we&apos;d be effectively undoing the batch normalization&rdquo; — an identity function.</>}
        correct={<>for the batch those σ² and μ came from. The next batch has its own μ and σ², and the same γ, β no longer undo it.</>}
      >
        <p className="evidence">
          Live: the γ, β that undo this batch give max |Z̃ − Z| = <span className="bn-live" data-testid="identity-other">{fmt(v.otherBatchDeviation, 3)}</span>
          {Number.isNaN(v.otherBatchDeviation) ? ' (that batch has no spread either, and ε = 0)' : ''}{' '}
          on the next seed&apos;s batch. Press the button, then draw a new batch in section 2: the undo breaks.
        </p>
      </Callout>
    </>
  );
}
