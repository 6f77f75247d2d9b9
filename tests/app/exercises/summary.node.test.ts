import { expect, test } from 'vitest';
import { batchNormSteps, get, notesBackward, notesForward, notesNetworkAfter, runningStatsTrace, sampleMiniBatch } from '../../../src';
import { summaryView } from '../../../app/exercises/model/summaryView';
import { fmt } from '../../../app/ui/format';

const z = sampleMiniBatch(1, 8, 2, 1.5);
const state = notesNetworkAfter(0, 1e-5);
const grads = notesBackward(state.net, state.batch, notesForward(state.net, state.batch));
const trained = runningStatsTrace({ seed: 1, m: 8, shift: 2, scale: 1.5, momentum: 0.1, eps: 1e-5, batches: 50 }).bn;

test('the summary prints the engine’s numbers for the batch on screen, the notes’ network and the trained layer', () => {
  const s = batchNormSteps(z, { eps: 1e-5, gamma: 2, beta: -1 });
  const view = summaryView({ z, eps: 1e-5, gamma: 2, beta: -1, grads, trained });
  expect(view).not.toBeNull();
  const text = JSON.stringify(view);
  expect(text).toContain(`μ = ${fmt(s.mean, 4)}`);
  expect(text).toContain(`σ² = ${fmt(s.variance, 4)}`);
  expect(text).toContain(`Z̃₁ = ${fmt(s.y[0], 4)}`);
  expect(text).toContain(`∂L/∂Z₂ = ${fmt(get(grads.dZ2, 0, 0), 4)}`);
  expect(text).toContain(`gives ${fmt(get(grads.dZ2Simplified, 0, 0), 4)}`);
  expect(text).toContain(`running mean ${fmt(trained.runningMean[0], 4)}`);
  expect(view?.modes[2].value).toBe('momentum = 0.1');
});

test('a batch of equal values with ε = 0 (0/0) has no summary rather than undefined numbers', () => {
  expect(summaryView({ z: new Float64Array([1, 1, 1]), eps: 0, gamma: 1, beta: 0, grads, trained })).toBeNull();
});
