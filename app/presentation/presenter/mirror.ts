import { stepPatch, type StepPlace } from '../../outline';
import type { Mirror } from '../../state/slices/nav';
import type { State } from '../../state/store';
import { normalizeUrlValues } from '../../state/url/normalize';
import { parseQuery } from '../../state/url/parse';

/**
 * What a copy of the projected deck (a frame in the presenter's window) sets its store to when the deck
 * says where it is: every value of the deck's address (step, part, the panels' settings, theme, zoom),
 * then, for the copy of the next step, that step with its parts hidden, as the class will first see it.
 * The copy stays a copy: presenting, never the presenter's window, its own kind of mirror.
 */
export function mirrorValues(query: string, mirror: Exclude<Mirror, 'off'>, slides: readonly StepPlace[]): Partial<State> {
  const values = normalizeUrlValues(parseQuery(query).values) as Partial<State>;
  const own = { presenting: true, presenter: false, mirror };
  if (mirror === 'current') return { ...values, ...own };
  const next = Math.min((values.step ?? 0) + 1, Math.max(0, slides.length - 1));
  return { ...values, ...stepPatch(slides, next), part: 0, ...own };
}
