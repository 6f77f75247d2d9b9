import { type RefObject, useCallback } from 'react';
import type { StepPlace } from '../outline';
import { appStore, useAppState } from '../state/store';
import { goBack, goForward, revealsOf, shownParts } from './parts';
import { hasMoreBelow } from './useMoreBelow';
import { useRevealInView, useStepScroll } from './useStepScroll';
import { useDeckZoom } from './Zoom';

export interface DeckParts {
  /** How many of the step's hidden parts show, and how many it has. */
  shown: number;
  reveals: number;
  /** What the next → reveals on this step ('the verdict'), if anything, and what it has revealed. */
  next: string | null;
  revealed: readonly string[];
  /** → and ←: reveal or scroll before moving on, hide before moving back (see parts.ts). */
  forward: () => void;
  back: () => void;
}

/** The step's hidden parts, its remembered scroll and the presenter's zoom. */
export function useDeckParts(slides: readonly StepPlace[], k: number, body: RefObject<HTMLElement | null>): DeckParts {
  const part = useAppState((s) => s.part);
  const shown = shownParts(slides, k, part);
  const reveals = revealsOf(slides, k);
  useStepScroll(body, k);
  useRevealInView(body, k, shown);
  useDeckZoom();
  const forward = useCallback(() => {
    const el = body.current;
    if (goForward(appStore, slides, hasMoreBelow(el)) === 'scroll') el?.scrollBy?.({ top: 0.8 * el.clientHeight, behavior: 'instant' });
  }, [slides, body]);
  const back = useCallback(() => goBack(appStore, slides), [slides]);
  const names = slides[k]?.step.reveals ?? [];
  return { shown, reveals, next: names[shown] ?? null, revealed: names.slice(0, shown), forward, back };
}
