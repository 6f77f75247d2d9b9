import { STEPS, stepPatch } from '../../outline';
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

/** While presenting, the step decides the section and the panel's step (the address may disagree). */
export function normalizePresentation(values: UrlValues): UrlValues {
  if (!values.presenting) return values;
  return { ...values, ...stepPatch(STEPS, values.step ?? 0) };
}

/** Values read from the address, made consistent across rows (see normalizeLab, normalizePresentation). */
export function normalizeUrlValues(values: UrlValues): UrlValues {
  return normalizeLab(normalizePresentation(values));
}
