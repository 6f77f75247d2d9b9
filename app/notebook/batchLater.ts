/** Sections 4–10, one chunk loaded after the first screen (see lazySection.tsx and batchSections.tsx). */
export { Centering } from './centering/Centering';
export { Variance } from './variance/Variance';
export { OnePassVarianceSlide } from './variance/OnePassVariance';
export { Normalize } from './normalize/Normalize';
export { GammaBeta } from './gamma-beta/GammaBeta';
export { Identity } from './identity/Identity';
export { Bias } from './bias/Bias';
export { Placement } from './placement/Placement';
