import { LabSection } from '../lab/LabSection';
import type { SectionDef } from './registry';

/** Section 13: the training lab (its heavy code loads lazily, see lab/LabSection.tsx). */
export const LAB_SECTIONS: SectionDef[] = [{ id: 'lab', number: 13, title: 'Training lab', Component: LabSection }];
