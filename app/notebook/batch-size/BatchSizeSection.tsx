import { useDeferredValue } from 'react';
import { sectionNumber } from '../../outline';
import { ErrorChart, GapChart } from './BsCharts';
import { BsRunBar, BsSettingsControls } from './BsControls';
import { BsCommands, BsGapText, BsVerdictText } from './BsWords';
import { useBs } from './bsControl';
import { BS_NORMS, BS_WIDTH, bsSweepOptions, pointKey } from './bsView';
import { useBsSettings } from './useBsSweep';
import './batchSize.css';

/** The reference learning rate and batch size of the linear scaling rule: the engine's defaults, read from the options it trains with. */
export function useScaling(): { lr: number; m0: number } {
  const o = bsSweepOptions(useBsSettings(), 'bn', [2]);
  return { lr: o.optimizer?.lr ?? NaN, m0: o.batchSize ?? NaN };
}

/** Batch size: Wu & He's Figure 1 on this page's data, trained in a Worker. */
export function BatchSizeSection() {
  const settings = useBsSettings();
  // Deferred: a new point re-renders the charts in a background render React can interrupt, not in one long task.
  const points = useDeferredValue(useBs((s) => s.points));
  const { lr, m0 } = useScaling();
  const lo = settings.sizes[0], hi = settings.sizes[settings.sizes.length - 1];
  // The steps at the largest m, from a finished point there (the engine's count), once one is.
  const hiSteps = BS_NORMS.map((n) => points[pointKey(settings, n, hi)]?.steps).find((v) => v !== undefined) ?? null;
  return (
    <div className="bs-section">
      <p>
        BN normalizes each unit by the mean and variance of the batch (section {sectionNumber('batch')}). With m = 2 those are the average of the two numbers and a
        quarter of their squared difference, so every normalized value is ±1 (up to ε): in training each unit only says which of the two samples is larger. The
        running variance kept for eval mode (section {sectionNumber('inference')}) averages twice that, the unbiased estimate. This MLP is the extreme case: its BN
        has one number per sample per unit, so at m = 2 the statistics come from two numbers and the gradient through BN to the layers before it all but vanishes
        (the ±1 hardly depends on their weights). In Wu and He&apos;s ResNet-50 each channel&apos;s statistics pool 2·H·W values, and their network still trains
        at 2 images. GroupNorm and LayerNorm (section {sectionNumber('norm-family')}) take their statistics inside each sample, so m does not enter their
        normalization (it still enters their training: the learning rate and the number of steps change with m).
      </p>
      <p>
        Wu and He (2018, Figure 1 and Table 2) trained ResNet-50 on ImageNet with 32, 16, 8, 4 and 2 images on each of 8 GPUs, BN&apos;s statistics computed on
        each GPU&apos;s images alone: BN&apos;s top-1 validation error went from 23.6 % at 32 images per GPU to 34.7 % at 2, while GroupNorm&apos;s stayed near
        24 % at every batch size. Here is a small version of that experiment on this page&apos;s data: the lab&apos;s Fashion-MNIST subset (3,000 training and 600
        test images, section {sectionNumber('lab')}) and an MLP 784 → {BS_WIDTH} → {BS_WIDTH} → 10 (the normalization before each ReLU, He initialization, plain
        SGD), trained once per batch size and normalization from the same initial weights, then scored on the test set in eval mode, as a deployed network is.
      </p>
      <h3 className="subhead">The budget: the same epochs at every m</h3>
      <p>
        Every batch size trains for the same number of epochs, so every run sees each training image about equally often (the last partial batch of each epoch is
        left out) and does about the same arithmetic;{' '}
        {settings.sizes.length > 1 && (
          <>
            m = {lo} takes about {hi / lo} times as many steps as m = {hi}.
          </>
        )}{' '}
        With the same number of steps instead, a large batch would see many times the data of a small one, and the comparison would be about data, not about batch
        statistics. With the same number of epochs, a large batch takes fewer steps{hiSteps === null ? '' : ` (${hiSteps} at m = ${hi})`}. The linear scaling rule
        (Goyal et al. 2017), which Wu and He use, is meant to make up for it: η = {lr} · m/{m0}. It is an approximation that holds once training has settled
        (Goyal et al. pair it with a gradual warmup over the first epochs, which this sweep does not use); over {settings.epochs} epoch{settings.epochs === 1 ? '' : 's'}{' '}
        it does not fully hold, so the per-sample norms&apos; error can rise at large m. That is a budget effect, not a batch-statistics effect.
      </p>
      <BsSettingsControls />
      <BsRunBar settings={settings} />
      {settings.norms.length > 0 && <ErrorChart settings={settings} points={points} />}
      <BsVerdictText settings={settings} points={points} />
      <h3 className="subhead">Train mode vs eval mode at small batches</h3>
      <p>
        In train mode BN normalizes each test batch of m by its own statistics; in eval mode by the running averages gathered while training on batches of m, fixed
        numbers, so eval mode is deterministic. At small m they disagree: train mode reproduces what the network saw in training (at m = 2, only ±1), while eval
        mode divides by population estimates it never saw in training. That is the train/test inconsistency of Wu and He (2018, §2), which Batch
        Renormalization (Ioffe 2017) targets. Which mode is worse depends on the run: at m = 2 here train mode is usually worse, because training on
        ±1 values barely learned (the verdict gives BN&apos;s training loss), while eval mode feeds the same network continuous values:
      </p>
      {settings.norms.includes('bn') && <GapChart settings={settings} points={points} />}
      <BsGapText settings={settings} points={points} />
      <p>Each line of the charts, printed as one JSON line per batch size (testAccuracy is 1 − the eval-mode error, testAccuracyTrainMode is 1 − the train-mode error):</p>
      <BsCommands settings={settings} />
      <p className="orientation-note">
        Run starts the sweep (the presentation step starts it by itself); it runs in its own Worker, one point after another, so the page stays responsive; Pause holds it mid-point and Resume goes on from there. Finished
        points are kept in this browser, keyed by their settings, so a reload shows them without training them again; Reset forgets them. The same settings give
        the same numbers every time: the weights, the batch order and the test batches come from the seed.
      </p>
      <p className="orientation-note">
        Sources: Wu &amp; He 2018, “Group Normalization” (<a href="https://arxiv.org/abs/1803.08494">arXiv:1803.08494</a>, Figure 1, Table 2); Goyal et al. 2017,
        “Accurate, large minibatch SGD” (<a href="https://arxiv.org/abs/1706.02677">arXiv:1706.02677</a>), the linear scaling rule (§2.1) and warmup (§2.2);
        Ioffe 2017, “Batch Renormalization” (<a href="https://arxiv.org/abs/1702.03275">arXiv:1702.03275</a>).
      </p>
    </div>
  );
}
