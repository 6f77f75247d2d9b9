import type { StepPlace } from '../../outline';
import type { Theme } from '../../state/slices/nav';
import { stepLabels } from '../numbering';
import { shownParts } from '../parts';
import type { StateMessage, StepInfo } from './messages';
import { noteOf } from './note';

/** Step k as the presenter shows it: its place, section, title and hidden parts. */
function stepInfo(slides: readonly StepPlace[], k: number): StepInfo | null {
  const place = slides[k];
  if (!place) return null;
  const { section, title } = stepLabels(place);
  return { index: k, section, title, reveals: [...(place.step.reveals ?? [])] };
}

export interface DeckPlace {
  /** The step shown (0-based) and how many of its parts are shown (as in the store: clamped here). */
  step: number;
  part: number;
  theme: Theme;
  /** The projected window's width / height. */
  aspect: number;
}

/** What the projected window tells the presenter about where it is (a `state` message, without its version). */
export function deckState(slides: readonly StepPlace[], at: DeckPlace): Omit<StateMessage, 'v'> | null {
  const k = Math.min(Math.max(0, at.step), slides.length - 1);
  const current = stepInfo(slides, k);
  const place = slides[k];
  if (!current || !place) return null;
  const note = noteOf(place);
  return {
    type: 'state',
    current,
    next: stepInfo(slides, k + 1),
    part: shownParts(slides, k, at.part),
    total: slides.length,
    theme: at.theme,
    ...(note !== undefined ? { note } : {}),
    aspect: Number.isFinite(at.aspect) && at.aspect > 0 ? Math.min(at.aspect, 10) : 16 / 9,
  };
}
