// zod's tree-shakable API: only the schemas and checks used here reach the bundle.
import * as z from 'zod/mini';
import type { StepPlace } from '../../outline';
import { DECK_MAX, NOTE_MAX, cleanNote, findStep, stepRef, type Deck, type DeckEntry, type Pin } from './deck';

/**
 * A deck as the text of one URL value (`deck=`), compact and readable:
 *
 *   1~why**Ask first: which median moves?~forward/3*seed:7;gamma:2*Z̃₁ here~lab*.~
 *
 * The version tag, then one entry per step after "~": the step (see stepRef), then, after "*", its
 * pin — "name:value" pairs joined by ";", or "." for a pin of nothing (every setting at its default),
 * empty when the step is not pinned — then, after "*", its note. Empty trailing fields are left out.
 * "!" escapes the next character, so a note may hold any of "~*;!". The URL writes spaces as "+".
 * A final "~" ends the deck: a link cut short (by a mail or chat program) loses it, and the cut
 * step, whose reference, pin or note may read as something else, is left out rather than guessed.
 *
 * Decoding is total: any text gives a usable deck (possibly empty: the whole notebook) and the list
 * of what it dropped or changed, in words.
 */
export const DECK_VERSION = 1;

const ENTRY = '~';
const FIELD = '*';
const PAIR = ';';
const ESCAPE = '!';
const NOTHING_PINNED = '.';

const escape = (s: string) => s.replace(/[!~*;]/g, (c) => ESCAPE + c);

/** Splits at `sep`, skipping escaped characters (the escapes stay, for the next split). */
function split(s: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === ESCAPE) i++;
    else if (s[i] === sep) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/** Undoes escape(); a lone "!" at the end is dropped. */
function unescape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === ESCAPE) i++;
    if (i < s.length) out += s[i];
  }
  return out;
}

function encodePin(pin: Pin): string {
  const pairs = Object.entries(pin).map(([param, text]) => `${param}:${text}`);
  return pairs.length === 0 ? NOTHING_PINNED : pairs.map(escape).join(PAIR);
}

/** The deck's text (see above). */
export function encodeDeck(deck: Deck): string {
  const entries = deck.map((e) => {
    const fields = [stepRef(e.section, e.step), e.pin ? encodePin(e.pin) : '', escape(e.note)];
    while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
    return fields.join(FIELD);
  });
  return [String(DECK_VERSION), ...entries].join(ENTRY) + ENTRY;
}

export interface DecodeOptions {
  /** The steps a deck may name (the outline's). */
  steps: readonly StepPlace[];
  /** Reads one pinned setting: its canonical text, or undefined (reporting why). See ./pins.ts readPin. */
  readPin: (param: string, text: string, report: (message: string) => void) => string | undefined;
}

export interface Decoded {
  deck: Deck;
  /** What was dropped or changed, in words (plain text). */
  dropped: string[];
}

const PARAM = /^[a-z][a-z0-9-]*$/;

/** An entry's fields as the link holds them: the step, the pin's pairs (null: not pinned), the note. */
const rawEntry = z.object({
  ref: z.string().check(z.regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/)),
  pairs: z.nullable(z.array(z.tuple([z.string().check(z.regex(PARAM)), z.string()]))),
  note: z.string(),
});
type RawEntry = z.infer<typeof rawEntry>;

const shown = (s: string) => `“${s.length > 24 ? `${s.slice(0, 23)}…` : s}”`;

/** A pin's "name:value" pairs (null: not pinned); a pair that is not one is reported and skipped. */
function pairsOf(pin: string, report: (message: string) => void): [string, string][] | null {
  if (pin === '') return null;
  if (pin === NOTHING_PINNED) return [];
  const pairs: [string, string][] = [];
  for (const text of split(pin, PAIR).map(unescape)) {
    const colon = text.indexOf(':');
    const param = text.slice(0, Math.max(0, colon)).trim().toLowerCase();
    if (colon > 0 && PARAM.test(param)) pairs.push([param, text.slice(colon + 1)]);
    else if (text !== '') report(`its pin ${shown(text)} is not “setting:value”; it was ignored.`);
  }
  return pairs;
}

/** The fields of one entry's text, checked against the entry's schema; or why they are not an entry. */
function fieldsOf(text: string, report: (message: string) => void): { raw: RawEntry; extra: boolean } | null {
  const [ref = '', pin = '', note = '', ...rest] = split(text, FIELD);
  const parsed = rawEntry.safeParse({ ref: unescape(ref).trim().toLowerCase(), pairs: pairsOf(pin, report), note: unescape(note) });
  if (!parsed.success) {
    report(`${shown(unescape(ref))} does not name a step; the step was left out.`);
    return null;
  }
  return { raw: parsed.data, extra: rest.length > 0 };
}

/** One entry read against the outline and the pinnable settings; null if it names no step. */
function readEntry(text: string, o: DecodeOptions, report: (message: string) => void): DeckEntry | null {
  const fields = fieldsOf(text, report);
  if (!fields) return null;
  const { raw, extra } = fields;
  const place = findStep(raw.ref, o.steps);
  if (!place) {
    report(`${shown(raw.ref)} is not a step of this notebook; it was left out.`);
    return null;
  }
  if (extra) report('it has more fields than a step, a pin and a note; the rest was ignored.');
  let note = raw.note;
  if (note.length > NOTE_MAX) {
    // cleanNote cuts it without splitting a surrogate pair (half a pair cannot be written in a URL).
    note = cleanNote(note);
    report(`its note is longer than ${NOTE_MAX} characters; it was cut to ${NOTE_MAX}.`);
  }
  let pin: Record<string, string> | null = null;
  if (raw.pairs) {
    pin = {};
    for (const [param, value] of raw.pairs) {
      if (Object.hasOwn(pin, param)) report(`it pins ${param} twice; the first value was kept.`);
      else {
        const canonical = o.readPin(param, value, report);
        if (canonical !== undefined) pin[param] = canonical;
      }
    }
  }
  return { section: place.section, step: place.step, note, pin };
}

/** Reads a deck's text (see above). Never throws. */
export function decodeDeck(text: string, o: DecodeOptions): Decoded {
  const dropped: string[] = [];
  const parts = split(text, ENTRY);
  // What follows the last "~": nothing in a whole deck.
  const cut = parts.length > 1 ? parts.pop() : '';
  if (cut) dropped.push(`The deck does not end with “~”: the link was probably cut short, and its last step (${shown(cut)}) was left out.`);
  const [first = '', ...entries] = parts;
  const head = first.trim();
  if (/^\d+$/.test(head)) {
    if (Number(head) !== DECK_VERSION) dropped.push(`The deck says version ${shown(head)}; this notebook reads version ${DECK_VERSION} decks, and read it as one.`);
  } else {
    dropped.push(`The deck has no version tag; it was read as version ${DECK_VERSION}.`);
    entries.unshift(first);
  }
  const deck: DeckEntry[] = [];
  for (const [i, entryText] of entries.entries()) {
    if (entryText === '') continue;
    if (deck.length === DECK_MAX) {
      dropped.push(`A deck holds at most ${DECK_MAX} steps; the steps from its step ${i + 1} on were left out.`);
      break;
    }
    const entry = readEntry(entryText, o, (m) => dropped.push(`Deck step ${i + 1}: ${m}`));
    if (entry) deck.push(entry);
  }
  return { deck, dropped };
}
