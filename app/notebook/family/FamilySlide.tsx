import { DeckPart } from '../../ui/DeckPart';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { useNearViewport } from '../shared/useNearViewport';
import { FAMILY_SLIDE_TEX } from './FamilySection';
import { FamilyBlock, FamilyControls, FamilyStats, FamilyStatus, ModeConsequence, SwapConsequence } from './FamilyParts';
import { TokensExample } from './TokensParts';
import { useFamilyPass } from './useFamilyPass';
import '../shared/network.css';
import '../images/images.css';
import './family.css';

/** The first step: the four sets on the block; the class guesses which set, → μ and σ². */
export function FamilySetsSlide() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const { load, retry } = useFamilyPass(near);
  const ready = load.status === 'ready' ? load.pass : null;
  return (
    <div ref={ref} className="pass-slide">
      <ScrollEquation tex={FAMILY_SLIDE_TEX} label="mu and sigma squared are the mean and variance over the set S of m values that holds x i; x hat i is x i minus mu over the square root of sigma squared plus epsilon" />
      <FamilyStatus load={load} retry={retry} />
      {ready && (
        <div className="img-slide">
          <FamilyBlock pass={ready} maxHeight={300} />
          <div>
            <FamilyControls seed={false} />
            <DeckPart from={1}>
              <FamilyStats pass={ready} />
            </DeckPart>
          </div>
        </div>
      )}
    </div>
  );
}

/** The second step: replace another sample; train vs eval; → the numbers. Then per token. */
export function FamilyConsequencesSlide() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const { load, retry } = useFamilyPass(near);
  const ready = load.status === 'ready' ? load.pass : null;
  return (
    <div ref={ref} className="pass-slide">
      <DeckPart until={1}>
        <p>
          Replace another image of the batch and keep sample 1: whose output for sample 1 changes? And whose output differs between train mode (in the batch) and
          eval mode (alone)?
        </p>
      </DeckPart>
      <FamilyStatus load={load} retry={retry} />
      {ready && (
        <DeckPart from={1} until={1}>
          <SwapConsequence pass={ready} />
          <ModeConsequence pass={ready} />
        </DeckPart>
      )}
      <DeckPart from={2}>
        <p>In a Transformer, LayerNorm and RMSNorm normalize each token over its own features: does token 1&apos;s output depend on how many tokens there are?</p>
        <TokensExample compact />
      </DeckPart>
    </div>
  );
}
