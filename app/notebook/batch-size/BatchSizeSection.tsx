import { useDeferredValue } from 'react';
import { sectionNumber } from '../../outline';
import { ErrorChart, GapChart } from './BsCharts';
import { BsRunBar, BsSettingsControls } from './BsControls';
import { BsCommands, BsGapText, BsVerdictText } from './BsWords';
import { useBs } from './bsControl';
import { bsSweepOptions } from './bsView';
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
  return (
    <div className="bs-section">
      <p>
        BN normalizes each unit by the mean and variance of the batch (section {sectionNumber('batch')}). With m = 2 those are the average of two numbers and the
        square of half their difference, so in train mode every normalized value is +1 or −1 (unless the two are within about √ε of each other), whatever the two inputs were: the statistics are as noisy
        as they can be, and the running averages kept for eval mode (section {sectionNumber('inference')}) are averaged from them.
        GroupNorm and LayerNorm (section {sectionNumber('norm-family')}) take their statistics inside each sample, so m does not enter.
      </p>
      <p>
        Wu and He (2018, Figure 1 and Table 2) trained ResNet-50 on ImageNet with 32, 16, 8, 4 and 2 images per GPU: BN&apos;s top-1 validation error went from
        23.6 % at 32 images per GPU to 34.7 % at 2, while GroupNorm&apos;s stayed near 24 % at every batch size. Here is the same experiment on this page&apos;s
        data: the lab&apos;s Fashion-MNIST subset (section {sectionNumber('lab')}) and the command line&apos;s default network for it (784 → 16 → 16 → 10, the
        normalization before each ReLU, He initialization, plain SGD), trained once per batch size and normalization from the same initial weights, then scored on
        the test set in eval mode, as a deployed network is.
      </p>
      <h3 className="subhead">The budget: the same epochs at every m</h3>
      <p>
        Every batch size trains for the same number of epochs, so every run sees each training image equally often and does about the same arithmetic;{' '}
        {settings.sizes.length > 1 && (
          <>
            m = {settings.sizes[0]} takes about {settings.sizes[settings.sizes.length - 1] / settings.sizes[0]} times as many steps as m ={' '}
            {settings.sizes[settings.sizes.length - 1]}.
          </>
        )} With the same number of steps instead, a large batch would see many times the data of a small one, and the
        comparison would be about data, not about batch statistics. The learning rate follows the linear scaling rule (Goyal et al. 2017), as Wu and He&apos;s does:
        η = {lr} · m/{m0}, so an epoch moves the weights about as far at every m.
      </p>
      <BsSettingsControls />
      <BsRunBar settings={settings} />
      {settings.norms.length > 0 && <ErrorChart settings={settings} points={points} />}
      <BsVerdictText settings={settings} points={points} />
      <h3 className="subhead">Train mode vs eval mode at small batches</h3>
      <p>
        In train mode BN normalizes each test batch of m by its own statistics; in eval mode by the running averages gathered while training on batches of m. At
        small m both are noisy, and they disagree:
      </p>
      {settings.norms.includes('bn') && <GapChart settings={settings} points={points} />}
      <BsGapText settings={settings} points={points} />
      <p>Each line of the charts, printed as one JSON line per batch size (testAccuracy is 1 − the eval-mode error, testAccuracyTrainMode the train mode&apos;s):</p>
      <BsCommands settings={settings} />
      <p className="orientation-note">
        Run starts the sweep (the presentation step starts it by itself); it runs in its own Worker, one point after another, so the page stays responsive; Pause holds it mid-point and Resume goes on from there. Finished
        points are kept in this browser, keyed by their settings, so a reload shows them without training them again; Reset forgets them. The same settings give
        the same numbers every time: the weights, the batch order and the test batches come from the seed.
      </p>
      <p className="orientation-note">
        Sources: Wu &amp; He 2018, “Group Normalization” (<a href="https://arxiv.org/abs/1803.08494">arXiv:1803.08494</a>, Figure 1, Table 2); Goyal et al. 2017,
        “Accurate, large minibatch SGD” (<a href="https://arxiv.org/abs/1706.02677">arXiv:1706.02677</a>), the linear scaling rule.
      </p>
    </div>
  );
}
