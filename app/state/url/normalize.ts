import { STEPS, stepIndexFor, stepPatch } from '../../outline';
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
 * While presenting, the step decides the section and the panel's step (the address may disagree) —
 * unless the address gives no step (or step 1, the default) and names another section, as a
 * hand-written `?present=1&section=lab` does: then it opens on that section's step (for the passes,
 * at the equation forward= or backward= names).
 */
export function normalizePresentation(values: UrlValues): UrlValues {
  if (!values.presenting) return values;
  const { section, step = 0, forwardStep = 0, backwardStep = 0 } = values;
  const named = step === 0 && section !== undefined && section !== STEPS[0]?.sectionId;
  return { ...values, ...stepPatch(STEPS, named ? stepIndexFor(STEPS, { section, forwardStep, backwardStep }) : step) };
}

/** Values read from the address, made consistent across rows (see normalizeLab, normalizePresentation). */
export function normalizeUrlValues(values: UrlValues): UrlValues {
  return normalizeLab(normalizePresentation(values));
}
