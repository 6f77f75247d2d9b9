import type { StateCreator } from 'zustand/vanilla';
import { defaultsOf, type PropsTable } from '../props';

export type Placement = 'before' | 'after';
export type BnMode = 'train' | 'eval';
export type NetActivation = 'relu' | 'sigmoid' | 'tanh';

/** The batch-norm knobs of sections 6–15. */
export interface BnData {
  /** ε in √(σ² + ε) (section 6). */
  eps: number;
  /** Scale γ (section 7). */
  gamma: number;
  /** Shift β (section 7). */
  beta: number;
  /** The bias b added before BN (section 9). */
  bias: number;
  /** BN before or after the activation (section 10). */
  placement: Placement;
  /** Weight scale k of the scale-invariance demo (section 14). */
  k: number;
  /** Train or eval mode (section 15). */
  mode: BnMode;
  /** Momentum of the running statistics (section 15), PyTorch's default 0.1. */
  momentum: number;
  /** SGD steps already taken by the notes' tiny network (sections 11–12); 0 is the fresh network. */
  netSteps: number;
  /** The hidden activation of the notes' network (section 12): ReLU as in the notes, sigmoid or tanh. */
  netActivation: NetActivation;
  /** Hidden layers of section 1's sigmoid networks (the drift grows with depth). */
  whyDepth: number;
  /** The BN layer (1 or 2) and neuron (0-based) whose ∂L/∂Z section 12 derives path by path. */
  derivLayer: number;
  derivNeuron: number;
}

export interface BnSlice extends BnData {
  setBn: (patch: Partial<BnData>) => void;
}

/**
 * The batch-norm knobs' props (see ../props.ts). The γ and β sliders offer less than the URL accepts:
 * section 8's identity undo sets γ = √(σ² + ε) and β = μ, which reach ±50 with dragged points (points
 * lie in [−50, 50]), and a link to that state must reproduce it exactly.
 */
export const BN_PROPS = {
  // ε on a log scale: 10⁻¹⁰ … 1 in half-decades, with exactly 0 at the bottom (to show 0/0).
  eps: { kind: 'number', default: 1e-5, min: 0, max: 1, label: 'ε (log scale)', log: { minExp: -10, maxExp: 0, step: 0.5, zeroBelow: true } },
  gamma: { kind: 'number', default: 1, min: -60, max: 60, slider: { min: -3, max: 3 }, step: 0.05, label: 'γ (scale)' },
  beta: { kind: 'number', default: 0, min: -60, max: 60, slider: { min: -5, max: 5 }, step: 0.05, label: 'β (shift)' },
  bias: { kind: 'number', default: 0, min: -10, max: 10, step: 0.1, label: 'Bias b' },
  placement: { kind: 'enum', default: 'before', values: ['before', 'after'] },
  // k on a log scale: 10⁻² … 10² in tenths of a decade (the URL's range; section 14's chart spans it too).
  k: { kind: 'number', default: 1, min: 0.01, max: 100, log: { minExp: -2, maxExp: 2, step: 0.1, zeroBelow: false } },
  mode: { kind: 'enum', default: 'train', values: ['train', 'eval'] },
  momentum: { kind: 'number', default: 0.1, min: 0.01, max: 1, step: 0.01, label: 'Momentum' },
  netSteps: { kind: 'number', param: 'net-steps', default: 0, min: 0, max: 60, integer: true, step: 1, label: 'SGD steps already taken' },
  whyDepth: { kind: 'number', param: 'why-depth', default: 3, min: 1, max: 8, integer: true, step: 1, label: 'Hidden layers' },
  netActivation: { kind: 'enum', param: 'net-act', default: 'relu', values: ['relu', 'sigmoid', 'tanh'], label: 'Hidden activation' },
  derivLayer: { kind: 'number', param: 'deriv-layer', default: 2, min: 1, max: 2, integer: true, coalesce: false, label: 'Layer' },
  // Z₁ has 4 neurons, Z₂ 3: a neuron beyond layer 2's is shown as its last (the view clamps).
  derivNeuron: { kind: 'number', param: 'deriv-neuron', default: 0, min: 0, max: 3, integer: true, oneBased: true, coalesce: false, label: 'Neuron' },
} as const satisfies PropsTable<BnData>;

export const bnSlice: StateCreator<BnSlice> = (set) => ({
  ...defaultsOf<BnData>(BN_PROPS),
  setBn: (patch) => set(patch),
});
