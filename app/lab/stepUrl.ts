import type { StoreApi } from 'zustand/vanilla';
import type { State } from '../state/store';
import { beforeLeaving } from '../state/url/sync';
import type { RunState } from './runStore';

/** While playing, the step reaches the address at most this often (a store update and a replaceState each time). */
export const STEP_URL_MS = 1000;

/**
 * Keeps the app store's `labStep` (the address's lab-step, written with replaceState: app/state/
 * slices/labStep.ts) at the step the run has reached, so a reload continues there: at once when the
 * run pauses or stops, at most every `everyMs` while it plays, never while it replays (the address
 * already holds the step the replay runs to), and when the page is hidden or left (just before the
 * URL sync writes the address one last time: Back to the page from elsewhere continues there). A
 * reload is not a leave: it reloads the address as it was, up to about a second behind a playing run.
 */
export interface StepWriter {
  /** The step last written: a different `labStep` in the store was put there by the address (a link, Back). */
  readonly written: number;
  /** Writes `step` now. */
  write(step: number): void;
  dispose(): void;
}

/** Where the run is, for the address: the step a replay runs to until it is there, else the step. */
export const runPosition = (s: Pick<RunState, 'step' | 'replay'>): number => (s.replay && !s.replay.done ? s.replay.target : s.step);

export function createStepWriter(app: StoreApi<State>, run: StoreApi<RunState>, everyMs = STEP_URL_MS): StepWriter {
  let written = app.getState().labStep;
  let timer: ReturnType<typeof setTimeout> | undefined;
  function write(step: number): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    written = step;
    if (app.getState().labStep !== step) app.setState({ labStep: step });
  }
  const unsubscribe = run.subscribe((s) => {
    const at = runPosition(s);
    if (at === written) return;
    if (!s.playing) write(at);
    else timer ??= setTimeout(() => write(runPosition(run.getState())), everyMs);
  });
  const forget = beforeLeaving(() => write(runPosition(run.getState())));
  return {
    get written() {
      return written;
    },
    write,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
      forget();
    },
  };
}
