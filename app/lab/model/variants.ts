import type { VariantName } from '../../../src/train';

/** Drawing order: the first network ('plain', by default without BN) first, so the second's line is on top where they overlap. The two networks' names: pair.ts. */
export const VARIANT_ORDER: readonly VariantName[] = ['plain', 'bn'];
