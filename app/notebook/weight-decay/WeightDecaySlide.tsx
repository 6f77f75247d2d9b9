import { useContext } from 'react';
import { DeckPart, ShownParts } from '../../ui/DeckPart';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { DOT_TEX, DotReadout } from './DotReadout';
import { WdCharts } from './WdCharts';
import { WdRunBar } from './WdControls';
import { EFFECTIVE_TEX, INVARIANCE_TEX, NormSummary } from './WeightDecay';
import { useWdRun } from './useWdRun';
import '../shared/network.css';
import './weightDecay.css';

/** The first step: scale invariance in the gradient; → the numbers, with BN's ε part. */
export function WeightDecayDotSlide() {
  const [ref, state] = useWdRun<HTMLDivElement>();
  return (
    <div ref={ref} className="pass-slide">
      <DeckPart until={0}>
        <ScrollEquation tex={INVARIANCE_TEX} label="Scale invariance makes W orthogonal to its gradient, per unit" />
        <p>Exactly 0? BN divides by √(σ² + ε), not by σ. Exactly, per unit j:</p>
        <ScrollEquation tex={DOT_TEX} label="W dot its gradient equals gamma times epsilon over sigma squared plus epsilon times the gradient of gamma" />
      </DeckPart>
      <DeckPart from={1}>
        <DotReadout run={state.run} version={state.stillVersion} compact />
      </DeckPart>
    </div>
  );
}

/**
 * The second step: the run. The class guesses whether plain SGD makes ‖W₁‖ grow; → the λ = 0 line and
 * its numbers; → the λ > 0 line beside it.
 */
export function WeightDecaySlide() {
  const [ref, state] = useWdRun<HTMLDivElement>();
  const shown = useContext(ShownParts);
  const decay = shown === null || shown >= 2;
  return (
    <div ref={ref} className="pass-slide">
      <DeckPart until={0}>
        <p>
          BN right after W₁, so W₁·∂L/∂W₁ ≈ 0. Train by plain SGD, W ← W − η·∂L/∂W, no weight decay. Does ‖W₁‖ grow, shrink or stay?
        </p>
      </DeckPart>
      <WdRunBar state={state} />
      <DeckPart from={1} until={1}>
        <ScrollEquation tex={EFFECTIVE_TEX} label="Plain SGD grows the norm of W and shrinks the effective step" />
      </DeckPart>
      <DeckPart from={1}>
        <WdCharts run={state.run} version={state.version} showDecay={decay} height={180} />
        <NormSummary run={state.run} version={state.version} show="plain" />
      </DeckPart>
      <DeckPart from={2}>
        <NormSummary run={state.run} version={state.version} show="decay" />
      </DeckPart>
    </div>
  );
}
