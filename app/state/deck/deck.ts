import type { StepPlace } from '../../outline';

/**
 * An instructor's own deck: the steps to present, in their order, each with a one-line note and,
 * if pinned, the settings that entering it applies. Steps are named by their outline ids (section
 * and step), never by position, so a section added later does not move an old deck's steps.
 * Data only: the link's text is in ./codec.ts, what a pin holds and does in ./pins.ts.
 */

/**
 * Settings pinned to a step: URL query name → its value as the URL writes it (canonical text, e.g.
 * { seed: '7', gamma: '2' }), only those that differed from their defaults when pinned. Entering the
 * step puts every pinnable setting at its default, then these (see ./pins.ts).
 */
export type Pin = Readonly<Record<string, string>>;

export interface DeckEntry {
  /** The step's section and own id in the outline (app/outline.ts). */
  readonly section: string;
  readonly step: string;
  /** What the presenter wants to remember on this step (one line, at most NOTE_MAX characters). */
  readonly note: string;
  /** The step's pinned settings; null: the step keeps whatever is set when it is entered. */
  readonly pin: Pin | null;
}

/** A deck: no entries means the whole notebook, every step in the order of the notes. */
export type Deck = readonly DeckEntry[];

/** The longest note, in UTF-16 code units (what an input's maxLength counts). */
export const NOTE_MAX = 140;
/** The most steps a deck holds (a step may appear twice, e.g. before and after a change). */
export const DECK_MAX = 50;

export const EMPTY_DECK: Deck = Object.freeze([]);

/**
 * A note as the deck keeps it: one line (line breaks become spaces), no lone surrogate (a link could
 * not encode it), at most NOTE_MAX code units.
 */
export function cleanNote(note: string): string {
  const oneLine = note.replace(/[\r\n\t]+/g, ' ').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const cut = oneLine.slice(0, NOTE_MAX);
  // Cutting may split a pair: drop its first half.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A step of the active deck: where it is in the outline, its note and its pin (none for the whole notebook). */
export type DeckPlace<T extends StepPlace = StepPlace> = T & { readonly note: string; readonly pin: Pin | null };

/**
 * The steps a deck presents, in its order, taken from `all` (the outline's steps, or the
 * presentation's slides): every step of `all` when the deck is empty. Entries naming no step of
 * `all` are left out (a decoded deck has none).
 */
export function deckSteps<T extends StepPlace>(deck: Deck, all: readonly T[]): DeckPlace<T>[] {
  if (deck.length === 0) return all.map((place) => ({ ...place, note: '', pin: null }));
  return deck.flatMap((e) => {
    const place = placeOf(e, all);
    return place ? [{ ...place, note: e.note, pin: e.pin }] : [];
  });
}

/** The step of `all` an entry names, or undefined. */
export function placeOf<T extends StepPlace>(entry: Pick<DeckEntry, 'section' | 'step'>, all: readonly T[]): T | undefined {
  return all.find((p) => p.sectionId === entry.section && p.step.id === entry.step);
}

/**
 * How a deck link names a step, as short as it stays unambiguous: "mean" for a section's step of the
 * same id, "forward/3" for the step "forward-3" of section "forward", else "section/step".
 */
export function stepRef(section: string, step: string): string {
  if (step === section) return section;
  return step.startsWith(`${section}-`) ? `${section}/${step.slice(section.length + 1)}` : `${section}/${step}`;
}

/** The step a reference names among `steps` (see stepRef), or null. */
export function findStep(ref: string, steps: readonly StepPlace[]): { section: string; step: string } | null {
  const [section, rest, extra] = ref.split('/');
  if (extra !== undefined || !section) return null;
  const candidates = rest === undefined ? [section] : [`${section}-${rest}`, rest];
  for (const id of candidates) {
    const place = steps.find((p) => p.sectionId === section && p.step.id === id);
    if (place) return { section, step: id };
  }
  return null;
}
