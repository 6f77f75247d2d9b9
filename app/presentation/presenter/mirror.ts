import { stepPatch, type StepPlace } from '../../outline';
import { EMPTY_DECK, deckSteps } from '../../state/deck/deck';
import { pinnedValues } from '../../state/deck/pins';
import type { Mirror } from '../../state/slices/nav';
import type { State } from '../../state/store';
import { normalizeUrlValues } from '../../state/url/normalize';
import { parseQuery } from '../../state/url/parse';
import { URL_TABLE } from '../../state/url/table';

/**
 * What a copy of the projected deck (a frame in the presenter's window) sets its store to when the deck
 * says where it is: every value of the deck's address (step, part, the panels' settings, theme, zoom),
 * then, for the copy of the next step, that step with its parts hidden and, when the deck pinned
 * settings to it, those settings — as the class will first see it (see enterSlide in ../control.ts).
 * The deck's steps are read from the same address, so the copy never lags a deck just edited.
 * The copy stays a copy: presenting, never the presenter's window, its own kind of mirror.
 */
export function mirrorValues(query: string, mirror: Exclude<Mirror, 'off'>, all: readonly StepPlace[]): Partial<State> {
  const values = normalizeUrlValues(parseQuery(query).values) as Partial<State>;
  const own = { presenting: true, presenter: false, mirror };
  if (mirror === 'current') return { ...values, ...own };
  const slides = deckSteps(values.deck ?? EMPTY_DECK, all);
  const next = Math.min((values.step ?? 0) + 1, Math.max(0, slides.length - 1));
  const pin = slides[next]?.pin;
  return { ...values, ...(pin ? pinnedValues(pin, URL_TABLE) : {}), ...stepPatch(slides, next), part: 0, ...own };
}
