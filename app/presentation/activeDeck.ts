import { deckSteps, type Deck, type DeckPlace } from '../state/deck/deck';
import { appStore, useAppState } from '../state/store';
import { SLIDES } from './deck';
import type { Slide } from './slides';

/**
 * The steps the presentation shows, in order: the instructor's own deck (`deck=` in the URL) or, when
 * there is none, every step of the notebook. The one place the deck, its counter ("Step 3 of 15"), the
 * overview, "go to step", the Present button and a presenter view read the active steps and their
 * notes from.
 */
export type DeckSlide = DeckPlace<Slide>;

const made = new WeakMap<Deck, readonly DeckSlide[]>();

/** The slides of a deck (every step for the empty deck), made once per deck value. */
export function slidesOf(deck: Deck): readonly DeckSlide[] {
  let slides = made.get(deck);
  if (!slides) {
    slides = deckSteps(deck, SLIDES);
    made.set(deck, slides);
  }
  return slides;
}

/** The active slides now (for event handlers). */
export const activeSlides = (): readonly DeckSlide[] => slidesOf(appStore.getState().deck);

/** The active slides, re-rendering when the deck changes. */
export function useActiveSlides(): readonly DeckSlide[] {
  return slidesOf(useAppState((s) => s.deck));
}

/** The instructor's note on step `deckIndex` (0-based) of the active deck; '' when it has none. */
export const noteOf = (deckIndex: number): string => activeSlides()[deckIndex]?.note ?? '';

/** The note of the step being presented ('' when it has none, or when not presenting). */
export function useDeckNote(): string {
  const slides = useActiveSlides();
  const presenting = useAppState((s) => s.presenting);
  const step = useAppState((s) => s.step);
  if (!presenting) return '';
  return slides[Math.min(Math.max(0, step), slides.length - 1)]?.note ?? '';
}
