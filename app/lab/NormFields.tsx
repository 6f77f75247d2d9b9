import type { NormKind } from '../../src/norms';
import { Select } from '../ui/Select';
import { normsOf } from '../state/slices/lab';
import type { LabSettings } from './model/labSettings';
import { normChoiceOf } from './model/normChoice';

const NORM_NAMES: Readonly<Record<NormKind, string>> = {
  none: 'None',
  bn: 'BatchNorm (BN)',
  layer: 'LayerNorm',
  group: 'GroupNorm',
  instance: 'InstanceNorm (the CNN only)',
  rms: 'RMSNorm',
};
const NORM_OPTIONS = (Object.keys(NORM_NAMES) as NormKind[]).map((value) => ({ value, label: NORM_NAMES[value] }));

type Set = (patch: Partial<LabSettings>) => void;

/**
 * The two networks' normalizations (`lab-norms`: without and with BN by default) and, when one is a
 * GroupNorm, its groups, offered only where they divide every normalized width or channel count.
 * Choosing the other network's normalization swaps the two (two identical networks would draw one
 * curve twice). What the lab trains instead of an impossible choice is said under the controls.
 */
export function NormFields({ s, set }: { s: LabSettings; set: Set }) {
  const [a, b] = normsOf(s.labNorms);
  const choice = normChoiceOf(s);
  const pick = (i: 0 | 1) => (v: NormKind) => {
    const other = i === 0 ? b : a;
    const next: [NormKind, NormKind] = i === 0 ? [v, v === other ? a : b] : [v === other ? b : a, v];
    set({ labNorms: next.join(',') });
  };
  return (
    <>
      <Select label="First network (dashed): normalization" value={a} options={NORM_OPTIONS} onChange={pick(0)} />
      <Select label="Second network (solid): normalization" value={b} options={NORM_OPTIONS} onChange={pick(1)} />
      {choice.hasGroup && (
        <Select
          label="GroupNorm groups"
          value={choice.groups}
          options={choice.groupChoices.map((g) => ({ value: g, label: String(g) }))}
          onChange={(g) => set({ labGroups: g })}
        />
      )}
      {choice.note && (
        <p className="lab-hint" data-testid="lab-norms-note">
          {choice.note}
        </p>
      )}
    </>
  );
}
