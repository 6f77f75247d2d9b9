import { lazySection } from './lazySection';
import { codeChunk } from './codeChunk';
import type { SectionView } from './sectionView';

// The sections beyond the notes arrive as one chunk, when the reader (or the deck) gets to them (heights: see lazySection).
const later = codeChunk(() => import('./beyondLater'));
const ImagesSection = lazySection('ImagesSection', later, (m) => m.ImagesSection, 2200);
const ImagesBlockSlide = lazySection('ImagesBlockSlide', later, (m) => m.ImagesBlockSlide, 500);
const ImagesMapsSlide = lazySection('ImagesMapsSlide', later, (m) => m.ImagesMapsSlide, 500);
const FoldAway = lazySection('FoldAway', later, (m) => m.FoldAway, 1900);
const FoldSlide = lazySection('FoldSlide', later, (m) => m.FoldSlide, 500);
const WeightDecay = lazySection('WeightDecay', later, (m) => m.WeightDecay, 2600);
const WeightDecaySlide = lazySection('WeightDecaySlide', later, (m) => m.WeightDecaySlide, 500);
const FamilySection = lazySection('FamilySection', later, (m) => m.FamilySection, 2600);
const FamilySetsSlide = lazySection('FamilySetsSlide', later, (m) => m.FamilySetsSlide, 500);
const FamilyConsequencesSlide = lazySection('FamilyConsequencesSlide', later, (m) => m.FamilyConsequencesSlide, 500);
const BatchSizeSection = lazySection('BatchSizeSection', later, (m) => m.BatchSizeSection, 2400);
const BatchSizeSlide = lazySection('BatchSizeSlide', later, (m) => m.BatchSizeSlide, 500);
const WeightDecayDotSlide = lazySection('WeightDecayDotSlide', later, (m) => m.WeightDecayDotSlide, 500);

/** The sections past the notes (ids and titles: app/outline.ts). */
export const BEYOND_VIEWS: Readonly<Record<string, SectionView>> = {
  images: { Component: ImagesSection, Slide: ImagesBlockSlide, stepViews: { 'images-maps': ImagesMapsSlide } },
  fold: { Component: FoldAway, Slide: FoldSlide },
  'weight-decay': { Component: WeightDecay, Slide: WeightDecaySlide, stepViews: { 'weight-decay-dot': WeightDecayDotSlide } },
  'norm-family': { Component: FamilySection, Slide: FamilySetsSlide, stepViews: { 'norm-family-consequences': FamilyConsequencesSlide } },
  'batch-size': { Component: BatchSizeSection, Slide: BatchSizeSlide },
};
