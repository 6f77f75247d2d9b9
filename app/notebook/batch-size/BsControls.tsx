import { ListSlider } from '../../ui/ListSlider';
import { NumberField } from '../../ui/NumberField';
import { Slider } from '../../ui/Slider';
import { sliderProps } from '../../state/props';
import { BATCH_SIZE_PROPS, BS_GROUPS, BS_SIZES, type BsGroups, type BsSize } from '../../state/slices/batchSize';
import { useAppState } from '../../state/store';
import { useBsData } from './useBsSweep';
import { type BsState, bsControl, useBs } from './bsControl';
import { type BsSettings, BS_NORM_NAMES, bsJobs } from './bsView';

const SIZES = BS_SIZES.map(Number), GROUPS = BS_GROUPS.map(Number);

/** Which norms, the batch sizes, the budget, the seed and G: each change shows that setting's points (and trains them if a sweep was running). */
export function BsSettingsControls({ seed = true }: { seed?: boolean }) {
  const s = useBsData();
  const set = useAppState((st) => st.setBatchSize);
  const checks = [
    ['bsBn', s.bsBn, 'bn'],
    ['bsGn', s.bsGn, 'group'],
    ['bsLn', s.bsLn, 'layer'],
  ] as const;
  return (
    <div className="controls bs-controls">
      <fieldset className="bs-norms">
        <legend>Normalizations trained</legend>
        {checks.map(([key, on, norm]) => (
          <label key={key} className="bs-check">
            <input type="checkbox" checked={on} onChange={(e) => set({ [key]: e.currentTarget.checked })} /> {BS_NORM_NAMES[norm]}
          </label>
        ))}
      </fieldset>
      <ListSlider label={BATCH_SIZE_PROPS.bsMin.label} value={Number(s.bsMin)} values={SIZES} onChange={(v) => set({ bsMin: String(v) as BsSize })} format={String} testId="bs-min-value" />
      <ListSlider label={BATCH_SIZE_PROPS.bsMax.label} value={Number(s.bsMax)} values={SIZES} onChange={(v) => set({ bsMax: String(v) as BsSize })} format={String} testId="bs-max-value" />
      <Slider {...sliderProps(BATCH_SIZE_PROPS.bsEpochs)} value={s.bsEpochs} onChange={(v) => set({ bsEpochs: v })} format={String} testId="bs-epochs-value" />
      <ListSlider label={BATCH_SIZE_PROPS.bsGroups.label} value={Number(s.bsGroups)} values={GROUPS} onChange={(v) => set({ bsGroups: String(v) as BsGroups })} format={String} testId="bs-groups-value" />
      {seed && <NumberField label="Seed (weights and batch order)" value={s.bsSeed} min={0} max={2 ** 32 - 1} onChange={(v) => set({ bsSeed: v })} />}
    </div>
  );
}

function statusText(st: BsState, settings: BsSettings): string {
  const jobs = bsJobs(settings);
  const have = jobs.filter((j) => st.points[j.key]).length;
  const restored = jobs.filter((j) => st.points[j.key] && st.restored.has(j.key)).length;
  const kept = restored > 0 ? ` ${restored} of them ${restored === 1 ? 'was' : 'were'} read from this browser’s storage (trained on an earlier visit), not trained again.` : '';
  const cur = st.current ? `${BS_NORM_NAMES[st.current.norm]} at m = ${st.current.m}` : '';
  const pct = st.total > 0 ? Math.floor((100 * st.completed) / st.total) : 0;
  if (jobs.length === 0) return 'Tick at least one normalization.';
  switch (st.phase) {
    case 'idle':
      return `${have} of ${jobs.length} points there.${kept}${have < jobs.length ? ' Run trains the rest.' : ''}`;
    case 'loading':
      return `Loading the Fashion-MNIST subset… ${have} of ${jobs.length} points there.${kept}`;
    case 'running':
      return `Training ${cur} (${pct} % of the steps done)… ${have} of ${jobs.length} points there.${kept}`;
    case 'paused':
      return `Paused during ${cur} (${pct} % of the steps done). ${have} of ${jobs.length} points there.${kept}`;
    case 'done':
      return `All ${jobs.length} points there.${kept}`;
    case 'error':
      return `The sweep stopped: ${st.error ?? 'unknown error'}`;
  }
}

/** Run / Pause / Resume / Reset, and where the sweep is. */
export function BsRunBar({ settings }: { settings: BsSettings }) {
  const st = useBs((x) => x);
  const c = bsControl();
  const none = bsJobs(settings).length === 0;
  const active = st.phase === 'running' || st.phase === 'loading';
  return (
    <div className="bs-run-bar">
      {st.phase === 'paused' ? (
        <button type="button" onClick={c.resume}>Resume the batch-size sweep</button>
      ) : active ? (
        <button type="button" onClick={c.pause} disabled={st.phase === 'loading'}>Pause the batch-size sweep</button>
      ) : (
        <button type="button" onClick={c.run} disabled={none || st.phase === 'done'}>Run the batch-size sweep</button>
      )}
      <button type="button" onClick={c.reset} disabled={none}>Reset: forget these points</button>
      <p className="progress" aria-live={active ? 'off' : 'polite'} data-testid="bs-progress">
        {statusText(st, settings)}
      </p>
      {st.notice && <p className="bs-notice" role="status">{st.notice}</p>}
    </div>
  );
}
