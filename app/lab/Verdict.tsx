import { useCallback, useRef } from 'react';
import { useTallestHeight } from '../ui/useTallestHeight';
import { type RunState, useRun } from './runStore';
import { useRunView } from './useRunView';
import { PRESET_BY_ID } from './model/presets';
import { showsNoAdvantage, verdictOf } from './model/verdicts';
import { loadPreset } from './Presets';
import { usePair } from './usePair';

/** Under the headline while no network has been tested yet: what the verdict will say. */
const UNTESTED_DETAIL = 'Once they have, this says whether either network is ahead and, once one has learned, which first held a test accuracy near the best seen.';
const NONE_DIVERGED = { plain: null, bn: null } as const;

/** A preset where BN's advantage is large and lasts, offered when the run on screen shows none. */
const SHOWS_BN = PRESET_BY_ID.sigmoid4;

/**
 * The run's verdict in words: who is ahead and who got there first, computed from the run on screen
 * (model/verdicts.ts). When BN shows no advantage, it says so and offers a preset where it does.
 */
export function Verdict() {
  const testRows = useRun((s) => s.info?.testRows ?? 0);
  const pair = usePair();
  const v = useRunView(useCallback((s: RunState) => verdictOf(s.series, s.diverged, s.info?.testRows ?? 0, s.info?.classes ?? 0, pair), [pair]));
  const settled = useRun((s) => s.phase === 'ready');
  // While a run plays, the box keeps its tallest height: a sentence wrapping onto one more line and back moved the charts below 28–56 px.
  const box = useRef<HTMLDivElement>(null);
  const info = useRun((s) => s.info);
  useTallestHeight(box, settled && testRows > 0 ? info : null);
  // Until there is a run to judge, the box says what an untested run's verdict says (it came in only then, and moved the
  // charts below down by 112 px), with the line under it that an untested verdict has: the box keeps about its size.
  const ready = settled && testRows > 0;
  const untestedHead = verdictOf(null, NONE_DIVERGED, 0, 0, pair).headline;
  const headline = ready ? v.headline : untestedHead;
  const untested = headline === untestedHead && (!ready || (v.lead === null && v.speed === null));
  return (
    <div
      ref={box}
      className={`lab-verdict lab-verdict-${ready ? v.advantage : 'unknown'}`}
      data-testid={ready ? 'lab-verdict' : 'lab-verdict-waiting'}
      data-advantage={ready ? v.advantage : undefined}
    >
      <p className="lab-verdict-head" aria-live="polite">
        {headline}
      </p>
      {untested && <p className="lab-verdict-detail">{UNTESTED_DETAIL}</p>}
      {ready && (v.lead || v.speed) && (
        <p className="lab-verdict-detail">
          {v.lead} {v.speed && <span className="lab-verdict-speed">{v.speed}</span>}
        </p>
      )}
      {ready && showsNoAdvantage(v.advantage, pair) && (
        <p className="lab-verdict-pointer">
          For a setup where BN’s advantage is large and lasts, try{' '}
          <button type="button" onClick={() => loadPreset(SHOWS_BN)}>
            {SHOWS_BN.name}
          </button>
          .
        </p>
      )}
    </div>
  );
}
