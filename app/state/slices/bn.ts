import type { StateCreator } from 'zustand/vanilla';
import type { State } from '../store';

export type Placement = 'before' | 'after';
export type BnMode = 'train' | 'eval';

/** The batch-norm knobs of sections 6–15. */
export interface BnSlice {
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
  setBn: (patch: Partial<Pick<BnSlice, 'eps' | 'gamma' | 'beta' | 'bias' | 'placement' | 'k' | 'mode' | 'momentum' | 'netSteps'>>) => void;
}

export const bnSlice: StateCreator<State, [], [], BnSlice> = (set) => ({
  eps: 1e-5,
  gamma: 1,
  beta: 0,
  bias: 0,
  placement: 'before',
  k: 1,
  mode: 'train',
  momentum: 0.1,
  netSteps: 0,
  setBn: (patch) => set(patch),
});
