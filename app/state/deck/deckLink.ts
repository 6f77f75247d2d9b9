import { STEPS, stepPatch } from '../../outline';
import { URL_TABLE, defaultValues, type UrlValues } from '../url/table';
import { deckSteps, type Deck } from './deck';
import { pinnedValues } from './pins';

/**
 * What a deck's link holds, and what "Present" sets: every setting at its default but the deck's look
 * (theme, zoom), the deck, presentation mode on its first step, and that step's pinned settings if it
 * has some. So the link opens exactly what the instructor previews, and a slider moved while preparing
 * does not travel with the deck unless it was pinned to a step.
 */
export function deckLinkValues(current: UrlValues, deck: Deck): UrlValues {
  const steps = deckSteps(deck, STEPS);
  const pin = steps[0]?.pin;
  const pinned = pin ? pinnedValues(pin, URL_TABLE) : {};
  return { ...defaultValues(), theme: current.theme, zoom: current.zoom, part: 0, ...pinned, deck, presenting: true, ...stepPatch(steps, 0) };
}
