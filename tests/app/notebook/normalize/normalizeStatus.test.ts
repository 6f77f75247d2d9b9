import { describe, expect, test } from 'vitest';
import { batchNormSteps, summarize } from '../../../../src';
import { normalizationStatus, normalizeView } from '../../../../app/notebook/normalize/normalizeStatus';

/** The status for a batch and ε, with every input from the engine. */
function statusOf(z: number[], eps: number) {
  const s = batchNormSteps(z, { eps });
  const zs = summarize(z);
  const std = s.defined ? summarize(s.zNorm).std : Number.NaN;
  return normalizationStatus(s.variance, eps, Math.max(Math.abs(zs.min), Math.abs(zs.max)), std);
}

describe('normalizationStatus', () => {
  test('σ² = 0 and ε = 0 (m = 4): undefined (0/0)', () => {
    expect(statusOf([1.25, 1.25, 1.25, 1.25], 0).kind).toBe('undefined');
  });

  test('σ² = 0 and ε > 0: flat (Zₙₒᵣₘ = 0)', () => {
    expect(statusOf([1.25, 1.25, 1.25, 1.25], 1e-5).kind).toBe('flat');
  });

  test('three equal values 0.7 whose mean rounds (σ² ≈ 1.2e-32) with ε = 0: rounding noise', () => {
    const z = [0.7, 0.7, 0.7];
    const s = batchNormSteps(z, { eps: 0 });
    expect(s.variance).toBeGreaterThan(0);
    expect(statusOf(z, 0).kind).toBe('noise');
  });

  test('ε comparable to σ²: eps-dominates with std(Zₙₒᵣₘ) < 0.99; tiny ε: ok', () => {
    expect(statusOf([0, 0.01, 0.02, 0.03], 1e-4).kind).toBe('eps-dominates');
    expect(statusOf([1, 2, 3, 4], 1e-5).kind).toBe('ok');
  });
});

test('normalizeView (m = 4): the engine’s summary of Zₙₒᵣₘ and the status; null summary when 0/0', () => {
  const ok = normalizeView([1, 2, 3, 4], batchNormSteps([1, 2, 3, 4], { eps: 1e-5 }));
  expect(ok.zNorm).toEqual(summarize(batchNormSteps([1, 2, 3, 4], { eps: 1e-5 }).zNorm));
  expect(ok.status.kind).toBe('ok');
  const flat = [2, 2, 2, 2];
  const bad = normalizeView(flat, batchNormSteps(flat, { eps: 0 }));
  expect(bad.zNorm).toBeNull();
  expect(bad.status.kind).toBe('undefined');
});
