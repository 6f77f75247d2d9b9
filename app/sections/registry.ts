import type { ComponentType } from 'react';
import { Mean } from './Mean';

export interface SectionDef {
  /** Anchor and URL value. */
  id: string;
  number: number;
  title: string;
  Component: ComponentType;
}

/** The notebook's sections, in the order of the notes. */
export const SECTIONS: readonly SectionDef[] = [{ id: 'mean', number: 3, title: 'μ, the batch mean', Component: Mean }];
