import { useMemo } from 'react';
import { DeckPart } from '../../ui/DeckPart';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { LogSlider } from '../../ui/LogSlider';
import { fmt, tex } from '../../ui/format';
import { K_SCALE, gapVerdict, scaleCurve, scaleGradSentence, scaleReadout } from './scaleView';
import { useAppState } from '../../state/store';
import { ScaleChart } from '../shared/lazyCharts';
import { useNotesContext } from '../pass/useNotesContext';

/**
 * Multiply W₁ of the notes' network by k: BN's output does not move (until ε matters), and ∂L/∂W₁ shrinks
 * by 1/k. On a presentation slide, the gap and its chart show until part `chartUntil`, and the loss and
 * gradient sentence from part `gradFrom`.
 */
export function ScaleInvariance({ chartUntil, gradFrom = 0 }: { chartUntil?: number; gradFrom?: number }) {
  const k = useAppState((s) => s.k);
  const setBn = useAppState((s) => s.setBn);
  const ctx = useNotesContext();
  const curve = useMemo(() => scaleCurve(ctx), [ctx]);
  const r = scaleReadout(ctx, k);
  const words = scaleGradSentence(r, k);
  return (
    <div className="panel">
      <LogSlider label="Weight scale k" value={k} spec={K_SCALE} onChange={(v) => setBn({ k: v })} testId="k-value" />
      <ScrollEquation tex={String.raw`\mathrm{BN}(kW_1X) = \frac{kz - k\mu}{\sqrt{k^2\sigma^2 + \varepsilon}} = \frac{z - \mu}{\sqrt{\sigma^2 + \varepsilon/k^2}}`} />
      <ScrollEquation
        tex={String.raw`\frac{\varepsilon}{k^2} = \frac{${tex(ctx.eps, 2)}}{${tex(k, 3)}^2} = ${tex(r.effEps, 3)} \quad\text{next to}\quad \sigma_1^2 = ${tex(r.variance1, 4)}`}
        label="epsilon over k squared, next to the variance of neuron 1"
      />
      <DeckPart until={chartUntil}>
        <p data-testid="scale-gap">
          On the batch of section 11 (Z₁ = W₁X, 4 neurons × 6 samples): max |BN(k·Z₁) − BN(Z₁)| ={' '}
          <strong className="num">{fmt(r.gap, 3)}</strong>, {gapVerdict(r.gap, r.effEps, Math.min(...ctx.fwd.bn1.variance))}.
        </p>
        <ScaleChart data={curve} k={k} />
      </DeckPart>
      <DeckPart from={gradFrom}>
        <p data-testid="scale-grad">
          {words.loss} {words.grad} &ldquo;Larger weights lead to smaller gradients&rdquo; (Ioffe &amp; Szegedy, §3.3), so, they argue, BN
          stabilizes the growth of the weights: as the weights grow, the same learning rate moves their direction less.
        </p>
      </DeckPart>
    </div>
  );
}
