import { OUTLINE, type SectionOutline } from '../outline';
import { LabSection } from '../lab/LabSection';
import { BATCH_VIEWS } from './batchSections';
import { BEYOND_VIEWS } from './beyondSections';
import type { SectionView } from './sectionView';
import { NETWORK_VIEWS } from './networkSections';

export type { SectionView };

/** A section of the outline with its components. */
export type SectionDef = SectionOutline & SectionView;

const VIEWS: Readonly<Record<string, SectionView>> = { ...BATCH_VIEWS, ...NETWORK_VIEWS, ...BEYOND_VIEWS, lab: { Component: LabSection } };

/** The notebook's sections, in the order of the outline (app/outline.ts), each with its components. */
export const SECTIONS: readonly SectionDef[] = OUTLINE.map((s) => {
  const view = VIEWS[s.id];
  if (!view) throw new Error(`app/outline.ts lists section '${s.id}', which notebook/registry.ts does not draw`);
  return { ...s, ...view };
});
