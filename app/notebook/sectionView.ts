import type { ComponentType } from 'react';

/** What a section draws: in the notebook, and as its presentation steps. */
export interface SectionView {
  /** The whole section: its prose composed around its Panel, and what else it has (tables, callouts). */
  Component: ComponentType;
  /** What each presentation step shows: the section's Panel (its equation and live panel); the Component when absent. */
  Slide?: ComponentType;
  /** A step (by id) that shows something else than Slide. */
  stepViews?: Readonly<Record<string, ComponentType>>;
}
