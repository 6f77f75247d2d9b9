/**
 * Which exercises each section has, by id (the builders in ./batchExercises.ts, ./passExercises.ts and
 * ./inferenceExercises.ts make them; a test keeps the two in step). A section is done when every one of
 * its exercises has been answered right once.
 */
export const EXERCISE_IDS: Readonly<Record<string, readonly string[]>> = {
  batch: ['batch-over'],
  mean: ['mean-mu', 'mean-place'],
  centering: ['centering-entry'],
  variance: ['variance-sigma2'],
  normalize: ['normalize-entry', 'normalize-variance'],
  'gamma-beta': ['gamma-beta-entry'],
  identity: ['identity-gamma', 'identity-beta'],
  bias: ['bias-entry'],
  placement: ['placement-zeros'],
  forward: ['forward-znorm', 'forward-loss'],
  backward: ['backward-dbeta', 'backward-dz'],
  inference: ['inference-running-mean', 'inference-running-var'],
};

/** Whether every exercise of a section is done (false for a section without exercises). */
export function sectionDone(section: string, done: ReadonlySet<string>): boolean {
  const ids = EXERCISE_IDS[section];
  return ids !== undefined && ids.every((id) => done.has(id));
}
