import type { StoreApi } from 'zustand/vanilla';
import type { State } from '../state/store';
import type { StepPlace } from '../outline';
import { enterSlide, type PinnablePlace } from './control';

/** How many parts → reveals on step k before the deck moves on (its outline's `reveals`). */
export const revealsOf = (slides: readonly StepPlace[], k: number): number => slides[k]?.step.reveals?.length ?? 0;

/** What → does at a place of the deck: reveal the next part, scroll to what is below, or go to the next step. */
export type Forward = 'scroll' | 'reveal' | 'step' | 'none';

/**
 * → never skips what the class has not seen: first what is below the screen (`more`), then the next
 * hidden part, then the next step.
 */
export function forwardMove(slides: readonly StepPlace[], k: number, part: number, more: boolean): Forward {
  if (more) return 'scroll';
  if (part < revealsOf(slides, k)) return 'reveal';
  return k < slides.length - 1 ? 'step' : 'none';
}

/** → : see forwardMove. Returns what it did; 'scroll' is left to the caller, which owns the screen. */
export function goForward(store: StoreApi<State>, slides: readonly PinnablePlace[], more: boolean): Forward {
  const { step: k, part } = store.getState();
  const move = forwardMove(slides, k, part, more);
  if (move === 'reveal') store.getState().setNav({ part: part + 1 });
  else if (move === 'step') enterSlide(store, slides, k + 1);
  return move;
}

/** Shows the step's next hidden part, if it has one (the presenter's Reveal: never scrolls, never moves on). */
export function revealNext(store: StoreApi<State>, slides: readonly PinnablePlace[]): boolean {
  const { step: k, part } = store.getState();
  if (part >= revealsOf(slides, k)) return false;
  store.getState().setNav({ part: part + 1 });
  return true;
}

/** ← : hides the last part shown; on a step with nothing revealed, goes to the step before (its pin applied), every part shown. */
export function goBack(store: StoreApi<State>, slides: readonly PinnablePlace[]): void {
  const { step: k, part } = store.getState();
  if (part > 0) store.getState().setNav({ part: part - 1 });
  else if (k > 0) enterSlide(store, slides, k - 1, { part: revealsOf(slides, k - 1) });
}

/** The parts of step k shown at `part`, clamped to what the step has (a link may ask for more). */
export const shownParts = (slides: readonly StepPlace[], k: number, part: number): number => Math.min(Math.max(0, part), revealsOf(slides, k));
