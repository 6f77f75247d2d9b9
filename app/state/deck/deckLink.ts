import { STEPS, stepPatch } from '../../outline';
import { URL_TABLE, type UrlValues } from '../url/table';
import { deckSteps, type Deck } from './deck';
import { pinnedValues } from './pins';

/**
 * What a deck's link holds, and what "Present" sets: the current values with the deck, presentation
 * mode on its first step, and that step's pinned settings if it has some. So the link opens exactly
 * what the instructor previews; steps without a pin show the settings of the moment.
 */
export function deckLinkValues(current: UrlValues, deck: Deck): UrlValues {
  const steps = deckSteps(deck, STEPS);
  const pin = steps[0]?.pin;
  const pinned = pin ? pinnedValues(pin, URL_TABLE) : {};
  return { ...current, part: 0, ...pinned, deck, presenting: true, ...stepPatch(steps, 0) };
}
