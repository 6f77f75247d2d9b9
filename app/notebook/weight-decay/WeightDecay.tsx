import type { EffectiveLrRun } from '../../../src/effectiveLrRun';
import { sectionNumber } from '../../outline';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { fmt } from '../../ui/format';
import { DOT_TEX, DotReadout } from './DotReadout';
import { NormIdentity } from './NormIdentity';
import { WdCharts } from './WdCharts';
import { WdRunBar, WdSettingsControls } from './WdControls';
import { useWdRun } from './useWdRun';
import { growingSteps, normSummary } from './wdView';
import '../shared/network.css';
import './weightDecay.css';

/** L is unchanged when one unit's column of W is scaled by c > 0 (BN normalizes each unit on its own); differentiated at c = 1. */
export const INVARIANCE_TEX = String.raw`L(\dots,cW_{:,j},\dots) = L(W)\ (c>0) \;\Longrightarrow\; \frac{d}{dc}\Big|_{c=1} = \sum_i W_{ij}\,\frac{\partial L}{\partial W_{ij}} = 0\ \text{ per unit } j\ \ (\text{up to } \varepsilon)`;
/** The effective step of a scale-invariant W. */
export const EFFECTIVE_TEX = String.raw`\begin{aligned} W_{t+1} = W_t - \eta g_t,\ \ W_t\cdot g_t \approx 0 \;&\Longrightarrow\; \lVert W_{t+1}\rVert^2 \approx \lVert W_t\rVert^2 + \eta^2\lVert g_t\rVert^2 \\ \lVert g_t\rVert \propto 1/\lVert W_t\rVert \;&\Longrightarrow\; \text{effective step} \approx \eta/\lVert W_t\rVert^2 \end{aligned}`;

/** What the run did to ‖W₁‖ and η/‖W₁‖², in words, from its numbers. */
export function NormSummary({ run, version, show = 'both' }: { run: EffectiveLrRun; version: number; show?: 'both' | 'plain' | 'decay' }) {
  if (run.step === 0) return null;
  const [plain, decayed] = normSummary(run, 0);
  const grew = growingSteps(run, run.traces[0], 0);
  const every = grew === run.step ? `at every one of the ${run.step.toLocaleString('en')} steps` : `at ${grew.toLocaleString('en')} of the ${run.step.toLocaleString('en')} steps`;
  return (
    <div data-version={version}>
      {show !== 'decay' && (
      <p data-testid="wd-summary-0">
        Plain SGD (λ = 0): ‖W₁‖ grew {every}, from {fmt(plain.norm0, 3)} to <strong className="num">{fmt(plain.norm, 3)}</strong>, so the
        effective step η/‖W₁‖² fell from {fmt(plain.eff0, 4)} to <strong className="num">{fmt(plain.eff, 4)}</strong> (÷{fmt(plain.eff0 / plain.eff, 2)}).
        The learning rate η = {fmt(run.options.lr, 3)} never changed; the weights&apos; growth decayed it.
      </p>
      )}
      {show !== 'plain' && (
        <p data-testid="wd-summary-decay">
          With weight decay λ = {fmt(decayed.weightDecay, 2)}: ‖W₁‖ went from {fmt(decayed.norm0, 3)} to <strong className="num">{fmt(decayed.norm, 3)}</strong>, and
          η/‖W₁‖² is <strong className="num">{fmt(decayed.eff, 4)}</strong>, {fmt(decayed.eff / plain.eff, 2)} times plain SGD&apos;s.
        </p>
      )}
    </div>
  );
}

