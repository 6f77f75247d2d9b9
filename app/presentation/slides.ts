import type { ComponentType } from 'react';
import type { SectionDef } from '../notebook/registry';
import type { State } from '../state/store';

/**
 * One step of a section in presentation mode: an equation of the notes with its live panel.
 * A section without steps is one step. A section with several (the forward and backward passes)
 * lists them in SectionDef.steps; each says which store values put its panel on that equation.
 */
export interface StepDef {
  /** Unique within its section. */
  id: string;
  /** What the step computes, shown above it, e.g. "A₁ = ReLU(Z̃₁)". Plain text. */
  title: string;
  /** Store values that put the section's panel on this step, e.g. { forwardStep: 2 }. */
  state?: Partial<Pick<State, 'forwardStep' | 'backwardStep'>>;
  /** What to show; the section's own Component when absent. */
  Component?: ComponentType;
}

/** A step placed in the deck: the flat list of every section's steps, in the order of the notes. */
export interface Slide {
  sectionId: string;
  sectionNumber: number;
  sectionTitle: string;
  step: StepDef;
  /** Position of the step in its section (0-based) and the section's number of steps. */
  stepInSection: number;
  stepsInSection: number;
  Component: ComponentType;
}

export function buildSlides(sections: readonly SectionDef[]): Slide[] {
  return sections.flatMap((s) => {
    const steps = s.steps && s.steps.length > 0 ? s.steps : [{ id: s.id, title: s.title }];
    return steps.map((step, i) => ({
      sectionId: s.id,
      sectionNumber: s.number,
      sectionTitle: s.title,
      step,
      stepInSection: i,
      stepsInSection: steps.length,
      Component: step.Component ?? s.Component,
    }));
  });
}

type Place = Pick<State, 'section' | 'forwardStep' | 'backwardStep'>;

/** The store values that show slide k: its section, and its step's panel state. */
export function slidePatch(slides: readonly Slide[], k: number): Partial<State> {
  const slide = slides[k];
  if (!slide) return { step: 0 };
  return { step: k, section: slide.sectionId, ...slide.step.state };
}

/**
 * The slide to start presenting from: the step of the current section that matches the panel's
 * state (e.g. the forward pass at its current equation), else the section's first step, else 0.
 */
export function slideIndexFor(slides: readonly Slide[], place: Place): number {
  const own = slides.map((s, i) => [s, i] as const).filter(([s]) => s.sectionId === place.section);
  const matching = own.find(([s]) => {
    const st = s.step.state;
    return st !== undefined && Object.entries(st).every(([key, v]) => place[key as keyof typeof st] === v);
  });
  return (matching ?? own[0])?.[1] ?? 0;
}

/** The largest value a step assigns to a store key (bounds forwardStep/backwardStep in the URL). */
export function largestStepValue(slides: readonly Slide[], key: 'forwardStep' | 'backwardStep'): number {
  return slides.reduce((max, s) => Math.max(max, s.step.state?.[key] ?? 0), 0);
}
