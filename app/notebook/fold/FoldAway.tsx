import { sectionNumber } from '../../outline';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { useNearViewport } from '../shared/useNearViewport';
import { FoldChecks, FoldStatus, FoldedLayer, KeptAfterActivation, TrainModeFold, timingNote } from './FoldParts';
import { useLabFold } from './useLabFold';
import '../shared/network.css';
import '../weight-decay/weightDecay.css';
import './fold.css';

/** Eval-mode BN after z = xW + b, and the one linear layer it makes. */
export const FOLD_TEX = String.raw`\begin{aligned} &\gamma_j\,\frac{z_j - \mu_{\text{run},j}}{\sqrt{\sigma^2_{\text{run},j}+\varepsilon}} + \beta_j = x\,W'_{:,j} + b'_j \\ &s_j = \frac{\gamma_j}{\sqrt{\sigma^2_{\text{run},j}+\varepsilon}} \\ &W'_{:,j} = W_{:,j}\,s_j,\qquad b'_j = \beta_j + (b_j - \mu_{\text{run},j})\,s_j \end{aligned}`;

/** The same on two lines, for a 16:9 slide (the page's three lines suit a phone's width). */
export const FOLD_SLIDE_TEX = String.raw`\begin{aligned} &\gamma_j\,\frac{z_j - \mu_{\text{run},j}}{\sqrt{\sigma^2_{\text{run},j}+\varepsilon}} + \beta_j = x\,W'_{:,j} + b'_j, \qquad s_j = \frac{\gamma_j}{\sqrt{\sigma^2_{\text{run},j}+\varepsilon}} \\ &W'_{:,j} = W_{:,j}\,s_j,\qquad b'_j = \beta_j + (b_j - \mu_{\text{run},j})\,s_j \end{aligned}`;

/** At inference, batch norm folds away: the lab's trained network, folded and checked. */
export function FoldAway() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const fold = useLabFold(near);
  const { view, done } = fold;
  return (
    <div ref={ref} className="fold-section blocks">
      <p>
        A trained network is used in eval mode (section {sectionNumber('inference')}): each BN normalizes with its running statistics,
        which no longer change, so it is a fixed affine map of its input, unit by unit (for a CNN, channel by channel). When that input
        is z = xW + b (or a convolution&apos;s output, W ∗ x + b), two affine maps in a row are one: fold BN into the layer before it.
      </p>
      <ScrollEquation tex={FOLD_TEX} label="Eval-mode batch norm after a linear layer is one linear layer with W prime and b prime" />
      <p>
        Where every BN directly follows a linear layer, the folded network has no BN left: fewer numbers to store, one pass less per folded layer, and the same outputs up to rounding.
        Deployment tools do exactly this: PyTorch&apos;s <code>torch.nn.utils.fuse_linear_bn_eval</code> and{' '}
        <code>fuse_conv_bn_eval</code> (both for eval mode only), and Jacob et al. (2018, §3.2) fold BN into the weights before
        quantizing them to integers. Here is the training lab&apos;s network with BN (section {sectionNumber('lab')}), folded:
      </p>
      <FoldStatus fold={fold} />
      {view && <FoldedLayer view={view} />}
      {view && <FoldChecks view={view} done={done} />}
      {view && <p className="table-note">{timingNote(view)}</p>}
      <h3 className="subhead">Not in train mode</h3>
      <p>
        In train mode, BN normalizes each batch with that batch&apos;s own mean and variance: a sample&apos;s output depends on the
        samples it is batched with, and no fixed W′ and b′ can do that.
      </p>
      {view && done && <TrainModeFold view={view} />}
      <h3 className="subhead">Only right after the linear map</h3>
      <p>
        The fold needs BN directly after z = xW + b. With BN after the activation (section {sectionNumber('placement')}), the
        nonlinearity sits between them, so it cannot fold back into W; this fold keeps it (it could fold forward into the next layer&apos;s weights).
      </p>
      <KeptAfterActivation fold={fold} />
      <p className="orientation-note">
        A convolution followed by BatchNorm2d folds the same way, per output channel: each filter is scaled by its channel&apos;s s
        and its bias shifted (<code>fuse_conv_bn_eval</code>).
        {fold.snapshot?.kind === 'cnn' ? ' The lab’s network above is its CNN: that is the fold shown.' : ' When the lab trains its CNN on Fashion-MNIST, that is the fold above.'}
      </p>
      <p className="orientation-note">
        Sources: Jacob et al. 2018, “Quantization and training of neural networks for efficient integer-arithmetic-only inference”
        (<a href="https://arxiv.org/abs/1712.05877">arXiv:1712.05877</a>, §3.2, batch normalization folding); PyTorch&apos;s{' '}
        <code>torch.nn.utils.fuse_linear_bn_eval</code> and <code>fuse_conv_bn_eval</code>.
      </p>
    </div>
  );
}
