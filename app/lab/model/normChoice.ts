import { DEFAULT_NORMS } from '../../../src/choices';
import type { NormKind } from '../../../src/norms';
import { GROUPS_MAX, type LabData, channelsOf, normsOf } from '../../state/slices/lab';

/**
 * What the lab trains for the chosen normalizations (`lab-norms`, `lab-groups`), and why, when that
 * is not what was chosen. GroupNorm's groups must divide every width or channel count it normalizes
 * (PyTorch's “num_channels must be divisible by num_groups”); InstanceNorm needs an image's positions,
 * which only the CNN has. Nothing is switched silently: `note` says what the lab trains instead. Pure.
 */
export interface NormChoice {
  /** The normalizations trained (the chosen ones, unless the MLP was given InstanceNorm). */
  readonly norms: readonly [NormKind, NormKind];
  /** GroupNorm's groups as trained: the chosen number when it divides every normalized count, else the largest that does and is smaller. */
  readonly groups: number;
  /** Groups that divide every normalized count (the control's choices), smallest first. */
  readonly groupChoices: readonly number[];
  /** Whether a network is a GroupNorm (the groups control shows). */
  readonly hasGroup: boolean;
  /** Why what is trained differs from what was chosen, or null. */
  readonly note: string | null;
}

const CLASSES = (c: Pick<LabData, 'labDataset'>): number => (c.labDataset === 'fashion' ? 10 : c.labDataset === 'spiral' ? 3 : 2);

/** The CNN is trained only on Fashion-MNIST (as labSettings.ts's networkOf, which uses this file). */
const cnnOf = (c: Pick<LabData, 'labModel' | 'labDataset'>): boolean => c.labModel === 'cnn' && c.labDataset === 'fashion';

/** The counts a normalization of the networks divides into groups, each with what it is, in words. */
function normalizedCounts(c: LabData): { count: number; what: string }[] {
  if (cnnOf(c)) return channelsOf(c.labChannels).map((n, i) => ({ count: n, what: `block ${i + 1}'s ${n} channels` }));
  const out = c.labDepth > 0 ? [{ count: c.labWidth, what: `the ${c.labWidth} units of each hidden layer` }] : [];
  if (c.labOutputBn) out.push({ count: CLASSES(c), what: `the output layer's ${CLASSES(c)} logits` });
  return out;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const list = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** What the lab trains for settings `c`. */
export function normChoiceOf(c: LabData): NormChoice {
  const chosen = normsOf(c.labNorms);
  const instanceInMlp = !cnnOf(c) && chosen.includes('instance');
  const norms = instanceInMlp ? DEFAULT_NORMS : chosen;
  const hasGroup = norms.includes('group');
  const counts = normalizedCounts(c);
  const common = counts.reduce((g, x) => gcd(g, x.count), 0);
  const groupChoices = Array.from({ length: GROUPS_MAX }, (_, i) => i + 1).filter((g) => common === 0 || common % g === 0);
  const fits = groupChoices.includes(c.labGroups);
  const groups = fits ? c.labGroups : Math.max(...groupChoices.filter((g) => g < c.labGroups), 1);
  const notes: string[] = [];
  if (instanceInMlp) {
    notes.push(`InstanceNorm normalizes each channel of an image over its positions, and the MLP's units have none: with the MLP the lab compares without and with BN. Choose the CNN (Fashion-MNIST) to train InstanceNorm.`);
  }
  if (hasGroup && !fits) {
    const bad = counts.filter((x) => x.count % c.labGroups !== 0).map((x) => x.what);
    notes.push(`GroupNorm's ${c.labGroups} groups do not divide ${list(bad)} (PyTorch: “num_channels must be divisible by num_groups”): the lab trains ${groups} group${groups === 1 ? '' : 's'}. Groups that divide every normalized count: ${groupChoices.join(', ')}.`);
  }
  return { norms, groups, groupChoices, hasGroup, note: notes.length ? notes.join(' ') : null };
}

