import { describe, expect, test } from 'vitest';
import { EngineError, createRng, initStd, initWeights, zeros } from '../../src';

function sampleStats(a: Float64Array): { mean: number; std: number } {
  const mean = a.reduce((s, v) => s + v, 0) / a.length;
  return { mean, std: Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length) };
}

describe('initializations', () => {
  test('std: He √(2/fan_in), Xavier √(2/(fan_in + fan_out)), small 0.01', () => {
    expect(initStd('he', 200, 300)).toBe(Math.sqrt(2 / 200));
    expect(initStd('xavier', 200, 300)).toBe(Math.sqrt(2 / 500));
    expect(initStd('small', 200, 300)).toBe(0.01);
  });

  test.each(['he', 'xavier', 'small'] as const)('%s: W [200 × 300] has mean ≈ 0 and the right std (2 %)', (name) => {
    const W = initWeights(zeros(200, 300), name, createRng(5));
    const { mean, std } = sampleStats(W.data);
    const want = initStd(name, 200, 300);
    expect(Math.abs(std / want - 1)).toBeLessThan(0.02);
    expect(Math.abs(mean)).toBeLessThan(0.02 * want);
  });

  test('draws from the given Rng only: same seed ⇒ same W, and exactly rows·cols Gaussian draws are used', () => {
    const a = initWeights(zeros(3, 4), 'he', createRng(9));
    const rng = createRng(9);
    const b = initWeights(zeros(3, 4), 'he', rng);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    const ref = createRng(9);
    for (let i = 0; i < 12; i++) ref.gaussian();
    expect(rng.gaussian()).toBe(ref.gaussian());
  });

  test('unknown names and empty shapes throw EngineError', () => {
    expect(() => initStd('lecun' as never, 2, 2)).toThrow(EngineError);
    expect(() => initStd('he', 0, 2)).toThrow(/fan-in/);
  });
});
