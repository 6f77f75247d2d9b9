import { LAB_DEFAULTS } from '../../state/slices/lab';
import { FIGURE1_CONTROLS, type LabSettings, sameRun } from './labSettings';

/**
 * The lab's named setups, each with one sentence on what it shows. The sentences are claims about
 * runs, so tests/app/lab/model/presets.node.test.ts runs every 2-D preset on seeds 1–5 and checks each
 * claim with the same verdicts the page prints (model/verdicts.ts). Measured there, in Node:
 * - three sigmoid layers, lr 1 (the default): BN ahead at step 100 by 30.5, 29.6, 32.9, 25.6, 28.4 points (seeds
 *   1–5, means of the last 5 evaluations, as the verdict prints); test accuracy at step 200 without / with BN
 *   0.33 / 0.78, 0.33 / 0.71, 0.33 / 0.92, 0.40 / 0.79, 0.33 / 0.84 (seeds 1–5); at step 2,000 0.96 / 0.94,
 *   0.97 / 0.95, 0.94 / 0.94, 0.91 / 0.91, 0.96 / 0.95;
 * - four sigmoid layers: without BN 0.33 on every seed at steps 200–1,000, with BN 0.83–0.96 at 1,000;
 * - ReLU at lr 2: without BN 0.33 on every seed from step 500, every ‖∂L/∂W‖ exactly 0 by step 1,000, with BN 0.88–0.97;
 * - two Gaussian clusters, 2 × 16 ReLU at lr 0.1: both at 0.99–1.00 from step 300, level on every seed;
 * - the old default, spiral with 2 × 16 ReLU at lr 0.1 and m = 2: without BN 0.87–0.98, with BN 0.44–0.63 at step 2,000.
 * The CNN preset, measured with `npm run train -- --model cnn --dataset fashion --init he --lr 0.1 --batch 32
 * --steps 300 --eval-every 50` (the lab's evaluations): the verdict at step 300 on seeds 1 / 2 / 3 is BN ahead
 * (76.2 % against 72.4 %), BN ahead (77.9 % against 75.1 %), level (77.9 % against 76.8 %), means of the last
 * 5 evaluations. At the lab's default learning rate 1 both CNNs stay at chance (10 %, seed 1).
 * BN against GroupNorm at a small batch, measured with `npm run train -- --compare group,bn --groups 4 --dataset fashion
 * --depth 3 --width 100 --activation relu --init he --optimizer sgd --lr 0.03 --batch 2 --steps 600 --eval-every 100`: test
 * accuracy at step 600, BN / GroupNorm, 30.5 / 52.8 %, 29.8 / 54.8 %, 36.0 / 64.7 % (seeds 1 / 2 / 3; GroupNorm ahead at every
 * evaluation from step 100 on each seed); seed 1 to step 1,500, 41.2 / 66.3 %. At batch 4 and lr 0.05 the two are level (seeds 1–3,
 * within 5 points at step 1,000), so the preset's point is the batch of 2.
 */
export type PresetId = 'sigmoid3' | 'sigmoid4' | 'relu-lr2' | 'figure1' | 'cnn' | 'clusters' | 'tiny-batch' | 'bn-vs-group';

export interface LabPreset {
  readonly id: PresetId;
  readonly name: string;
  /** What the preset shows, in one sentence. */
  readonly shows: string;
  /** 'helps': BN's advantage is the point; 'no-help' and 'hurts' are labelled as such on the page. */
  readonly kind: 'helps' | 'no-help' | 'hurts';
  /** The complete settings (every control, from the defaults): nothing of the previous setup leaks in. */
  readonly settings: LabSettings;
}

const SIGMOID3: Partial<LabSettings> = { labDataset: 'spiral', labDepth: 3, labWidth: 16, labActivation: 'sigmoid', labInit: 'xavier', labOptimizer: 'sgd', labLr: 1, labBatch: 32 };
const RELU2: Partial<LabSettings> = { labDataset: 'spiral', labDepth: 2, labWidth: 16, labActivation: 'relu', labInit: 'he', labOptimizer: 'sgd', labLr: 0.1, labBatch: 32 };

const CNN_CONTROLS: Partial<LabSettings> = { labDataset: 'fashion', labModel: 'cnn', labInit: 'he', labOptimizer: 'sgd', labLr: 0.1, labBatch: 32, labSpeed: 0 };

