import type { StoreApi } from 'zustand/vanilla';
import type { Deck } from '../../state/deck/deck';
import { deckLinkValues } from '../../state/deck/deckLink';
import type { State } from '../../state/store';
import { urlValues } from '../../state/url/table';
import { activeSlides, slidesOf } from '../activeDeck';
import { enterSlide } from '../control';

/** "Present": the deck, from its first step with that step's pinned settings — what the deck's link opens. */
export function presentDeck(store: StoreApi<State>, deck: Deck): void {
  store.setState(deckLinkValues(urlValues(store.getState()), deck));
}

/**
 * "Save": the deck becomes the page's (and its address's). While presenting, the step on screen
 * stays, at its place in the new deck; if the new deck leaves it out, the deck starts at its first step.
 */
export function saveDeck(store: StoreApi<State>, deck: Deck): void {
  const s = store.getState();
  if (!s.presenting) return s.setDeck(deck);
  const current = activeSlides()[s.step];
  const slides = slidesOf(deck);
  const at = current ? slides.findIndex((p) => p.sectionId === current.sectionId && p.step.id === current.step.id) : -1;
  if (at >= 0) store.setState({ deck, step: at });
  else {
    s.setDeck(deck);
    enterSlide(store, slides, 0);
  }
}
