import {
  type Dataset,
  type Model,
  type ModelOptions,
  backward,
  createModel,
  createOptimizer,
  createRng,
  createWorkspace,
  forwardLoss,
  makeDataset2D,
  optimizerStep,
  params,
  selectRows,
} from '../../src';

/** The 3-class spiral [n × 2], the lab's default data. */
export const spiral = (n: number, seed: number): Dataset => makeDataset2D({ name: 'spiral', n, seed });

/**
 * A model after `steps` SGD steps (lr 0.1, batch 32, train mode, running statistics updated) on a
 * spiral of 600 points: real running means and variances, γ and β moved from 1 and 0.
 */
export function trainedModel(options: Omit<ModelOptions, 'inputs' | 'classes'>, steps: number, seed: number): Model {
  const data = spiral(600, seed);
  const model = createModel({ inputs: 2, classes: 3, ...options }, createRng(seed));
  const opt = createOptimizer({ name: 'sgd', lr: 0.1 }, params(model));
  const ws = createWorkspace(), rng = createRng(seed + 1);
  for (let s = 0; s < steps; s++) {
    const rows = Array.from({ length: 32 }, () => rng.int(600));
    const batch = selectRows(data, rows);
    forwardLoss(model, batch.x, batch.y, ws);
    backward(model, ws);
    optimizerStep(opt);
  }
  return model;
}

/** Every BN's γ in [0.5, 2.5), β and running mean N(0, 2²), running variance in [0.05, 5.05): far from the defaults. */
export function scrambleBatchNorms(model: Model, seed: number): Model {
  const rng = createRng(seed);
  for (const l of model.layers) {
    if (l.kind !== 'batchnorm') continue;
    for (let j = 0; j < l.features; j++) {
      l.gamma[j] = 0.5 + 2 * rng.uniform();
      l.beta[j] = 2 * rng.gaussian();
      l.runningMean[j] = 2 * rng.gaussian();
      l.runningVar[j] = 0.05 + 5 * rng.uniform();
    }
  }
  return model;
}
