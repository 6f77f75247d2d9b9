import type { SectionView } from './sectionView';
import { Batch, BatchPanel } from './batch/Batch';
import { Mean, MeanPanel } from './mean/Mean';
import { lazySection } from './lazySection';
import { codeChunk } from './codeChunk';
import './shared/batch.css';

// Sections 2–3 are on the first screen; 4–10 arrive as one chunk after it (heights: see lazySection).
// A Panel (a section's equation and live panel: its presentation step) waits in the deck, where the placeholder is one line.
const later = codeChunk(() => import('./batchLater'));
const Centering = lazySection('Centering', later, (m) => m.Centering, 1150);
const CenteringPanel = lazySection('CenteringPanel', later, (m) => m.CenteringPanel, 500);
const Variance = lazySection('Variance', later, (m) => m.Variance, 2050);
const VariancePanel = lazySection('VariancePanel', later, (m) => m.VariancePanel, 500);
const OnePassVariancePanel = lazySection('OnePassVariancePanel', later, (m) => m.OnePassVariancePanel, 500);
const Normalize = lazySection('Normalize', later, (m) => m.Normalize, 1200);
const NormalizePanel = lazySection('NormalizePanel', later, (m) => m.NormalizePanel, 500);
const GammaBeta = lazySection('GammaBeta', later, (m) => m.GammaBeta, 1450);
const GammaBetaPanel = lazySection('GammaBetaPanel', later, (m) => m.GammaBetaPanel, 500);
const Identity = lazySection('Identity', later, (m) => m.Identity, 1000);
const IdentityPanel = lazySection('IdentityPanel', later, (m) => m.IdentityPanel, 500);
const Bias = lazySection('Bias', later, (m) => m.Bias, 1050);
const BiasPanel = lazySection('BiasPanel', later, (m) => m.BiasPanel, 500);
const Placement = lazySection('Placement', later, (m) => m.Placement, 1200);
const PlacementPanel = lazySection('PlacementPanel', later, (m) => m.PlacementPanel, 500);

/** Sections 2–10: the shared mini-batch, from μ to the placement of BN (ids and titles: app/outline.ts). */
export const BATCH_VIEWS: Readonly<Record<string, SectionView>> = {
  batch: { Component: Batch, Slide: BatchPanel },
  mean: { Component: Mean, Slide: MeanPanel },
  centering: { Component: Centering, Slide: CenteringPanel },
  variance: { Component: Variance, Slide: VariancePanel, stepViews: { 'variance-one-pass': OnePassVariancePanel } },
  normalize: { Component: Normalize, Slide: NormalizePanel },
  'gamma-beta': { Component: GammaBeta, Slide: GammaBetaPanel },
  identity: { Component: Identity, Slide: IdentityPanel },
  bias: { Component: Bias, Slide: BiasPanel },
  placement: { Component: Placement, Slide: PlacementPanel },
};
