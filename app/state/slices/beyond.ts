import type { StateCreator } from 'zustand/vanilla';
import { defaultsOf, type PropsTable } from '../props';

/** BN's ε in the weight-decay run: PyTorch's 1e-5, or exactly 0 (where scale invariance is exact). */
export type WdEps = 'pytorch' | 'zero';
export const WD_EPS: Readonly<Record<WdEps, number>> = { pytorch: 1e-5, zero: 0 };

/**
 * Weight decays a slider offers (1-2-5 steps, 0 at the bottom): the weight-decay section's and the
 * lab's. PyTorch's `weight_decay`; 5e-4 is the classic ImageNet value (e.g. AlexNet, VGG).
 */
export const WD_STEPS: readonly number[] = [0, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1];
/** Learning rates of the weight-decay run's slider. */
// Up to 2: at η = 5 the default ReLU network dies (∂L/∂W₁ = 0), and decay alone then shrinks W to 0.
export const WD_LR_STEPS: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2];

/** The sections beyond the notes: the weight-decay run (section “Weight decay…”) and the fold (“…folds away”). */
export interface BeyondData {
  /** The weight decay λ compared with λ = 0. */
  wdDecay: number;
  /** Plain SGD's learning rate η. */
  wdLr: number;
  wdEps: WdEps;
  /** Steps the run trains. */
  wdSteps: number;
  /** The folded layer whose W′ and b′ are shown (1-based). */
  foldLayer: number;
}

export interface BeyondSlice extends BeyondData {
  setBeyond: (patch: Partial<BeyondData>) => void;
}

/** The most hidden layers the lab trains (its depth slider's top) plus its output layer. */
const FOLD_LAYER_MAX = 7;

/** Their props (see ../props.ts); the URL accepts what the sliders offer, and clamps the rest. */
export const BEYOND_PROPS = {
  wdDecay: { kind: 'number', param: 'wd', default: 5e-4, min: 0, max: 0.1, label: 'Weight decay λ' },
  wdLr: { kind: 'number', param: 'wd-lr', default: 1, min: 0.01, max: 2, label: 'Learning rate η' },
  wdEps: { kind: 'enum', param: 'wd-eps', default: 'pytorch', values: ['pytorch', 'zero'], label: 'BN’s ε' },
  wdSteps: { kind: 'number', param: 'wd-steps', default: 3000, min: 100, max: 10_000, integer: true, step: 100, label: 'Training steps' },
  foldLayer: { kind: 'number', param: 'fold-layer', default: 0, min: 0, max: FOLD_LAYER_MAX - 1, integer: true, oneBased: true, coalesce: false, label: 'Layer' },
} as const satisfies PropsTable<BeyondData>;

export const beyondSlice: StateCreator<BeyondSlice> = (set) => ({
  ...defaultsOf<BeyondData>(BEYOND_PROPS),
  setBeyond: (patch) => set(patch),
});
