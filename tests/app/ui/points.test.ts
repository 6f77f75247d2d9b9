import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { batchNormSteps, sampleMiniBatch } from '../../../src';
import { collapseValue, keyDelta, movePoint, POINT_MAX, snapValue } from '../../../app/ui/points';

describe('moving points', () => {
  test('keyDelta: arrows ±0.1, Shift+arrows and PageUp/PageDown ±1, other keys null', () => {
    expect(keyDelta('ArrowRight', false)).toBe(0.1);
    expect(keyDelta('ArrowDown', false)).toBe(-0.1);
    expect(keyDelta('ArrowLeft', true)).toBe(-1);
    expect(keyDelta('PageUp', false)).toBe(1);
    expect(keyDelta('Tab', false)).toBeNull();
  });

  test('movePoint snaps to 0.01 and stays in range', () => {
    expect(movePoint(1.2345, 0.1)).toBe(1.33);
    expect(movePoint(49.95, 1)).toBe(POINT_MAX);
    expect(snapValue(0.1 + 0.2)).toBe(0.3);
  });

  test('collapseValue: m copies give σ² exactly 0 in the engine (m = 2..64, any μ)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 64 }), fc.double({ min: -40, max: 40, noNaN: true }), (m, mu) => {
        const v = collapseValue(mu);
        return batchNormSteps(new Float64Array(m).fill(v), { eps: 1e-5 }).variance === 0;
      }),
    );
  });

  test('collapsing a drawn batch near its μ (m = 8)', () => {
    const mu = batchNormSteps(sampleMiniBatch(1, 8, 2, 1.5)).mean;
    expect(Math.abs(collapseValue(mu) - mu)).toBeLessThanOrEqual(0.125);
  });
});
