import { STEPS, stepIndexFor, stepPatch } from '../../outline';
import { EMPTY_DECK, deckSteps } from '../deck/deck';
import { LAB_DEFAULTS } from '../slices/lab';
import type { UrlValues } from './table';

const d = LAB_DEFAULTS;

/**
 * Values read from the address, made consistent across rows: a charted layer at or beyond the depth
 * is the last layer (0), as the lab draws it, so the address says what the page shows.
 */
export function normalizeLab(values: UrlValues): UrlValues {
  const depth = values.labDepth ?? d.labDepth;
  const layer = values.labLayer ?? d.labLayer;
  return layer !== 0 && layer >= depth ? { ...values, labLayer: 0 } : values;
}

/**
 * While presenting, the step of the deck shown (every step, or the link's own deck) decides the
 * section and the panel's step (the address may disagree); a step beyond the deck is its last —
 * unless the address gives no step (or step 1, the default) and names another section, as a
 * hand-written `?present=1&section=lab` does: then it opens on that section's step (for the passes,
 * at the equation forward= or backward= names).
 */
export function normalizePresentation(values: UrlValues, report: (message: string) => void = () => undefined): UrlValues {
  if (!values.presenting) return values;
  const { section, step = 0, forwardStep = 0, backwardStep = 0 } = values;
  const steps = deckSteps(values.deck ?? EMPTY_DECK, STEPS);
  const named = step === 0 && section !== undefined && section !== steps[0]?.sectionId;
  const k = named ? stepIndexFor(steps, { section, forwardStep, backwardStep }) : Math.min(step, steps.length - 1);
  if (!named && k < step) report(`step=“${step + 1}” is beyond the last step of ${values.deck?.length ? 'this deck' : 'the presentation'}; using ${k + 1}.`);
  return { ...values, ...stepPatch(steps, k) };
}

/** Values read from the address, made consistent across rows (see normalizeLab, normalizePresentation); `report` says what changed that the reader asked for. */
export function normalizeUrlValues(values: UrlValues, report?: (message: string) => void): UrlValues {
  return normalizeLab(normalizePresentation(values, report));
}
