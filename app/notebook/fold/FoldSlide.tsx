import { DeckPart } from '../../ui/DeckPart';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { useNearViewport } from '../shared/useNearViewport';
import { FOLD_SLIDE_TEX } from './FoldAway';
import { FoldChecks, FoldStatus, FoldedLayer, TrainModeFold } from './FoldParts';
import { useLabFold } from './useLabFold';
import '../shared/network.css';
import '../weight-decay/weightDecay.css';
import './fold.css';

/**
 * The fold as a presentation step: the equation and the lab's folded layer; → the largest difference
 * on the test set, parameters and time; → why there is no fold in train mode.
 */
export function FoldSlide() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const fold = useLabFold(near);
  const { view, done } = fold;
  return (
    <div ref={ref} className="pass-slide">
      <ScrollEquation tex={FOLD_SLIDE_TEX} label="Eval-mode batch norm after a linear layer is one linear layer with W prime and b prime" />
      <FoldStatus fold={fold} />
      <DeckPart until={0}>{view && <FoldedLayer view={view} shown={4} compact />}</DeckPart>
      <DeckPart from={1} until={1}>
        {view && <FoldChecks view={view} done={done} />}
      </DeckPart>
      <DeckPart from={2}>{view && done && <TrainModeFold view={view} />}</DeckPart>
    </div>
  );
}
