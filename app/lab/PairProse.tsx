import type { NormKind } from '../../src/norms';
import { NORM_SHORT } from './model/pair';
import { usePair } from './usePair';

/**
 * What the lab compares when it is not without and with BN (`lab-norms`): the two networks named, and
 * where each normalization takes its statistics. The section's other prose describes batch norm.
 */
const words = (n: NormKind): string => (n === 'none' ? 'without any normalization' : `with ${NORM_SHORT[n]}`);

export function PairIntro() {
  const pair = usePair();
  if (pair.isDefault) return null;
  const group = pair.norms.includes('group') ? ` GroupNorm uses ${pair.groups} group${pair.groups === 1 ? '' : 's'}.` : '';
  return (
    <p className="lab-pair-intro" data-testid="lab-pair-intro">
      This run compares other normalizations: the first network (dashed) {words(pair.norms[0])}, the second (solid) {words(pair.norms[1])}, in the
      same places.{group} BN
      takes its statistics over the mini-batch; LayerNorm and RMSNorm over each sample’s layer, GroupNorm over each sample’s group of units or channels,
      InstanceNorm over each image’s channel, so these give the same output in train and eval mode and do not depend on the batch-mates. Every
      chart, caption and verdict below names the two networks chosen; the prose about batch norm is about BN.
    </p>
  );
}
