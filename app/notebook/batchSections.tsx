import type { ComponentType } from 'react';
import type { SectionView } from './sectionView';
import type { SlideProps } from './shared/slide';
import { Batch } from './batch/Batch';
import { Mean } from './mean/Mean';
import { lazySection } from './lazySection';
import './shared/batch.css';

// Sections 2–3 are on the first screen; 4–10 arrive as one chunk after it (heights: see lazySection).
const later = () => import('./batchLater');
const Centering = lazySection('Centering', () => later().then((m) => m.Centering), 1150);
const Variance = lazySection('Variance', () => later().then((m) => m.Variance), 2050);
const OnePassVarianceSlide = lazySection('OnePassVarianceSlide', () => later().then((m) => m.OnePassVarianceSlide), 500);
const Normalize = lazySection('Normalize', () => later().then((m) => m.Normalize), 1200);
const GammaBeta = lazySection('GammaBeta', () => later().then((m) => m.GammaBeta), 1450);
const Identity = lazySection('Identity', () => later().then((m) => m.Identity), 1000);
const Bias = lazySection('Bias', () => later().then((m) => m.Bias), 1050);
const Placement = lazySection('Placement', () => later().then((m) => m.Placement), 1200);

/** The section's equation and live panel alone: its step in presentation mode. */
function asSlide(Section: ComponentType<SlideProps>): ComponentType {
  const Slide = () => <Section slide />;
  Slide.displayName = `${Section.displayName ?? Section.name}Slide`;
  return Slide;
}

/** Sections 2–10: the shared mini-batch, from μ to the placement of BN (ids and titles: app/outline.ts). */
export const BATCH_VIEWS: Readonly<Record<string, SectionView>> = {
  batch: { Component: Batch, Slide: asSlide(Batch) },
  mean: { Component: Mean, Slide: asSlide(Mean) },
  centering: { Component: Centering, Slide: asSlide(Centering) },
  variance: { Component: Variance, Slide: asSlide(Variance), stepViews: { 'variance-one-pass': OnePassVarianceSlide } },
  normalize: { Component: Normalize, Slide: asSlide(Normalize) },
  'gamma-beta': { Component: GammaBeta, Slide: asSlide(GammaBeta) },
  identity: { Component: Identity, Slide: asSlide(Identity) },
  bias: { Component: Bias, Slide: asSlide(Bias) },
  placement: { Component: Placement, Slide: asSlide(Placement) },
};
