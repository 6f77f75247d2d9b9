// The public API of the numeric engine. Pure TypeScript: no DOM, no UI; runs in Node, browsers and Workers.
export * from './errors';
export * from './rng';
export * from './matrix';
export * from './batchnorm';
export * from './activations';
export * from './linear';
export * from './loss';
export * from './minibatch';
export * from './idx';
export * from './fashion';
export * from './notesNetwork';
export * from './notesCheck';
export * from './bnSteps';
export * from './varianceNumerics';
export * from './distribution';
export * from './placement';
export * from './biasGradient';
