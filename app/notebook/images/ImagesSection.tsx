import { sectionNumber } from '../../outline';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { useNearViewport } from '../shared/useNearViewport';
import {
  AfterStats,
  ChannelStats,
  GammaBetaControls,
  GarmentList,
  ImagesBlock,
  ImagesPickControls,
  ImagesSettingsControls,
  ImagesStatus,
  OneImage,
} from './ImagesParts';
import { MapPair } from './MapPair';
import { useImagesPass } from './useImagesPass';
import '../shared/network.css';
import './images.css';

/** BatchNorm2d's statistics and output for channel c (Ioffe & Szegedy 2015, §3.2; PyTorch's nn.BatchNorm2d). */
export const BN2D_TEX = String.raw`\begin{aligned} \mu_c &= \frac{1}{n h w}\sum_{i=1}^{n}\sum_{u=1}^{h}\sum_{v=1}^{w} z_{i,c,u,v} \\ \sigma_c^2 &= \frac{1}{n h w}\sum_{i,u,v} \left(z_{i,c,u,v} - \mu_c\right)^2 \\ \tilde z_{i,c,u,v} &= \gamma_c\,\frac{z_{i,c,u,v} - \mu_c}{\sqrt{\sigma_c^2 + \varepsilon}} + \beta_c \end{aligned}`;
/** The statistics alone, on one line (the presentation's first step). */
export const BN2D_STATS_TEX = String.raw`\mu_c = \frac{1}{n h w}\sum_{i=1}^{n}\sum_{u=1}^{h}\sum_{v=1}^{w} z_{i,c,u,v}, \qquad \sigma_c^2 = \frac{1}{n h w}\sum_{i,u,v} \left(z_{i,c,u,v} - \mu_c\right)^2`;
export const BN2D_LABEL = 'Per channel c: mu c and sigma squared c over all n images and all h times w positions, then one gamma c and beta c';

/** Batch norm for images: a real Fashion-MNIST batch through one convolution and BatchNorm2d, computed by the engine. */
export function ImagesSection() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const { load, retry } = useImagesPass(near);
  const ready = load.status === 'ready' ? load : null;
  return (
    <div ref={ref} className="img-section blocks">
      <p>
        The notes normalize a fully connected layer: one unit has one value per sample, so its μ and σ² are over the m samples of the
        mini-batch (section {sectionNumber('mean')}). A convolutional layer&apos;s output is a block of n × C × h × w numbers: n images, C
        channels (one per filter), each an h × w feature map. Ioffe and Szegedy (2015, §3.2) normalize it so that it keeps the
        convolutional property, every position of a feature map normalized the same way (the filter is the same at every position, so a
        per-position μ and σ² would treat the same pattern differently depending on where it is): each channel c gets one μ<sub>c</sub> and one σ²<sub>c</sub>, taken
        jointly over the mini-batch and all positions, and one pair γ<sub>c</sub>, β<sub>c</sub> per channel rather than per activation. Their effective
        mini-batch is m′ = m·p·q for feature maps of p × q; with n images of h × w, the notes&apos; m becomes n·h·w. This is
        PyTorch&apos;s <code>nn.BatchNorm2d</code>:
      </p>
      <ScrollEquation tex={BN2D_TEX} label={BN2D_LABEL} />
      <p>
        Here a batch of real Fashion-MNIST images (28 × 28, grey levels in [0, 1]) goes through one convolution with 1 input channel and C
        output channels, k × k kernels with zero padding ⌊k/2⌋ (an odd k keeps 28 × 28; an even k gives 29 × 29, so m changes with it), no bias (BN&apos;s β replaces it, section{' '}
        {sectionNumber('bias')}) and He-initialized weights drawn from the seed; then BatchNorm2d in train mode. Every number is the
        engine&apos;s.
      </p>
      <ImagesSettingsControls />
      <ImagesStatus load={load} retry={retry} />
      {ready && (
        <>
          <GarmentList pass={ready.pass} />
          <ImagesPickControls pass={ready.pass} channel={ready.channel} sample={ready.sample} image={false} />
          <ImagesBlock pass={ready.pass} channel={ready.channel} />
          <ChannelStats pass={ready.pass} channel={ready.channel} />
          <OneImage pass={ready.pass} />
          <h3 className="subhead">One γ and β per channel, and a feature map before and after</h3>
          <p>
            Each channel has its own γ<sub>c</sub> and β<sub>c</sub> (PyTorch starts them at 1 and 0, and training learns them); the sliders set the highlighted
            channel&apos;s, and each channel keeps its own. BN subtracts μ<sub>c</sub> and divides by √(σ²<sub>c</sub> + ε) for every value of the channel, so
            a feature map keeps its pattern (flipped if γ<sub>c</sub> &lt; 0): only its level and scale change. Look at the background: 0 before BN
            (no bias), (0 − μ<sub>c</sub>)/√(σ²<sub>c</sub> + ε)·γ<sub>c</sub> + β<sub>c</sub> after it.
          </p>
          <GammaBetaControls pass={ready.pass} channel={ready.channel} sample={ready.sample} />
          <MapPair pass={ready.pass} sample={ready.sample} channel={ready.channel} />
          <AfterStats pass={ready.pass} channel={ready.channel} />
        </>
      )}
      <p className="orientation-note">
        At inference BatchNorm2d uses running averages (momentum 0.1) of μ<sub>c</sub> and of the unbiased n·h·w/(n·h·w − 1)·σ²<sub>c</sub> (section{' '}
        {sectionNumber('inference')}), and can then be folded into the
        convolution before it, filter by filter (section {sectionNumber('fold')}). <code>npm run train -- --model cnn --dataset fashion</code> trains a small CNN with and without it.
      </p>
      <p className="orientation-note">
        Sources: Ioffe &amp; Szegedy 2015 (<a href="https://arxiv.org/abs/1502.03167">arXiv:1502.03167</a>, §3.2); PyTorch&apos;s{' '}
        <code>torch.nn.BatchNorm2d</code>; Fashion-MNIST: Xiao, Rasul &amp; Vollgraf 2017 (<a href="https://arxiv.org/abs/1708.07747">arXiv:1708.07747</a>).
      </p>
    </div>
  );
}
