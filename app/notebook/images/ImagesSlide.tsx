import { DeckPart } from '../../ui/DeckPart';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { useNearViewport } from '../shared/useNearViewport';
import { AfterStats, ChannelStats, GammaBetaControls, ImagesBlock, ImagesPickControls, ImagesSettingsControls, ImagesStatus, OneImage } from './ImagesParts';
import { BN2D_STATS_TEX } from './ImagesSection';
import { MapPair } from './MapPair';
import { useImagesPass } from './useImagesPass';
import '../shared/network.css';
import './images.css';

/** The first step: the block and one channel's set; the class guesses μ_c and σ²_c, → the engine's numbers. */
export function ImagesBlockSlide() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const { load, retry } = useImagesPass(near);
  const ready = load.status === 'ready' ? load : null;
  return (
    <div ref={ref} className="pass-slide">
      <ScrollEquation tex={BN2D_STATS_TEX} label="Per channel c: mu c and sigma squared c over all n images and all h times w positions" />
      <ImagesStatus load={load} retry={retry} />
      {ready && (
        <div className="img-slide">
          <ImagesBlock pass={ready.pass} channel={ready.channel} maxHeight={330} compact />
          <div>
            <ImagesSettingsControls seed={false} />
            <ImagesPickControls pass={ready.pass} channel={ready.channel} sample={ready.sample} image={false} />
            <ChannelStats pass={ready.pass} channel={ready.channel} stats={false} />
            <DeckPart from={1}>
              <ChannelStats pass={ready.pass} channel={ready.channel} m={false} />
            </DeckPart>
          </div>
        </div>
      )}
    </div>
  );
}

/** The second step: γ_c and β_c, one feature map before and after BN; → n = 1. */
export function ImagesMapsSlide() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const { load, retry } = useImagesPass(near);
  const ready = load.status === 'ready' ? load : null;
  return (
    <div ref={ref} className="pass-slide">
      <ImagesStatus load={load} retry={retry} />
      {ready && (
        <div className="img-slide">
          <MapPair pass={ready.pass} sample={ready.sample} channel={ready.channel} maxSize={190} />
          <div>
            <ImagesPickControls pass={ready.pass} channel={ready.channel} sample={ready.sample} />
            <GammaBetaControls pass={ready.pass} channel={ready.channel} />
            <AfterStats pass={ready.pass} channel={ready.channel} compact />
            <DeckPart from={1}>
              <OneImage pass={ready.pass} compact />
            </DeckPart>
          </div>
        </div>
      )}
    </div>
  );
}
