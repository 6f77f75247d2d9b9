import { FASHION_CLASS_NAMES } from '../../../src/fashion';
import { sliderProps } from '../../state/props';
import { FAMILY_PROPS, type FamNorm } from '../../state/slices/family';
import { useAppState } from '../../state/store';
import { NumberField } from '../../ui/NumberField';
import { Select } from '../../ui/Select';
import { Slider } from '../../ui/Slider';
import { fmt } from '../../ui/format';
import { BlockGrid } from '../images/BlockGrid';
import { absMax, blockShape } from '../images/imagesView';
import { FAMILY_N, FAMILY_NAMES, FAMILY_NORMS, type FamilyPass, TRAIN_BATCHES, consequenceTable } from './familyView';
import type { FamilyLoad } from './useFamilyPass';

const NORM_OPTIONS = FAMILY_NORMS.map((v) => ({ value: v, label: FAMILY_NAMES[v] }));

/** A largest difference as the page prints it: 0 is said to be exact. */
export const delta = (d: number): string => (d === 0 ? '0 (exactly)' : fmt(d, 3));

/** The normalization, GroupNorm's G, the channel whose set is shown, and (optionally) the seed. */
export function FamilyControls({ seed = true }: { seed?: boolean }) {
  const norm = useAppState((s) => s.famNorm);
  const groups = useAppState((s) => s.famGroups);
  const channel = useAppState((s) => s.famChannel);
  const s0 = useAppState((s) => s.famSeed);
  const set = useAppState((s) => s.setFamily);
  return (
    <div className="controls">
      <Select<FamNorm> label="Normalization" value={norm} options={NORM_OPTIONS} onChange={(v) => set({ famNorm: v })} />
      <Slider {...sliderProps(FAMILY_PROPS.famGroups)} label="GroupNorm's groups G" value={groups} onChange={(v) => set({ famGroups: v })} testId="fam-groups-value" />
      <Slider label="Channel whose set is shown" min={1} max={8} step={1} value={Math.min(channel, 7) + 1} onChange={(v) => set({ famChannel: v - 1 })} testId="fam-ch-value" />
      {seed && <NumberField label="Seed (images and weights)" value={s0} min={0} max={2 ** 32 - 1} onChange={(v) => set({ famSeed: v })} />}
    </div>
  );
}

/** Loading, a failed load (with Retry), or what the engine refused. */
export function FamilyStatus({ load, retry }: { load: FamilyLoad; retry: () => void }) {
  if (load.status === 'ready') return null;
  if (load.status === 'error') {
    return (
      <p className="notice" role="alert" data-testid="fam-status">
        The images could not be loaded: {load.message}{' '}
        <button type="button" onClick={retry}>
          Retry
        </button>
      </p>
    );
  }
  if (load.status === 'refused') return <p className="notice" role="alert" data-testid="fam-status">The engine refused these settings: {load.message}</p>;
  return <p className="progress" data-testid="fam-status">Loading the Fashion-MNIST images…</p>;
}

/** The block with the chosen normalization's set for sample 1 (BN: for all samples) outlined. */
export function FamilyBlock({ pass, maxHeight = 420 }: { pass: FamilyPass; maxHeight?: number }) {
  const [n, c] = pass.z.shape;
  const title = `The block z: n × c × h × w = ${blockShape(pass.z)}`;
  return (
    <BlockGrid
      z={pass.z}
      x={null}
      set={pass.set}
      r={absMax(pass.z.data)}
      label={`${title}. Rows: the ${n} samples; columns: the ${c} channels. Outlined: ${pass.set.label}`}
      title={title}
      caption={<>Rows: samples 1–{n}; columns: channels 1–{c}. Outlined: {pass.set.label}.</>}
      data={() => consequenceTable(pass)}
      config={{ ...pass.settings }}
      maxHeight={maxHeight}
    />
  );
}

