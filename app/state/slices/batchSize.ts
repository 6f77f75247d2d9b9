import type { StateCreator } from 'zustand/vanilla';
import { defaultsOf, type PropsTable } from '../props';

/** The batch sizes the section offers (Wu & He 2018, Fig. 1, trained 2 … 32 images per GPU: the default range; 64 beyond it). */
export const BS_SIZES = ['2', '4', '8', '16', '32', '64'] as const;
export type BsSize = (typeof BS_SIZES)[number];
/** GroupNorm's groups over the 32 hidden units: 16, 8 or 4 values per group (with 2 per group, as G = 8 over 16 units gave, every output is ±1 and nothing trains). */
export const BS_GROUPS = ['2', '4', '8'] as const;
export type BsGroups = (typeof BS_GROUPS)[number];

/** The section “Batch size”: which normalizations, the batch sizes (a range of powers of 2), the budget, the seed, GroupNorm's groups. */
export interface BatchSizeData {
  bsBn: boolean;
  bsGn: boolean;
  bsLn: boolean;
  /** The smallest and largest batch size m (every power of 2 between them is trained; swapped if reversed). */
  bsMin: BsSize;
  bsMax: BsSize;
  /** Epochs at every batch size: the budget. */
  bsEpochs: number;
  bsSeed: number;
  bsGroups: BsGroups;
}

export interface BatchSizeSlice extends BatchSizeData {
  setBatchSize: (patch: Partial<BatchSizeData>) => void;
}

export const BATCH_SIZE_PROPS = {
  bsBn: { kind: 'boolean', param: 'bs-bn', default: true, label: 'BatchNorm' },
  bsGn: { kind: 'boolean', param: 'bs-gn', default: true, label: 'GroupNorm' },
  bsLn: { kind: 'boolean', param: 'bs-ln', default: true, label: 'LayerNorm' },
  bsMin: { kind: 'enum', param: 'bs-min', default: '2', values: BS_SIZES, label: 'Smallest batch m' },
  bsMax: { kind: 'enum', param: 'bs-max', default: '32', values: BS_SIZES, label: 'Largest batch m' },
  bsEpochs: { kind: 'number', param: 'bs-epochs', default: 3, min: 1, max: 5, integer: true, step: 1, coalesce: false, label: 'Epochs at every m', invalid: { below: 1, why: 'training needs at least one epoch' } },
  bsSeed: { kind: 'number', param: 'bs-seed', default: 1, min: 0, max: 2 ** 32 - 1, integer: true, step: 1, coalesce: false, label: 'Seed' },
  bsGroups: { kind: 'enum', param: 'bs-groups', default: '4', values: BS_GROUPS, label: 'GroupNorm’s groups G' },
} as const satisfies PropsTable<BatchSizeData>;

export const batchSizeSlice: StateCreator<BatchSizeSlice> = (set) => ({
  ...defaultsOf<BatchSizeData>(BATCH_SIZE_PROPS),
  setBatchSize: (patch) => set(patch),
});
