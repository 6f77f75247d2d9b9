import { sectionNumber } from '../../outline';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { useNearViewport } from '../shared/useNearViewport';
import { FamilyBlock, FamilyControls, FamilyStats, FamilyStatus, ModeConsequence, SwapConsequence } from './FamilyParts';
import { TokensExample, UsageTable } from './TokensParts';
import { useFamilyPass } from './useFamilyPass';
import '../shared/network.css';
import '../images/images.css';
import './family.css';

/** Wu & He (2018, §3, eq. 1–2): one formula, four sets S_i. */
export const FAMILY_TEX = String.raw`\mu_i = \frac{1}{m}\sum_{k \in \mathcal{S}_i} x_k, \qquad \sigma_i^2 = \frac{1}{m}\sum_{k \in \mathcal{S}_i} \left(x_k - \mu_i\right)^2, \qquad \hat x_i = \frac{x_i - \mu_i}{\sqrt{\sigma_i^2 + \epsilon}}`;
/** The same on a slide, the set written S (the set of x_i): a subscript inside a sum's limit would be too small to read from the back. */
export const FAMILY_SLIDE_TEX = String.raw`\mu = \frac{1}{m}\sum_{k \in \mathcal{S}} x_k, \qquad \sigma^2 = \frac{1}{m}\sum_{k \in \mathcal{S}} \left(x_k - \mu\right)^2, \qquad \hat x_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \epsilon}} \quad (\mathcal{S} \ni i)`;
export const FAMILY_LABEL = 'mu i and sigma squared i are the mean and variance over the set S i of m values; x hat i is x i minus mu i over the square root of sigma squared i plus epsilon';

/** One idea, four axes: BN, LayerNorm, InstanceNorm and GroupNorm on one block, and what changes between them. */
export function FamilySection() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const { load, retry } = useFamilyPass(near);
  const ready = load.status === 'ready' ? load.pass : null;
  return (
    <div ref={ref} className="img-section blocks">
      <p>
        Wu and He (2018, §3) write batch norm and its successors as one computation; they differ mainly in the set S<sub>i</sub> of values whose mean and variance
        normalize x<sub>i</sub>, in a block indexed (N, C, H, W), here n × C × h × w (section {sectionNumber('images')}); at inference BN alone replaces its set&apos;s statistics by running averages:
      </p>
      <ScrollEquation tex={FAMILY_TEX} label={FAMILY_LABEL} />
      <ul>
        <li>BatchNorm: over (N, H, W), one μ, σ² per channel, every sample of the batch;</li>
        <li>LayerNorm (Ba et al. 2016): over (C, H, W), one per sample;</li>
        <li>InstanceNorm (Ulyanov et al. 2016): over (H, W), one per sample and channel;</li>
        <li>GroupNorm (Wu &amp; He 2018): over (C/G, H, W), one per sample and group of C/G channels; G = 1 is LayerNorm&apos;s set, G = C InstanceNorm&apos;s.</li>
      </ul>
      <p>
        Wu and He follow each with a learned γ and β per channel (PyTorch&apos;s LayerNorm over [C, H, W] has one per element instead, and its InstanceNorm2d none by default); what differs is the set. Below, a batch of 4 Fashion-MNIST images through one 3 × 3 convolution with 8 channels
        (as in section {sectionNumber('images')}); the outlined cells are the set for sample 1 (for BN: for everyone), and μ, σ² are the engine&apos;s. GroupNorm needs G to
        divide C: the slider goes from 1 to 8, and a G that does not divide 8 gets the engine&apos;s refusal, which begins with PyTorch&apos;s message (num_channels must be divisible by num_groups) and adds the two numbers.
      </p>
      <FamilyControls />
      <FamilyStatus load={load} retry={retry} />
      {ready && (
        <>
          <FamilyBlock pass={ready} />
          <FamilyStats pass={ready} />
          <h3 className="subhead">In training, only BN couples the samples of a batch</h3>
          <p>Replace one other image of the batch, keep sample 1, and compare sample 1&apos;s output under each normalization:</p>
          <SwapConsequence pass={ready} />
          <h3 className="subhead">Only BN has a train and an eval mode (by default)</h3>
          <ModeConsequence pass={ready} />
        </>
      )}
      <h3 className="subhead">LayerNorm and RMSNorm in Transformers: per token</h3>
      <p>
        A Transformer&apos;s activations are a [tokens × features] matrix per sequence. LayerNorm normalizes each token (row) over its d features; RMSNorm (Zhang &amp;
        Sennrich 2019) divides by the row&apos;s root mean square √(mean x² + ε) without subtracting μ. Neither looks at another token or another sequence, so the batch
        size and the sequence length do not enter. With d = 6 features:
      </p>
      <TokensExample />
      <h3 className="subhead">Where each is used</h3>
      <UsageTable />
    </div>
  );
}

