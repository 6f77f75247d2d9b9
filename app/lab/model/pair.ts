import { DEFAULT_GROUPS, DEFAULT_NORMS } from '../../../src/choices';
import type { ExperimentSettings } from '../../../src/experiment';
import type { NormKind } from '../../../src/norms';
import type { VariantName } from '../../../src/train';

/**
 * The two networks a lab run compares, and every name the lab gives them. By default the network
 * without BN ('plain') against the one with BN ('bn'), named as the lab always has; with any other
 * two normalizations (`lab-norms`), the names follow the choice: “With BN” and “With GroupNorm”, or
 * “Without GroupNorm” and “With GroupNorm”. The variant keys stay 'plain' (the first network) and
 * 'bn' (the second), as in the engine and `npm run train`'s JSON. Pure.
 */
export interface Pair {
  readonly norms: readonly [NormKind, NormKind];
  readonly groups: number;
  /** The default comparison, none against BN: the lab's sentences about batch norm apply word for word. */
  readonly isDefault: boolean;
  /** Legends, line keys, table heads: “Without BN”, “With GroupNorm”. */
  readonly label: Readonly<Record<VariantName, string>>;
  /** Inside a sentence: “the network with GroupNorm”. */
  readonly phrase: Readonly<Record<VariantName, string>>;
  /** A sentence's subject: “The network with GroupNorm”. */
  readonly network: Readonly<Record<VariantName, string>>;
  /** A download's name for it: `without_bn`, `with_groupnorm`. */
  readonly column: Readonly<Record<VariantName, string>>;
  /** Who, in a headline: “GroupNorm”, or for a network without any normalization “the network without GroupNorm”. */
  readonly who: Readonly<Record<VariantName, string>>;
}

/** Each normalization's short name, as legends write it. */
export const NORM_SHORT: Readonly<Record<NormKind, string>> = {
  none: 'no normalization', bn: 'BN', layer: 'LayerNorm', group: 'GroupNorm', instance: 'InstanceNorm', rms: 'RMSNorm',
};

/** The one normalization of a pair that has one when the other has none (null when both have one). */
const onlyNorm = (norms: readonly [NormKind, NormKind]): NormKind | null => (norms[0] === 'none' ? norms[1] : norms[1] === 'none' ? norms[0] : null);

const both = <T>(f: (v: VariantName, i: 0 | 1) => T): Record<VariantName, T> => ({ plain: f('plain', 0), bn: f('bn', 1) });

/** The names of the pair `norms` (two different normalizations; GroupNorm with `groups`). */
export function pairOf(norms: readonly [NormKind, NormKind] = DEFAULT_NORMS, groups = DEFAULT_GROUPS): Pair {
  const only = onlyNorm(norms);
  const phrase = both((_, i) => (only !== null ? `${norms[i] === 'none' ? 'without' : 'with'} ${NORM_SHORT[only]}` : `with ${NORM_SHORT[norms[i]]}`));
  return {
    norms: [norms[0], norms[1]],
    groups,
    isDefault: norms[0] === DEFAULT_NORMS[0] && norms[1] === DEFAULT_NORMS[1],
    label: both((v) => phrase[v][0].toUpperCase() + phrase[v].slice(1)),
    phrase,
    network: both((v) => `The network ${phrase[v]}`),
    column: both((v) => phrase[v].toLowerCase().replace(/\s+/g, '_')),
    who: both((v, i) => (norms[i] === 'none' ? `the network ${phrase[v]}` : NORM_SHORT[norms[i]])),
  };
}

/** The lab's comparison: without and with BN. */
export const DEFAULT_PAIR: Pair = pairOf();

/** The pair a run's settings train (absent norms: without and with BN). */
export const pairOfSettings = (s: Pick<ExperimentSettings, 'norms' | 'groups'> | null | undefined): Pair => pairOf(s?.norms ?? DEFAULT_NORMS, s?.groups ?? DEFAULT_GROUPS);

/** The variant that is the network with BN (the fold section folds it), or null when neither has BN. */
export const bnVariantOf = (norms: readonly [NormKind, NormKind]): VariantName | null => (norms[1] === 'bn' ? 'bn' : norms[0] === 'bn' ? 'plain' : null);

