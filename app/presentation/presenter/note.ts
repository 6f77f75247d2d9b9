import type { StepPlace } from '../../outline';

/** "a, b and c". */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The presenter's one-line note for a step: the instructor's own note when their deck gives the step
 * one (see ../activeDeck.ts); otherwise what to ask the class before → shows it, from the outline — a
 * step with hidden parts (its `reveals`) is one where the class can guess first; a step without any has
 * no note (undefined: the presenter says "No note for this step"). The one place the presenter's notes
 * come from.
 */
export function noteOf(place: StepPlace & { note?: string }): string | undefined {
  if (place.note) return place.note;
  const reveals = place.step.reveals ?? [];
  if (reveals.length === 0) return undefined;
  return `Before → ask the class to predict ${listed(reveals)}, then reveal ${reveals.length === 1 ? 'it' : 'them one by one'}.`;
}
