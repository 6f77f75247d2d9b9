/** Sections 4–10 and their panels, one chunk loaded after the first screen (see lazySection.tsx and batchSections.ts). */
export { Centering, CenteringPanel } from './centering/Centering';
export { Variance, VariancePanel } from './variance/Variance';
export { OnePassVariancePanel } from './variance/OnePassVariance';
export { Normalize, NormalizePanel } from './normalize/Normalize';
export { GammaBeta, GammaBetaPanel } from './gamma-beta/GammaBeta';
export { Identity, IdentityPanel } from './identity/Identity';
export { Bias, BiasPanel } from './bias/Bias';
export { Placement, PlacementPanel } from './placement/Placement';
