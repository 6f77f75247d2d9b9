import { SECTIONS } from '../notebook/registry';
import type { UrlValues } from '../state/url/table';
import { buildSlides, slidePatch } from './slides';

/** The presentation's slides: every step of every section of the registry, in order. */
export const SLIDES = buildSlides(SECTIONS);

/** While presenting, the step decides the section and the panel's step (the address may disagree). */
export function normalizePresentation(values: UrlValues): UrlValues {
  if (!values.presenting) return values;
  return { ...values, ...slidePatch(SLIDES, values.step ?? 0) };
}
