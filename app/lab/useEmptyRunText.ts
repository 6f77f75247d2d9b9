import { emptyRunText } from './model/labText';
import { useRun } from './runStore';

/** What a chart of the run on screen says while it has nothing to draw (model/labText.ts, emptyRunText). */
export function useEmptyRunText(): string {
  return useRun((s) => emptyRunText(s.step, s.info?.logEvery ?? null, s.diverged.plain !== null && s.diverged.bn !== null));
}
