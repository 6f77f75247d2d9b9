import type { StateCreator } from 'zustand/vanilla';
import { defaultsOf, type PropsTable } from '../props';

/** The section “One idea, four axes”: which normalization, its groups, the channel shown, the sample replaced. */
export type FamNorm = 'bn' | 'layer' | 'instance' | 'group';
const FAM_NORMS: readonly FamNorm[] = ['bn', 'layer', 'instance', 'group'];
/** The block's channels and samples (app/notebook/family/familyView.ts draws them). */
const FAM_C = 8;
const FAM_N = 4;
export const FAM_TOKENS_MAX = 8;

export interface FamilyData {
  famNorm: FamNorm;
  /** GroupNorm's G; a G that does not divide c is kept, and the engine's (PyTorch's) message shown. */
  famGroups: number;
  /** The channel whose set is highlighted (0-based). */
  famChannel: number;
  /** The other sample replaced (0-based, 1 … n − 1). */
  famSwap: number;
  famSeed: number;
  /** Tokens in the LayerNorm / RMSNorm example. */
  famTokens: number;
}

export interface FamilySlice extends FamilyData {
  setFamily: (patch: Partial<FamilyData>) => void;
}

export const FAMILY_PROPS = {
  famNorm: { kind: 'enum', param: 'fam-norm', default: 'bn', values: FAM_NORMS },
  famGroups: { kind: 'number', param: 'fam-groups', default: 2, min: 1, max: FAM_C, integer: true, step: 1, coalesce: false, label: 'Groups G', invalid: { below: 1, why: 'GroupNorm needs at least one group' } },
  famChannel: { kind: 'number', param: 'fam-ch', default: 0, min: 0, max: FAM_C - 1, integer: true, oneBased: true, coalesce: false, label: 'Channel' },
  famSwap: { kind: 'number', param: 'fam-swap', default: FAM_N - 1, min: 1, max: FAM_N - 1, integer: true, oneBased: true, coalesce: false, label: 'Sample replaced' },
  famSeed: { kind: 'number', param: 'fam-seed', default: 1, min: 0, max: 2 ** 32 - 1, integer: true, step: 1, coalesce: false, label: 'Seed' },
  famTokens: { kind: 'number', param: 'fam-tokens', default: 4, min: 3, max: FAM_TOKENS_MAX, integer: true, step: 1, coalesce: false, label: 'Tokens T' },
} as const satisfies PropsTable<FamilyData>;

export const familySlice: StateCreator<FamilySlice> = (set) => ({
  ...defaultsOf<FamilyData>(FAMILY_PROPS),
  setFamily: (patch) => set(patch),
});
