import type { StateCreator } from 'zustand/vanilla';
import { EMPTY_DECK, type Deck } from '../deck/deck';
import { defaultsOf, type PropsTable } from '../props';

/** The instructor's own deck (see ../deck/deck.ts): what presentation mode shows, in its order. */
export interface DeckData {
  /** Empty: the whole notebook. */
  deck: Deck;
}

export interface DeckSlice extends DeckData {
  setDeck: (deck: Deck) => void;
}

/**
 * The deck's prop (see ../props.ts): one URL value, `deck=` (../url/deckRow.ts). A new deck is a
 * history entry of its own, so Back returns to the deck before.
 */
export const DECK_PROPS = {
  deck: { kind: 'deck', default: EMPTY_DECK, coalesce: false, label: 'Deck' },
} as const satisfies PropsTable<DeckData>;

export const deckSlice: StateCreator<DeckSlice> = (set) => ({
  ...defaultsOf<DeckData>(DECK_PROPS),
  setDeck: (deck) => set({ deck }),
});
