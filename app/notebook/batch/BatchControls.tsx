import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Slider } from '../../ui/Slider';
import { NumberField } from '../../ui/NumberField';
import { appStore, useAppState } from '../../state/store';
import { sliderProps } from '../../state/props';
import { BATCH_PROPS } from '../../state/slices/batch';
import { fmt } from '../../ui/format';

/**
 * The controls that draw the shared mini-batch: m, shift, scale and the seed. Memoized: they do not change while a
 * point is dragged, and React writes a range input's name and type to the page on each of its updates, even unchanged.
 */
export const BatchControls = memo(function BatchControls() {
  const { m, shift, scale, seed } = useAppState(useShallow((s) => ({ m: s.m, shift: s.shift, scale: s.scale, seed: s.seed })));
  const dragged = useAppState((s) => Object.keys(s.overrides).filter((k) => Number(k) < s.m).length);
  const { setBatch, clearPoints } = appStore.getState();
  return (
    <>
      <div className="controls bn-controls">
        <Slider {...sliderProps(BATCH_PROPS.m)} value={m} onChange={(v) => setBatch({ m: v })} />
        <Slider {...sliderProps(BATCH_PROPS.shift)} value={shift} onChange={(v) => setBatch({ shift: v })} format={(v) => fmt(v, 2)} />
        <Slider {...sliderProps(BATCH_PROPS.scale)} value={scale} onChange={(v) => setBatch({ scale: v })} format={(v) => fmt(v, 2)} />
        <NumberField {...sliderProps(BATCH_PROPS.seed)} value={seed} onChange={(v) => setBatch({ seed: v })} />
      </div>
      <div className="bn-actions">
        <button type="button" onClick={() => setBatch({ seed: seed >= BATCH_PROPS.seed.max ? 0 : seed + 1 })}>
          Draw a new batch
        </button>
        <button type="button" onClick={clearPoints} disabled={dragged === 0}>
          {dragged === 0 ? 'No points moved' : `Put back ${dragged} moved point${dragged === 1 ? '' : 's'}`}
        </button>
      </div>
    </>
  );
});
