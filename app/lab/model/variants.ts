import type { VariantName } from '../../../src';

/** The two networks' names, as the lab writes them. */
export const VARIANT_LABEL: Readonly<Record<VariantName, string>> = { plain: 'Without BN', bn: 'With BN' };
/** The same inside a sentence: “…, without BN” (BN stays upper-case). */
export const VARIANT_PHRASE: Readonly<Record<VariantName, string>> = { plain: 'without BN', bn: 'with BN' };
/** Drawing order: the network without BN first, so the BN line is on top where they overlap. */
export const VARIANT_ORDER: readonly VariantName[] = ['plain', 'bn'];
