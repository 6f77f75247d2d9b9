import type { ActivationName } from '../../src/activations';
import { ACTIVATIONS, INITS, NETWORK_KINDS, OPTIMIZERS } from '../../src/choices';
import type { NetworkKind } from '../../src/experiment';
import type { InitName } from '../../src/init';
import type { OptimizerName } from '../../src/optim';
import { NumberField } from '../ui/NumberField';
import { Slider } from '../ui/Slider';
import { Toggle } from '../ui/Toggle';
import { useShallow } from 'zustand/react/shallow';
import { labSettingsOf, networkOf } from './model/labSettings';
import { BATCH_STEPS, LR_STEPS, WIDTH_STEPS } from './model/labScales';
import { sliderProps } from '../state/props';
import { CNN_CHANNEL_CHOICES, CNN_KERNELS, LAB_DATASETS, LAB_PROPS, type LabDataset, channelsOf } from '../state/slices/lab';
import type { LabSettings } from './model/labSettings';
import { WD_STEPS } from '../state/slices/beyond';
import { useAppState } from '../state/store';
import { Select } from '../ui/Select';
import { ListSlider } from '../ui/ListSlider';
import { fmt } from '../ui/format';
import { SteppedSlider } from './SteppedSlider';
import { NormFields } from './NormFields';

const DATASET_NAMES: Record<LabDataset, string> = {
  spiral: 'Spiral (3 classes)',
  circles: 'Circles',
  gaussians: 'Two Gaussians',
  xor: 'XOR',
  moons: 'Moons',
  fashion: 'Fashion-MNIST subset (28 × 28 images)',
};
const ACTIVATION_NAMES: Record<ActivationName, string> = { relu: 'ReLU', sigmoid: 'Sigmoid', tanh: 'tanh', identity: 'None (linear)' };
const INIT_NAMES: Record<InitName, string> = { he: 'He (√(2/fan-in))', xavier: 'Xavier (Glorot)', small: 'Small Gaussian (σ = 0.01)' };
const NETWORK_NAMES: Record<NetworkKind, string> = { mlp: 'MLP (fully connected)', cnn: 'CNN (two convolution blocks)' };
const OPTIMIZER_NAMES: Record<OptimizerName, string> = { sgd: 'SGD', momentum: 'SGD with momentum 0.9', adam: 'Adam', adamw: 'AdamW (decoupled weight decay)' };
/** The weight decay as used: 0 is the optimizer's default, which for AdamW is 0.01 (torch.optim.AdamW). */
const wdText = (v: number, optimizer: OptimizerName): string => (v > 0 ? fmt(v, 2) : optimizer === 'adamw' ? '0.01 (AdamW’s default)' : '0');
const options = <T extends string>(values: readonly T[], names: Record<T, string>) => values.map((value) => ({ value, label: names[value] }));

/** Every setting of the two networks; a change starts a new run from step 0. */
export function LabControls() {
  const s = useAppState(useShallow(labSettingsOf));
  const set = useAppState((st) => st.setLab);
  const setDataset = useAppState((st) => st.setLabDataset);
  const fashion = s.labDataset === 'fashion';
  const cnn = networkOf(s) === 'cnn';
  return (
    <div className="lab-controls">
      <fieldset>
        <legend>Data</legend>
        <Select label="Dataset" value={s.labDataset} options={options(LAB_DATASETS, DATASET_NAMES)} onChange={setDataset} />
        {fashion ? (
          <p className="lab-hint">3,000 training and 600 test images, 300 and 60 of each class.</p>
        ) : (
          <Slider {...sliderProps(LAB_PROPS.labNoise)} value={s.labNoise} onChange={(v) => set({ labNoise: v })} />
        )}
        <SteppedSlider label="Batch size m" value={s.labBatch} steps={BATCH_STEPS} onChange={(v) => set({ labBatch: v })} />
        <NumberField {...sliderProps(LAB_PROPS.labSeed)} value={s.labSeed} onChange={(v) => set({ labSeed: v })} />
      </fieldset>
      <fieldset>
        <legend>Network</legend>
        <NetworkChoice s={s} set={set} />
        {cnn ? (
          <CnnFields s={s} set={set} />
        ) : (
          <>
            <Slider {...sliderProps(LAB_PROPS.labDepth)} value={s.labDepth} onChange={(v) => set({ labDepth: v })} />
            <SteppedSlider label="Units per layer" value={s.labWidth} steps={WIDTH_STEPS} onChange={(v) => set({ labWidth: v })} />
            <Select label="Activation" value={s.labActivation} options={options(ACTIVATIONS, ACTIVATION_NAMES)} onChange={(v) => set({ labActivation: v })} />
          </>
        )}
        <Select label="Initial weights" value={s.labInit} options={options(INITS, INIT_NAMES)} onChange={(v) => set({ labInit: v })} />
      </fieldset>
      <fieldset>
        <legend>Normalization and training</legend>
        <NormFields s={s} set={set} />
        {cnn ? <p className="lab-hint">{CNN_NORM_HINT[s.labNorms === LAB_PROPS.labNorms.default ? 'bn' : 'any']}</p> : <MlpBnFields s={s} set={set} />}
        <Select label="Optimizer" value={s.labOptimizer} options={options(OPTIMIZERS, OPTIMIZER_NAMES)} onChange={(v) => set({ labOptimizer: v })} />
        <SteppedSlider label="Learning rate" value={s.labLr} steps={LR_STEPS} onChange={(v) => set({ labLr: v })} testId="lab-lr" />
        <ListSlider label={LAB_PROPS.labWd.label} value={s.labWd} values={WD_STEPS} onChange={(v) => set({ labWd: v })} format={(v) => wdText(v, s.labOptimizer)} testId="lab-wd" />
      </fieldset>
    </div>
  );
}

