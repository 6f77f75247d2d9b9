import { describe, expect, test } from 'vitest';
import { batchNormSteps, sampleMiniBatch } from '../../../../src';
import { identityView } from '../../../../app/notebook/identity/identityView';

const z = sampleMiniBatch(1, 8, 2, 1.5);
const next = { seed: 1, shift: 2, scale: 1.5 };

describe('identityView (m = 8)', () => {
  test('with its own target γ, β: max |Z̃ − Z| at machine precision (< 16·eps·max|z|)', () => {
    const t = identityView(z, 1e-5, 1, 0, next).target;
    const v = identityView(z, 1e-5, t.gamma, t.beta, next);
    expect(v.isIdentity).toBe(true);
    expect(v.maxDeviation).toBeLessThan(16 * Number.EPSILON * Math.max(...z.map(Math.abs)));
    expect(t.beta).toBe(batchNormSteps(z).mean);
  });

  test('with γ = 1, β = 0 it is not the identity; the undo does not carry to the next batch', () => {
    const v = identityView(z, 1e-5, 1, 0, next);
    expect(v.isIdentity).toBe(false);
    expect(v.otherBatchDeviation).toBeGreaterThan(0.01);
  });
});
