import * as z from 'zod/mini';
import { SECTION_IDS, STEPS } from '../../outline';
import { decodeDeck, encodeDeck } from '../deck/codec';
import { DECK_MAX, NOTE_MAX, type Deck } from '../deck/deck';
import { readPin } from '../deck/pins';
import type { DeckProp } from '../props';
import type { AnyRow, KeyOf, UrlRow } from './rows';

/** A deck value: its entries' steps from the outline, notes within NOTE_MAX, at most DECK_MAX entries. */
const deckSchema = () =>
  z
    .array(
      z.object({
        section: z.enum(SECTION_IDS as [string, ...string[]]),
        step: z.string().check(z.refine((id) => STEPS.some((p) => p.step.id === id))),
        note: z.string().check(z.maxLength(NOTE_MAX)),
        pin: z.nullable(z.record(z.string(), z.string())),
      }),
    )
    .check(z.maxLength(DECK_MAX));

/**
 * The instructor's deck as one URL value, `deck=` (its text: ../deck/codec.ts). Reading never throws:
 * what the link names that this notebook does not have (a step, a setting, a value) is left out and
 * reported, and the rest is kept; nothing usable leaves the whole notebook. `table` gives the rows a
 * pin may hold (read when needed: this row is part of that table).
 */
export function deckRow<K extends KeyOf<Deck>>(key: K, o: Omit<DeckProp, 'kind'>, table: () => readonly AnyRow[]): UrlRow<K> {
  const param = o.param ?? key.toLowerCase();
  const row: UrlRow<KeyOf<Deck>> = {
    key,
    param,
    default: o.default,
    history: o.history ?? 'push',
    coalesce: o.coalesce ?? false,
    place: o.place ?? false,
    spec: { kind: 'deck' },
    schema: () => deckSchema() as unknown as z.ZodMiniType<Deck>,
    read(raw, report) {
      if (raw.trim() === '') return o.default;
      const { deck, dropped } = decodeDeck(raw, { steps: STEPS, readPin: (p, text, say) => readPin(table(), p, text, say) });
      for (const m of dropped) report(`${param}: ${m}`);
      if (deck.length === 0) report(`${param}: no step of the deck could be used; the presentation shows every step.`);
      return deck;
    },
    write: encodeDeck,
    same: (a, b) => a === b || encodeDeck(a) === encodeDeck(b),
  };
  return row as unknown as UrlRow<K>;
}
