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
  /** The projected window's size (CSS pixels). */
  viewport: { width: number; height: number };
  /** The deck's canonical query (see StateMessage.query). */
  query: string;
}

/** A size the message accepts: whole pixels, at least 1 (a window not laid out yet counts as 1280×720). */
function viewportOf({ width, height }: DeckPlace['viewport']): DeckPlace['viewport'] {
  const px = (v: number) => Math.min(20000, Math.max(1, Math.round(v)));
  return Number.isFinite(width) && Number.isFinite(height) && width >= 1 && height >= 1 ? { width: px(width), height: px(height) } : { width: 1280, height: 720 };
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
    viewport: viewportOf(at.viewport),
    // A longer query (never seen) would not be read whole: the copies then show the step with default settings.
    query: at.query.length <= 8000 ? at.query : '',
  };
}
