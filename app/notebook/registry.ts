import type { ComponentType } from 'react';
import type { StepDef } from '../presentation/slides';
import { BATCH_SECTIONS } from './batchSections';
import { NETWORK_SECTIONS } from './networkSections';
import { LAB_SECTIONS } from './labSections';

export interface SectionDef {
  /** Anchor and URL value. */
  id: string;
  /** The section's number in DESIGN.md (1–16). */
  number: number;
  title: string;
  Component: ComponentType;
  /** Presentation steps, one per equation (see presentation/slides.ts); absent = the section is one step. */
  steps?: readonly StepDef[];
}

/** The notebook's sections, in the order of the notes. Each list is owned by one part of the notebook. */
export const SECTIONS: readonly SectionDef[] = [...BATCH_SECTIONS, ...NETWORK_SECTIONS, ...LAB_SECTIONS].sort((a, b) => a.number - b.number);
