import { useShallow } from 'zustand/react/shallow';
import { Callout } from '../../ui/Callout';
import { ChartFrame } from '../../ui/ChartFrame';
import { EquationPair } from '../../ui/EquationPair';
import { MappingPlot } from '../../ui/MappingPlot';
import { Notice } from '../../ui/Notice';
import { Slider } from '../../ui/Slider';
import { Stats } from '../../ui/Stats';
import { appStore, useAppState } from '../../state/store';
import { useMiniBatch } from '../../state/useMiniBatch';
import { type BiasView, afterReluSentence, biasView } from './biasView';
import { fmt, tex } from '../../ui/format';
import { batchSettings, sampleTable } from '../shared/batchExport';
import { sliderProps } from '../../state/props';
import { BN_PROPS } from '../../state/slices/bn';
import { niceDomain } from '../../ui/scale';
import { factor } from '../pass/notesMatrices';
import { BatchRefused } from '../shared/BatchRefused';
import { EngineError } from '../../../src/errors';

/** Section 9's numbers: the batch moved by the bias b, through BN and back; or the engine's refusal. */
function useBias(): { z: Float64Array; b: number; v: BiasView } | { error: string } {
  const z = useMiniBatch();
  const bn = useAppState(useShallow((s) => ({ eps: s.eps, gamma: s.gamma, beta: s.beta })));
  const b = useAppState((s) => s.bias);
  const seed = useAppState((s) => s.seed);
  let v;
  try {
    v = biasView(z, b, seed, bn, sliderProps(BN_PROPS.bias));
  } catch (e) {
    if (e instanceof EngineError) return { error: e.message };
    throw e;
  }
  return { z, b, v };
}

/** Section 9's equation and live panel (its presentation step): the b slider, z + b and BN(z + b), ∂L/∂b. */
export function BiasPanel() {
  const r = useBias();
  if ('error' in r) return <BatchRefused message={r.error} />;
  const { z, b, v } = r;
  const { moved } = v;
  // With σ² + ε = 0 (every point equal and ε = 0) BN itself is 0/0, and so is everything after it.
  const defined = moved.defined;
  return (
    <>
      <EquationPair
        symbolic={String.raw`\mathrm{BN}(z_i + b):\quad (z_i + b) - \underbrace{(\mu + b)}_{\mu_{z+b}} = z_i - \mu`}
        numeric={`(${tex(z[0], 3)} + ${factor(b, 2)}) - ${factor(moved.mean, 4)} = ${tex(moved.centered[0], 4)}`}
        testId="bias-equation"
      />
      <div className="panel">
        <div className="controls bn-controls">
          <Slider {...sliderProps(BN_PROPS.bias)} value={b} onChange={(x) => appStore.getState().setBn({ bias: x })} format={(x) => fmt(x, 2)} testId="bias-value" />
        </div>
        <ChartFrame title="The batch moved by the bias b, and BN of it" data={() => sampleTable([{ key: 'zb', label: 'z + b', values: v.z }, { key: 'y', label: 'BN(z + b)', values: v.y }])} config={() => batchSettings({ bias: b })}>
          <MappingPlot
            label={`The batch moved by b = ${fmt(b, 2)}, and its batch-normalized output, which does not move`}
            top={{ values: v.z, domain: niceDomain([...v.inputDomain, ...v.y]), name: 'z + b', tone: 'z', mean: moved.mean, meanLabel: `μ = ${fmt(moved.mean, 3)}` }}
            bottom={{ values: v.y, domain: niceDomain([...v.inputDomain, ...v.y]), name: 'BN(z + b)', tone: 'out' }}
          />
        </ChartFrame>
        <Stats
          items={[
            { label: 'max |BN(z + b) − BN(z)|', value: fmt(v.maxShift, 2), note: defined ? 'rounding only' : 'undefined: 0/0', tone: defined ? 'ok' : 'warn', testId: 'bias-shift' },
            { label: '∂L/∂b through BN', value: fmt(v.dLdb, 2), note: defined ? 'zero up to rounding' : 'undefined: 0/0', tone: defined ? 'ok' : 'warn', testId: 'bias-grad' },
            { label: '∂L/∂b without BN', value: fmt(v.dLdbWithoutBn, 4), note: 'same loss on z + b', tone: 'warn', testId: 'bias-grad-nobn' },
            { label: '∂L/∂b, Linear → ReLU → BN', value: fmt(v.afterRelu.dLdb, 4), note: `ReLU zeroes ${v.afterRelu.zeroed} of ${z.length}`, tone: 'warn', testId: 'bias-grad-relu' },
          ]}
        />
        {!defined && (
          <Notice tone="warn" title="Batch norm is 0/0 here" testId="bias-undefined">
            <p>Every point has the same value and ε = 0, so BN(z + b) divides 0 by 0 (section 6). Raise ε or move a point to see the bias cancel.</p>
          </Notice>
        )}
        <p className="bn-hint">
          The loss is L = ½ Σᵢ (Z̃ᵢ − tᵢ)² with targets tᵢ drawn from the seed (L = {fmt(v.loss, 4)}). Its gradient runs back through batch
          norm&apos;s exact backward pass and the linear layer&apos;s backward; ∂L/∂b = Σᵢ ∂L/∂zᵢ, and in train mode batch norm&apos;s ∂L/∂zᵢ always sum to 0.
        </p>
      </div>
    </>
  );
}

/** Section 9: a bias before BN is redundant — BN(z + b) does not move, and ∂L/∂b = 0. */
export function Bias() {
  const r = useBias();
  if ('error' in r) return <BatchRefused message={r.error} />;
  return (
    <>
      <p className="bn-prose">
        Add a bias b to the neuron before batch norm: every zᵢ moves by b — and so does their mean, by exactly the same b.
        Centering subtracts it straight back out. Slide b and watch the top of the plot move while the output below stays
        put. A parameter that cannot change the output cannot change the loss, so its gradient is zero and gradient descent
        never moves it: it is dead weight, and a linear layer followed <em>directly</em> by batch norm is built without one.
      </p>
      <p className="bn-prose" data-testid="bias-after-relu">
        Only directly. With BN after the activation (Linear → ReLU → BN, the second placement of section 10), b shifts z
        before ReLU, so it decides which values ReLU zeroes, and BN cannot undo that. {afterReluSentence(r.b, r.z.length, r.v.afterRelu, r.v.atKink)}
      </p>
      <BiasPanel />
      <Callout
        topic="the bias"
        verdict="confirmed"
        notes={<>batch norm &ldquo;effectively cancels out the effect of a bias term&rdquo;, so b can be removed or set to 0.</>}
        correct={
          <>
            when BN comes right after the linear map, exactly: BN(z + b) = BN(z) and ∂L/∂b = 0 in training mode, so b never learns
            anything and β takes over its job of shifting the output (PyTorch: nn.Linear(…, bias=False) before nn.BatchNorm1d).
            Not when an activation sits in between: there b decides what ReLU zeroes.
          </>
        }
      />
    </>
  );
}
