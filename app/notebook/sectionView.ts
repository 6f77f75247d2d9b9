import type { ComponentType } from 'react';

/** What a section draws: in the notebook, and as its presentation steps. */
export interface SectionView {
  /** The whole section: prose, equations and live panels. */
  Component: ComponentType;
  /** What each presentation step shows; the section's Component when absent. */
  Slide?: ComponentType;
  /** A step (by id) that shows something else than Slide. */
  stepViews?: Readonly<Record<string, ComponentType>>;
}
