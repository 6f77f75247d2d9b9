import type { SectionDef } from './registry';
import { Mean } from './Mean';

/** Sections 2–10: the shared mini-batch, from μ to the placement of BN. */
export const BATCH_SECTIONS: SectionDef[] = [{ id: 'mean', number: 3, title: 'μ, the batch mean', Component: Mean }];