/** Weight decay and the effective learning rate: scale invariance in the gradient, and what it does to ‖W‖ under SGD. */
export function WeightDecay() {
  const [ref, state] = useWdRun<HTMLDivElement>();
  const { run, version } = state;
  return (
    <div ref={ref} className="wd-section blocks">
      <p>
        Section {sectionNumber('why-it-works')} showed that with BN right after a linear map, multiplying the weights W by any c &gt; 0 leaves
        the train-mode output unchanged (up to ε), so the loss is too. Ioffe and Szegedy (2015, §3.3) drew one consequence: weights a
        times larger get gradients a times smaller. And since BN normalizes each unit on its own, one unit&apos;s column of W can be scaled
        alone; differentiate at c = 1 and a second consequence appears: the gradient is orthogonal to the weights, unit by unit.
      </p>
      <ScrollEquation tex={INVARIANCE_TEX} label="Scale invariance makes W orthogonal to its gradient, per unit" />
      <h3 className="subhead">Not quite 0: BN&apos;s ε</h3>
      <p>
        The &ldquo;up to ε&rdquo; matters here. BN divides by √(σ² + ε), not by σ, so scaling W does move the output a little, and
        the same algebra as section {sectionNumber('backward')}&apos;s gives the dot exactly (train mode; σ²ⱼ is the batch variance of unit j):
      </p>
      <ScrollEquation tex={DOT_TEX} label="W dot its gradient equals gamma times epsilon over sigma squared plus epsilon times the gradient of gamma" />
      <p>
        That is ε/(σ²ⱼ + ε) times γⱼ ∂L/∂γⱼ: about 10⁻⁵ of it when σ²ⱼ ≈ 1, and large where σ²ⱼ comes near ε. Next to
        ‖Wⱼ‖‖∂L/∂Wⱼ‖ it can be much bigger, because ∂L/∂γⱼ is not part of the gradient of Wⱼ. It is never rounding: exact
        orthogonality needs ε = 0. Computed for the network below, as it trains:
      </p>
      <DotReadout run={run} version={state.stillVersion} />
      <h3 className="subhead">Plain SGD makes ‖W‖ grow, and the step shrink</h3>
      <p>
        A gradient orthogonal to W can only lengthen it: by Pythagoras, each step of plain SGD adds η²‖g‖² to ‖W‖². And since the
        loss depends only on W&apos;s direction, what a step does is turn W, by about η‖g‖/‖W‖; with ‖g‖ itself ∝ 1/‖W‖, that is
        an effective learning rate of η/‖W‖² (van Laarhoven 2017; Hoffer et al. 2018).
      </p>
      <ScrollEquation tex={EFFECTIVE_TEX} label="Plain SGD grows the norm of W and shrinks the effective step" />
      <p>
        Weight decay λ (PyTorch&apos;s <code>weight_decay</code>: λW added to the gradient) shrinks W by (1 − ηλ) each step. For a
        scale-invariant W it cannot make the network simpler, since the loss does not see ‖W‖; what it does is hold ‖W‖, and with it
        the effective step, steady: ‖W‖ levels off where the decay&apos;s pull balances the gradient&apos;s push, as long as the gradient
        keeps pushing (if the units die, decay alone shrinks W towards 0) (van Laarhoven 2017;
        for layers followed by BN and trained by SGD, or Adam with decoupled decay, Zhang et al. 2019 trace weight decay&apos;s benefit to this effective learning rate). Two copies of one network (2 → 16 → 16 →
        3, BN before each ReLU, the spiral), from the same weights on the same batches, by plain SGD with λ = 0 and with λ:
      </p>
      <WdSettingsControls />
      <WdRunBar state={state} />
      <WdCharts run={run} version={version} />
      <NormSummary run={run} version={version} />
      <p>
        The one-step identity, with the decay and BN&apos;s ε part in it, holds to rounding at every step; the short form ‖W_t‖² + η²‖g_t‖²
        is off by exactly the ε part (and the decay), which is why it holds to 10⁻¹⁵ only with ε = 0 and λ = 0:
      </p>
      <NormIdentity run={run} version={state.stillVersion} />
      <p className="orientation-note">
        λ applies to every parameter (γ, β and biases too), as PyTorch&apos;s <code>weight_decay</code> does unless parameter groups
        say otherwise. The same holds per output channel for a convolution followed by BatchNorm2d.
      </p>
      <p className="orientation-note">
        Sources: Ioffe &amp; Szegedy 2015 (<a href="https://arxiv.org/abs/1502.03167">arXiv:1502.03167</a>, §3.3); van Laarhoven 2017,
        “L2 regularization versus batch and weight normalization” (<a href="https://arxiv.org/abs/1706.05350">arXiv:1706.05350</a>); Hoffer et
        al. 2018, “Norm matters” (<a href="https://arxiv.org/abs/1803.01814">arXiv:1803.01814</a>); Zhang et al. 2019, “Three mechanisms of
        weight decay regularization” (<a href="https://arxiv.org/abs/1810.12281">arXiv:1810.12281</a>); for AdamW&apos;s decoupled decay,
        Loshchilov &amp; Hutter 2019 (<a href="https://arxiv.org/abs/1711.05101">arXiv:1711.05101</a>).
      </p>
    </div>
  );
}
