import type { SectionDef } from './registry';
import { Batch } from './Batch';
import { Mean } from './Mean';
import { Centering } from './Centering';
import { Variance } from './Variance';
import { Normalize } from './Normalize';
import { GammaBeta } from './GammaBeta';
import { Identity } from './Identity';
import { Bias } from './Bias';
import { Placement } from './Placement';
import './batch.css';

/** Sections 2–10: the shared mini-batch, from μ to the placement of BN. */
export const BATCH_SECTIONS: SectionDef[] = [
  { id: 'batch', number: 2, title: 'A mini-batch', Component: Batch },
  { id: 'mean', number: 3, title: 'μ, the batch mean', Component: Mean },
  { id: 'centering', number: 4, title: 'Centering: z − μ', Component: Centering },
  { id: 'variance', number: 5, title: 'σ², the batch variance', Component: Variance },
  { id: 'normalize', number: 6, title: 'Normalizing: Z_norm', Component: Normalize },
  { id: 'gamma-beta', number: 7, title: 'γ and β: scale and shift', Component: GammaBeta },
  { id: 'identity', number: 8, title: 'The identity undo', Component: Identity },
  { id: 'bias', number: 9, title: 'The bias is redundant', Component: Bias },
  { id: 'placement', number: 10, title: 'Before or after the activation', Component: Placement },
];
