import { expect, test } from 'vitest';
import { batchNormSteps, get, notesBackward, notesForward, notesNetworkAfter, runningStatsTrace, sampleMiniBatch } from '../../../src';
import { largestGap, summaryView } from '../../../app/exercises/model/summaryView';
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
  const { i, j } = largestGap(grads);
  expect(text).toContain(`∂L/∂Z₂ = ${fmt(get(grads.dZ2, i, j), 4)}`);
  expect(text).toContain(`gives ${fmt(get(grads.dZ2Simplified, i, j), 4)} (sample ${i + 1}, output neuron ${j + 1}, where the two differ most)`);
  expect(text).toContain(`running mean ${fmt(trained.runningMean[0], 4)}`);
  expect(view?.modes[2].value).toBe('momentum = 0.1');
  expect(view?.modes[1].formula).toBe('eval mode: y = γ·(z − running_mean)/√(running_var + ε) + β');
  expect(view?.modes[2].formula).toMatch(/running_var ← \(1 − momentum\)·running_var \+ momentum·σ²·m\/\(m − 1\)/);
});

test('the exact backward is shown where it differs most from the simplified one; the momentum reason follows the slider', () => {
  const { i, j } = largestGap(grads);
  const gap = (r: number, c: number) => Math.abs(get(grads.dZ2, r, c) - get(grads.dZ2Simplified, r, c));
  for (let r = 0; r < grads.dZ2.rows; r++) for (let c = 0; c < grads.dZ2.cols; c++) expect(gap(i, j)).toBeGreaterThanOrEqual(gap(r, c));
  expect(gap(i, j)).toBeGreaterThan(gap(0, 0));
  const slow = runningStatsTrace({ seed: 1, m: 8, shift: 2, scale: 1.5, momentum: 0.3, eps: 1e-5, batches: 5 }).bn;
  const view = summaryView({ z, eps: 1e-5, gamma: 1, beta: 0, grads, trained: slow });
  expect(view?.modes[2].why).toBe('momentum is the weight of the new batch; Ng’s β (the weight of the old average, not BN’s β) is 1 − momentum = 0.7.');
  expect(view?.backward[1].why).toBe('mean ∂L/∂Z̃ is the path through μ; Zₙₒᵣₘ,ᵢ·mean(∂L/∂Z̃ ⊙ Zₙₒᵣₘ) is the path through σ².');
});

test('a batch of equal values with ε = 0 (0/0) has no summary rather than undefined numbers', () => {
  expect(summaryView({ z: new Float64Array([1, 1, 1]), eps: 0, gamma: 1, beta: 0, grads, trained })).toBeNull();
});

test('at the defaults γ = 1, β = 0 the summary says Z̃ is Zₙₒᵣₘ itself and where to set γ and β; otherwise not', () => {
  const atDefaults = JSON.stringify(summaryView({ z, eps: 1e-5, gamma: 1, beta: 0, grads, trained }));
  expect(atDefaults).toContain('At γ = 1, β = 0 (the defaults) Z̃ is Zₙₒᵣₘ itself: set γ and β in section 7');
  expect(JSON.stringify(summaryView({ z, eps: 1e-5, gamma: 2, beta: -1, grads, trained }))).not.toContain('(the defaults)');
});
