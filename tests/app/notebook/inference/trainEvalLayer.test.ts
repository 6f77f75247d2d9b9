import { describe, expect, test } from 'vitest';
import { firstSampleOutput, outputMean, runningStatsTrace, sampleMiniBatch } from '../../../../src';
import { withScaleShift } from '../../../../app/notebook/inference/trainEvalView';

const settings = { seed: 3, m: 8, shift: 2, scale: 1.5, momentum: 0.1, eps: 1e-5, batches: 50 };
const z = sampleMiniBatch(3, 8, 2, 1.5);

describe('withScaleShift: the trained layer of section 15 with another γ, β [1 neuron]', () => {
  test.each([
    [2.5, -1.2],
    [-0.5, 3],
    [1, 0],
  ])('γ = %f, β = %f: the same outputs (exactly, tolerance 0) as a trace run with that γ, β, in both modes', (gamma, beta) => {
    const plain = runningStatsTrace(settings);
    const direct = runningStatsTrace({ ...settings, gamma, beta });
    const layer = withScaleShift(plain.bn, gamma, beta);
    for (const mode of ['train', 'eval'] as const) {
      expect(firstSampleOutput(layer, z, mode)).toEqual(firstSampleOutput(direct.bn, z, mode));
      expect(outputMean(layer, z, mode)).toBe(outputMean(direct.bn, z, mode));
    }
    // The running statistics do not depend on γ and β.
    expect(Array.from(plain.runningMean)).toEqual(Array.from(direct.runningMean));
    expect(Array.from(plain.runningVar)).toEqual(Array.from(direct.runningVar));
  });

  test('leaves the layer it starts from untouched (γ = 1, β = 0 stay)', () => {
    const { bn } = runningStatsTrace(settings);
    const layer = withScaleShift(bn, 4, -2);
    expect([bn.gamma[0], bn.beta[0]]).toEqual([1, 0]);
    expect([layer.gamma[0], layer.beta[0], layer.eps, layer.runningMean[0]]).toEqual([4, -2, bn.eps, bn.runningMean[0]]);
  });
});
