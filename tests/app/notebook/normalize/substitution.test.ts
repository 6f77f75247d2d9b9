import { expect, test } from 'vitest';
import { batchNormSteps, sampleMiniBatch } from '../../../../src';
import { substitutionDigits } from '../../../../app/notebook/normalize/substitution';

const r = (x: number, d: number) => Number(x.toFixed(d));

test('section 6’s substituted fraction: over 300 batches the printed z₁ − μ is the printed centred value and centred/std the printed result (4 decimals)', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const z = sampleMiniBatch(seed, 8, 2, 1.5);
    const s = batchNormSteps(z);
    const z0 = z[0];
    const d = substitutionDigits(z0, s.mean, s.std, s.zNorm[0]);
    expect(r(r(z0, d) - r(s.mean, d), d)).toBe(r(s.centered[0], d));
    if (d < 8) expect(r(r(s.centered[0], d) / r(s.std, d + 1), 4)).toBe(r(s.zNorm[0], 4));
  }
});

test('a case that needs more than 3 decimals gets them; an easy one keeps 3', () => {
  expect(substitutionDigits(1.0004, 0.5, 1, 0.5004)).toBeGreaterThan(3);
  expect(substitutionDigits(2, 1, 2, 0.5)).toBe(3);
});