type Set = (patch: Partial<LabSettings>) => void;

/** MLP or CNN; the CNN only on 28 × 28 images, and the lab says so rather than switching by itself. */
function NetworkChoice({ s, set }: { s: LabSettings; set: Set }) {
  const images = s.labDataset === 'fashion';
  const hint = images ? undefined : s.labModel === 'cnn'
    ? 'The CNN takes 28 × 28 images: with 2-D data the lab trains the MLP. Choose the Fashion-MNIST subset to train the CNN.'
    : 'The CNN takes 28 × 28 images: choose the Fashion-MNIST subset to train it.';
  // The lab's default rate (1, for the 2-D MLPs) fails on this CNN (diverges or dies): a reader who picks the CNN by hand is told, and offered the preset's rate.
  const tooFast = images && s.labModel === 'cnn' && s.labOptimizer !== 'adam' && s.labOptimizer !== 'adamw' && s.labLr >= CNN_LR_LIMIT;
  return (
    <>
      <Select label="Network" value={s.labModel} options={options(NETWORK_KINDS, NETWORK_NAMES)} onChange={(v) => set({ labModel: v })} hint={hint} />
      {tooFast && (
        <p className="lab-hint" data-testid="lab-cnn-lr">
          At learning rate {s.labLr} plain SGD fails on this CNN in the lab&apos;s runs: within a few steps a network with BN usually diverges (its
          loss passes 20), and otherwise its ReLUs go dead (every weight gradient exactly 0) and it sits at chance. The preset “A small CNN” trains
          it at {CNN_LR}.{' '}
          <button type="button" onClick={() => set({ labLr: CNN_LR })}>
            Use learning rate {CNN_LR}
          </button>
        </p>
      )}
    </>
  );
}

/** The rate the CNN preset trains at, and the rate from which the lab warns that plain SGD fails on the CNN (measured at 1, seeds 1–3: seed 1 both networks' ReLUs dead, seeds 2–3 the BN network diverged at step 2). */
const CNN_LR = 0.1;
const CNN_LR_LIMIT = 1;

/** The CNN's shape: output channels of its two blocks, and its kernel. */
function CnnFields({ s, set }: { s: LabSettings; set: Set }) {
  const [a, b] = channelsOf(s.labChannels);
  const channelOptions = CNN_CHANNEL_CHOICES.map((c) => ({ value: c, label: String(c) }));
  return (
    <>
      <Select label="Channels, block 1" value={a} options={channelOptions} onChange={(v) => set({ labChannels: `${v},${b}` })} />
      <Select label="Channels, block 2" value={b} options={channelOptions} onChange={(v) => set({ labChannels: `${a},${v}` })} />
      <Select label="Kernel" value={s.labKernel} options={CNN_KERNELS.map((k) => ({ value: k, label: `${k} × ${k}` }))} onChange={(v) => set({ labKernel: v })} />
    </>
  );
}

const CNN_NORM_HINT = {
  bn: 'The CNN with BN puts a BatchNorm2d right after each convolution, before ReLU; the one without BN has a bias in each convolution instead.',
  any: 'Each CNN puts its normalization right after each convolution, before ReLU (LayerNorm and RMSNorm over the block’s whole [c, h, w]); a network without one has a bias in each convolution instead.',
} as const;

/** Where the MLP's normalization sits, and whether it normalizes the logits too (named BN for the default pair, as before). */
function MlpBnFields({ s, set }: { s: LabSettings; set: Set }) {
  const norm = s.labNorms === LAB_PROPS.labNorms.default ? 'BN' : 'Normalization';
  return (
    <>
        <Toggle
          label={`${norm} before or after the activation`}
          value={s.labBn}
          options={[
            { value: 'before', label: 'Before' },
            { value: 'after', label: 'After' },
          ]}
          onChange={(v) => set({ labBn: v })}
        />
        <label className="lab-check">
          <input type="checkbox" checked={s.labOutputBn} onChange={(e) => set({ labOutputBn: e.currentTarget.checked })} /> {norm} on the output layer too
        </label>
    </>
  );
}
