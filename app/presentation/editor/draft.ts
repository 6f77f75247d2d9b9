import type { StepPlace } from '../../outline';
import { cleanNote, DECK_MAX, type Deck, type Pin } from '../../state/deck/deck';

/**
 * The deck editor's changes to a draft deck, as pure functions: each returns a new deck (or the same
 * one when there is nothing to do), so the editor's state is one value and each change is testable.
 */

/** Appends a step (no note, not pinned), unless the deck is full. */
export function addStep(deck: Deck, place: StepPlace): Deck {
  if (deck.length >= DECK_MAX) return deck;
  return [...deck, { section: place.sectionId, step: place.step.id, note: '', pin: null }];
}

export function removeAt(deck: Deck, i: number): Deck {
  return i >= 0 && i < deck.length ? deck.filter((_, j) => j !== i) : deck;
}

/** Moves entry i by `by` places (−1: up), within the deck; returns the deck and where the entry is now. */
export function moveBy(deck: Deck, i: number, by: number): { deck: Deck; at: number } {
  const at = Math.min(deck.length - 1, Math.max(0, i + by));
  if (at === i || i < 0 || i >= deck.length) return { deck, at: i };
  const out = [...deck];
  const [entry] = out.splice(i, 1);
  out.splice(at, 0, entry);
  return { deck: out, at };
}

/** Sets entry i's note, made one line and at most NOTE_MAX long (cleanNote). */
export function setNote(deck: Deck, i: number, note: string): Deck {
  return deck.map((e, j) => (j === i ? { ...e, note: cleanNote(note) } : e));
}

/** Pins settings to entry i (null: unpins it). */
export function setPin(deck: Deck, i: number, pin: Pin | null): Deck {
  return deck.map((e, j) => (j === i ? { ...e, pin } : e));
}
