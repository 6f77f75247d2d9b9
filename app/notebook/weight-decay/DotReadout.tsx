import { memo, useMemo } from 'react';
import type { EffectiveLrRun } from '../../../src/effectiveLrRun';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { ScrollX } from '../../ui/ScrollX';
import { fmt, sub, tex } from '../../ui/format';
import { type LayerDots, dotReadout, probeBatch } from './wdView';

/** Σᵢ W_ij ∂L/∂W_ij = γ_j ε/(σ²_j + ε) ∂L/∂γ_j, the identity the read-out checks. */
export const DOT_TEX = String.raw`\sum_i W_{ij}\,\frac{\partial L}{\partial W_{ij}} \;=\; \gamma_j\,\frac{\varepsilon}{\sigma_j^2+\varepsilon}\,\frac{\partial L}{\partial \gamma_j}`;

/** The identity with the numbers of layer 1's unit whose |W·g| is largest relative to ‖W_j‖‖g_j‖. */
function dotNumbersTex(d: LayerDots, eps: number): string {
  const u = d.worst;
  const j = u.unit + 1;
  return String.raw`\begin{aligned} \sum_i W_{i${j}}\,\frac{\partial L}{\partial W_{i${j}}} &= ${tex(u.dot, 4)} \\ \gamma_{${j}}\,\frac{\varepsilon}{\sigma_{${j}}^2+\varepsilon}\,\frac{\partial L}{\partial \gamma_{${j}}} &= ${tex(u.gamma, 4)}\cdot\frac{${tex(eps, 2)}}{${tex(u.variance, 4)} + ${tex(eps, 2)}}\cdot(${tex(u.dGamma, 4)}) = ${tex(u.epsTerm, 4)} \\ \lVert W_{\cdot ${j}}\rVert\,\Big\lVert \frac{\partial L}{\partial W_{\cdot ${j}}}\Big\rVert &= ${tex(u.scale, 4)} \end{aligned}`;
}

/**
 * W·∂L/∂W per output unit, at the run's current step (the λ = 0 network, a fixed batch of 32): its
 * largest size, BN's ε part, and what is left after the ε part (rounding), per layer BN follows.
 * Memoized: it redraws only when `version` changes (the section holds it still while the run plays).
 * `compact` (a slide): a one-line introduction and no table caption.
 */
export const DotReadout = memo(function DotReadout({ run, version, compact = false }: { run: EffectiveLrRun; version: number; compact?: boolean }) {
  const batch = useMemo(() => probeBatch(run.train, run.options.batchSize), [run]);
  // Recomputed as the run trains (`version`): the model is mutated in place.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const layers = useMemo(() => dotReadout(run.traces[0].model, batch), [run, batch, version]);
  const eps = run.options.eps;
  const first = layers[0];
  if (!first) return null;
  return (
    <div className="panel" data-testid="wd-dots">
      {compact ? (
        <p>
          Step {run.step.toLocaleString('en')} of the λ = 0 run, unit {first.worst.unit + 1} of W₁ (the least orthogonal):
        </p>
      ) : (
        <p>
          At step {run.step.toLocaleString('en')} of this section&apos;s run with λ = 0, on a fixed batch of {batch.x.rows} training points, unit{' '}
          {first.worst.unit + 1} of layer 1 is the furthest from orthogonal:
        </p>
      )}
      <ScrollEquation tex={dotNumbersTex(first, eps)} label={`W dot its gradient for unit ${first.worst.unit + 1} of layer 1, and BN's epsilon part`} />
      <ScrollX label="W·∂L/∂W per layer">
        <table className="data-table wd-table" aria-label="W dot its gradient per layer, relative to the Cauchy–Schwarz bound">
          {!compact && <caption>Largest over the units j, each relative to ‖W_j‖·‖∂L/∂W_j‖ (1 would be parallel)</caption>}
          <thead>
            <tr>
              <th scope="col">layer</th>
              <th scope="col">|W·∂L/∂W|</th>
              <th scope="col">|ε part|</th>
              <th scope="col">|W·∂L/∂W − ε part|</th>
            </tr>
          </thead>
          <tbody>
            {layers.map((d) => (
              <tr key={d.index}>
                <th scope="row">W{sub(d.index)}</th>
                <td className="num" data-testid={`wd-dot-${d.index}`}>{fmt(d.maxDot, 2)}</td>
                <td className="num" data-testid={`wd-eps-${d.index}`}>{fmt(d.maxEps, 2)}</td>
                <td className="num" data-testid={`wd-residual-${d.index}`}>{fmt(d.residual, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      <p data-testid="wd-dot-verdict">{dotVerdict(layers, eps)}</p>
    </div>
  );
});

/** What the numbers say, in words. */
export function dotVerdict(layers: readonly LayerDots[], eps: number): string {
  const dot = Math.max(...layers.map((d) => d.maxDot));
  const residual = Math.max(...layers.map((d) => d.residual));
  // A dead network (every unit's input ≤ 0 under ReLU) has ∂L/∂W = 0: the bound is 0 and there is nothing to compare.
  if (layers.every((d) => d.worst.scale === 0)) return 'The gradient of W is 0 here (the units are dead): there is nothing to compare.';
  if (eps === 0) {
    return `With ε = 0 the ε part is 0 and W·∂L/∂W is rounding: at most ${fmt(dot, 2)} of its bound. Scale invariance is exact.`;
  }
  return `With ε = ${fmt(eps, 2)}, W·∂L/∂W is up to ${fmt(dot, 2)} of its bound: not 0, and far above rounding. It is BN's ε part: take that out and ${fmt(residual, 2)} is left, which is rounding.`;
}
