import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { STEPS } from '../../../../app/outline';
import { decodeDeck, encodeDeck } from '../../../../app/state/deck/codec';
import { DECK_MAX, NOTE_MAX, type Deck } from '../../../../app/state/deck/deck';
import { readPin } from '../../../../app/state/deck/pins';
import { URL_TABLE } from '../../../../app/state/url/table';
import { anyDeck } from './arbitraries';

const options = { steps: STEPS, readPin: (p: string, t: string, say: (m: string) => void) => readPin(URL_TABLE, p, t, say) };
const decode = (text: string) => decodeDeck(text, options);
const deckSchema = () => {
  const row = URL_TABLE.find((r) => r.key === 'deck');
  if (!row) throw new Error('no deck row');
  return row.schema();
};

const entry = (section: string, step: string, note = '', pin: Record<string, string> | null = null) => ({ section, step, note, pin });
const sample: Deck = [entry('why', 'why', 'Ask first: which median moves?'), entry('forward', 'forward-3', 'Z̃₁ here', { seed: '7', gamma: '2' }), entry('lab', 'lab', '', {})];

describe('deck codec', () => {
  test('writes the version, then each step: its reference, pin and note, separated by ~ and *', () => {
    expect(encodeDeck(sample)).toBe('1~why**Ask first: which median moves?~forward/3*seed:7;gamma:2*Z̃₁ here~lab*.~');
    expect(encodeDeck([])).toBe('1~');
  });

  test('for any deck (≤ 50 steps, any notes ≤ 140 code units, any pins), decode(encode(deck)) is the deck, with nothing dropped', () => {
    fc.assert(
      fc.property(anyDeck, (deck) => {
        expect(decode(encodeDeck(deck))).toEqual({ deck, dropped: [] });
      }),
      { numRuns: 200 },
    );
  });

  test('for any string, decoding never throws and gives a deck its schema accepts', () => {
    const schema = deckSchema();
    const near = fc.array(fc.constantFrom('1', '2', '~', '*', ';', '!', ':', '.', 'why', 'forward/3', 'seed:7', 'gamma:1e9', 'x:1', 'γ'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), near), (text) => {
        const { deck, dropped } = decode(text);
        expect(schema.safeParse(deck).success).toBe(true);
        for (const m of dropped) expect(typeof m).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  test('a deck text cut at any point reads as the steps before the cut, exactly; a step cut in its middle is left out, and that is said', () => {
    fc.assert(
      fc.property(anyDeck, fc.nat(), (deck, at) => {
        const text = encodeDeck(deck);
        const end = at % (text.length + 1);
        const { deck: read, dropped } = decode(text.slice(0, end));
        // Where each step ends: the text of the deck's first j steps is the start of the whole text.
        const ends = deck.map((_, j) => encodeDeck(deck.slice(0, j + 1)).length);
        const whole = ends.filter((e) => e <= end).length;
        expect(read).toEqual(deck.slice(0, whole));
        const cutInside = end > encodeDeck([]).length && !ends.includes(end);
        expect(dropped).toEqual(cutInside ? [expect.stringMatching(/^The deck does not end with “~”: the link was probably cut short/)] : end < 2 ? dropped : []);
      }),
      { numRuns: 200 },
    );
  });

  test('a tampered deck keeps what it can and says what it dropped or changed', () => {
    const { deck, dropped } = decode('1~why*seed:12;nope:3;gamma:99;k:abc*hi~nowhere*seed:2~mean*bad pin*ok~forward/99~variance/one-pass*.*' + 'x'.repeat(NOTE_MAX + 5) + '*extra~');
    expect(deck).toEqual([
      entry('why', 'why', 'hi', { seed: '12', gamma: '60' }),
      entry('mean', 'mean', 'ok', {}),
      entry('variance', 'variance-one-pass', 'x'.repeat(NOTE_MAX), {}),
    ]);
    expect(dropped).toEqual([
      'Deck step 1: “nope” is not a setting a step can pin; it was ignored.',
      'Deck step 1: gamma=“99” is above the largest allowed value; using 60.',
      'Deck step 1: k=“abc” is not a number; using the default, 1.',
      'Deck step 2: “nowhere” is not a step of this notebook; it was left out.',
      'Deck step 3: its pin “bad pin” is not “setting:value”; it was ignored.',
      'Deck step 4: “forward/99” is not a step of this notebook; it was left out.',
      'Deck step 5: it has more fields than a step, a pin and a note; the rest was ignored.',
      `Deck step 5: its note is longer than ${NOTE_MAX} characters; it was cut to ${NOTE_MAX}.`,
    ]);
  });

  test('another version is read as version 1 and says so; text with no version tag too', () => {
    expect(decode('7~mean~')).toEqual({ deck: [entry('mean', 'mean')], dropped: ['The deck says version “7”; this notebook reads version 1 decks, and read it as one.'] });
    expect(decode('mean~why~')).toEqual({ deck: [entry('mean', 'mean'), entry('why', 'why')], dropped: ['The deck has no version tag; it was read as version 1.'] });
  });

  test('a deck that does not end with "~" was cut short: its last, cut step is left out and that is said', () => {
    // "forward/1" cut from "forward/10" names another step: it is not guessed.
    expect(decode('1~mean~forward/1')).toEqual({ deck: [entry('mean', 'mean')], dropped: ['The deck does not end with “~”: the link was probably cut short, and its last step (“forward/1”) was left out.'] });
    expect(decode('1~mean*seed:1').deck).toEqual([]);
    expect(decode('1~mean*a!~').dropped).toHaveLength(1);
  });

  test(`a deck of more than ${DECK_MAX} steps keeps the first ${DECK_MAX} and says so`, () => {
    const { deck, dropped } = decode(`1${'~mean'.repeat(DECK_MAX + 3)}~`);
    expect(deck).toHaveLength(DECK_MAX);
    expect(dropped).toEqual([`A deck holds at most ${DECK_MAX} steps; the steps from its step ${DECK_MAX + 1} on were left out.`]);
  });

  test('"!" escapes the separators in a note, and a pin that repeats a setting keeps the first', () => {
    const note = 'a~b*c;d!e!';
    expect(encodeDeck([entry('mean', 'mean', note)])).toBe('1~mean**a!~b!*c!;d!!e!!~');
    expect(decode('1~mean*seed:3;seed:4~').deck).toEqual([entry('mean', 'mean', '', { seed: '3' })]);
    expect(decode('1~mean*seed:3;seed:4~').dropped).toEqual(['Deck step 1: it pins seed twice; the first value was kept.']);
  });
});
