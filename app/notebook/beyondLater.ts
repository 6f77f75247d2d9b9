/** The sections beyond the notes, one chunk loaded when they are reached (see lazySection.tsx and beyondSections.ts). */
export { ImagesSection } from './images/ImagesSection';
export { ImagesBlockSlide, ImagesMapsSlide } from './images/ImagesSlide';
export { WeightDecay } from './weight-decay/WeightDecay';
export { WeightDecaySlide, WeightDecayDotSlide } from './weight-decay/WeightDecaySlide';
export { FoldAway } from './fold/FoldAway';
export { FoldSlide } from './fold/FoldSlide';
export { FamilySection } from './family/FamilySection';
export { FamilySetsSlide, FamilyConsequencesSlide } from './family/FamilySlide';
export { BatchSizeSection } from './batch-size/BatchSizeSection';
export { BatchSizeSlide } from './batch-size/BatchSizeSlide';