/** μ and σ² of the outlined set, by the engine, or PyTorch's message for a G that does not divide c. */
export function FamilyStats({ pass }: { pass: FamilyPass }) {
  const st = pass.stats;
  if ('refused' in st) {
    return (
      <p className="notice" role="status" data-testid="fam-stats">
        GroupNorm({pass.settings.groups}, {pass.z.shape[1]}): the engine refuses, with PyTorch&apos;s message plus the numbers: “{st.refused}”. Pick a G that divides C = {pass.z.shape[1]}.
      </p>
    );
  }
  return (
    <p data-testid="fam-stats">
      {FAMILY_NAMES[pass.settings.norm]}: μ = <strong className="num">{fmt(st.mean, 4)}</strong>, σ² = <strong className="num">{fmt(st.variance, 4)}</strong>, over{' '}
      <strong className="num">{st.count.toLocaleString('en')}</strong> values (σ² divides by that count{pass.settings.norm === 'bn' ? '; BN in train mode' : ''}).
    </p>
  );
}

/** Replace another sample of the batch: only BN's output for sample 1 moves. */
export function SwapConsequence({ pass }: { pass: FamilyPass }) {
  const swap = useAppState((s) => s.famSwap);
  const set = useAppState((s) => s.setFamily);
  const k = pass.settings.swap;
  const d = pass.swapDelta;
  return (
    <>
      <Slider label="Sample replaced (not sample 1)" min={2} max={FAMILY_N} step={1} value={Math.max(1, swap) + 1} onChange={(v) => set({ famSwap: v - 1 })} testId="fam-swap-value" />
      <p data-testid="fam-swap">
        Sample {k + 1} ({FASHION_CLASS_NAMES[pass.labels[k]]}) replaced by another training image ({FASHION_CLASS_NAMES[pass.swapLabel]}); sample 1 unchanged. The
        largest change in sample 1&apos;s output: BatchNorm <strong className="num">{typeof d.bn === 'number' ? delta(d.bn) : d.bn}</strong>, LayerNorm{' '}
        <strong className="num">{typeof d.layer === 'number' ? delta(d.layer) : d.layer}</strong>, InstanceNorm{' '}
        <strong className="num">{typeof d.instance === 'number' ? delta(d.instance) : d.instance}</strong>, GroupNorm (G = {pass.settings.groups}){' '}
        <strong className="num">{typeof d.group === 'number' ? delta(d.group) : 'refused'}</strong> (BatchNorm in train mode, with this batch&apos;s statistics; in eval mode,
        with running statistics, its change would also be 0).
      </p>
    </>
  );
}

/** Train vs eval: BN's running statistics are not the batch's; the per-sample norms have no mode. */
export function ModeConsequence({ pass }: { pass: FamilyPass }) {
  const d = pass.modeDelta, r = pass.running, ch = pass.settings.channel + 1;
  return (
    <p data-testid="fam-mode">
      BatchNorm after {TRAIN_BATCHES} train-mode passes over other batches of {FAMILY_N} (the convolution fixed; running averages with PyTorch&apos;s momentum 0.1): channel {ch}&apos;s running mean{' '}
      <strong className="num">{fmt(r.runMean, 4)}</strong> and variance <strong className="num">{fmt(r.runVar, 4)}</strong>, this batch&apos;s{' '}
      <strong className="num">{fmt(r.batchMean, 4)}</strong> and <strong className="num">{fmt(r.batchVar, 4)}</strong>. Sample 1&apos;s output in train mode (in this
      batch) and in eval mode (alone, running statistics) differ by up to <strong className="num">{typeof d.bn === 'number' ? delta(d.bn) : d.bn}</strong>. LayerNorm,
      InstanceNorm (PyTorch&apos;s default track_running_stats=False; with True it too would use running statistics in eval) and GroupNorm keep no running statistics: sample 1 alone gives what it gave in the batch, largest difference{' '}
      <strong className="num">{typeof d.layer === 'number' ? delta(d.layer) : d.layer}</strong>, <strong className="num">{typeof d.instance === 'number' ? delta(d.instance) : d.instance}</strong> and{' '}
      <strong className="num">{typeof d.group === 'number' ? delta(d.group) : 'refused'}</strong>.
    </p>
  );
}
