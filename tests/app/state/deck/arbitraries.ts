import fc from 'fast-check';
import { STEPS } from '../../../../app/outline';
import { cleanNote, DECK_MAX, NOTE_MAX, type Deck, type DeckEntry } from '../../../../app/state/deck/deck';
import { capturePin } from '../../../../app/state/deck/pins';
import { URL_TABLE } from '../../../../app/state/url/table';

/** Settings a step may pin, each at any allowed value (a few rows of every kind). */
const pinnedSettings = fc.record(
  {
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    gamma: fc.double({ min: -60, max: 60, noNaN: true }),
    eps: fc.constantFrom(0, 1e-10, 1e-5, 0.1),
    overrides: fc.dictionary(fc.integer({ min: 0, max: 63 }).map(String), fc.double({ min: -50, max: 50, noNaN: true }), { maxKeys: 4 }),
    labDataset: fc.constantFrom('spiral', 'circles', 'fashion'),
    labOutputBn: fc.boolean(),
    part: fc.integer({ min: 0, max: 4 }),
  },
  { requiredKeys: [] },
);

/** Any pin a deck can hold: null (not pinned) or the canonical pin of some settings (possibly of nothing). */
export const anyPin = fc.option(pinnedSettings.map((values) => capturePin(values, URL_TABLE)), { nil: null });

/** Any note the editor can keep: any text, made one line and short enough (cleanNote). */
export const anyNote = fc.oneof(fc.string({ unit: 'binary', maxLength: NOTE_MAX + 20 }), fc.constantFrom('', 'a~b*c;d!e', '!!!', 'γ = √(σ² + ε)', ' spaces  ')).map(cleanNote);

export const anyEntry: fc.Arbitrary<DeckEntry> = fc.record({
  place: fc.constantFrom(...STEPS),
  note: anyNote,
  pin: anyPin,
}).map(({ place, note, pin }) => ({ section: place.sectionId, step: place.step.id, note, pin }));

/** Any deck the editor can make: up to `maxLength` (DECK_MAX) steps of the outline, repeats allowed. */
export const deckOf = (maxLength = DECK_MAX): fc.Arbitrary<Deck> => fc.array(anyEntry, { maxLength });
export const anyDeck = deckOf();
