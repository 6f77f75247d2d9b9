import { SECTIONS } from '../notebook/registry';
import { buildSlides } from './slides';

/** The presentation's slides: every step of every section of the registry, in order. */
export const SLIDES = buildSlides(SECTIONS);
