import type { ComponentType } from 'react';
import { placeSteps, type StepPlace } from '../outline';
import type { SectionDef } from '../notebook/registry';

/** A step placed in the deck (see app/outline.ts), with what it shows. */
export interface Slide extends StepPlace {
  Component: ComponentType;
}

/** Every step of the sections, in order, each with its component (the section's step view, Slide, or Component). */
export function buildSlides(sections: readonly SectionDef[]): Slide[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  return placeSteps(sections).map((place) => {
    const s = byId.get(place.sectionId) as SectionDef;
    return { ...place, Component: s.stepViews?.[place.step.id] ?? s.Slide ?? s.Component };
  });
}
