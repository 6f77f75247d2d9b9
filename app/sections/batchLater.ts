/** Sections 4–10, one chunk loaded after the first screen (see lazySection.tsx and batchSections.tsx). */
export { Centering } from './Centering';
export { Variance } from './Variance';
export { OnePassVarianceSlide } from './OnePassVariance';
export { Normalize } from './Normalize';
export { GammaBeta } from './GammaBeta';
export { Identity } from './Identity';
export { Bias } from './Bias';
export { Placement } from './Placement';