/** Batches of 2 images: BN's statistics from two images, GroupNorm's (4 groups of 25 units) from each image alone. */
const BN_VS_GROUP: Partial<LabSettings> = {
  labDataset: 'fashion', labDepth: 3, labWidth: 100, labActivation: 'relu', labInit: 'he', labOptimizer: 'sgd', labLr: 0.03, labBatch: 2, labSpeed: 0,
  // GroupNorm first (dashed, orange), BN second (solid, blue): BN keeps the line it has in the default pair and in §21.
  labNorms: 'group,bn', labGroups: 4,
};

const preset = (id: PresetId, name: string, kind: LabPreset['kind'], shows: string, patch: Partial<LabSettings>): LabPreset => ({
  id, name, kind, shows, settings: { ...LAB_DEFAULTS, ...patch },
});

export const PRESETS: readonly LabPreset[] = [
  preset('sigmoid3', 'Three sigmoid layers', 'helps', 'BN gets there first: after 100 steps it is ahead on each of seeds 1–5 (Five seeds reruns them), by 26 to 33 points (mean of the last 5 evaluations, as the verdict prints); by step 2,000 the network without BN has caught up.', SIGMOID3),
  preset('sigmoid4', 'Four sigmoid layers', 'helps', 'One layer deeper, the network without BN stays at chance (33 %) for over a thousand steps: a sigmoid’s slope is at most ¼, so with this initialization each layer shrinks the gradient about fourfold. With BN it learns within a few hundred.', { ...SIGMOID3, labDepth: 4 }),
  preset('relu-lr2', 'ReLU at learning rate 2', 'helps', 'A rate this large makes the ReLU network without BN die within a thousand steps: the units of its last hidden layer output 0 for every input, so every weight gradient is exactly 0, and it sits at chance. With BN it trains.', { ...RELU2, labDepth: 3, labLr: 2 }),
  preset('figure1', 'Figure 1 of the BN paper', 'helps', 'The network of Ioffe and Szegedy’s Figure 1 (three layers of 100 sigmoid units, batches of 60), on Fashion-MNIST instead of their MNIST digits: each step takes longer to compute, but the images are real.', FIGURE1_CONTROLS),
  preset('cnn', 'A small CNN', 'helps', 'Two convolution blocks (8 and 16 channels, 3 × 3) on Fashion-MNIST, with a BatchNorm2d after each convolution or a bias instead, at learning rate 0.1: each step costs about twenty of the 2-D networks’. At step 300 BN leads on seeds 1 and 2, by 4 and 3 points, and the two are level on seed 3: a modest difference in this run length.', CNN_CONTROLS),
  preset('clusters', 'Two clusters', 'no-help', 'BN does not help here: two well-separated clusters are easy, and both networks solve them within a few steps.', { ...RELU2, labDataset: 'gaussians', labNoise: 0.5 }),
  preset('bn-vs-group', 'BN vs GroupNorm at a small batch', 'hurts', 'BN against GroupNorm (4 groups) on Fashion-MNIST in batches of 2 images: BN’s μ_B and σ²_B come from two images, GroupNorm’s from each image alone, the same in training and at test time. At step 600 GroupNorm led on seeds 1–3, 53 to 65 % test accuracy against BN’s 30 to 36 % (the evaluation at step 600; the verdict averages the last 5).', BN_VS_GROUP),
  preset('tiny-batch', 'Batches of 2', 'hurts', 'BN hurts here: with two examples, BN turns each unit’s pair of values into about −1 and +1 (before γ and β), keeping only which is larger, and the gradient through it is almost exactly 0, so the layers before each BN barely learn.', { ...RELU2, labBatch: 2 }),
];

export const PRESET_BY_ID: Readonly<Record<PresetId, LabPreset>> = Object.fromEntries(PRESETS.map((p) => [p.id, p])) as Record<PresetId, LabPreset>;

/** The lab opens on this one. */
export const DEFAULT_PRESET: PresetId = 'sigmoid3';

/** The preset whose run the settings give (speed and the charted layer aside), if any. */
export function presetOf(settings: LabSettings): LabPreset | null {
  return PRESETS.find((p) => sameRun(p.settings, settings)) ?? null;
}
