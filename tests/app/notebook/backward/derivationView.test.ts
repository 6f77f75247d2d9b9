import { describe, expect, test } from 'vitest';
import { decimalsFor, derivationView, fixed } from '../../../../app/notebook/backward/derivationView';
import { notesContext } from '../../../../app/notebook/pass/notesContext';

describe('derivationView: ∂L/∂Z of one neuron of the notes’ network, path by path', () => {
  test.each([
    [2, 0, 0],
    [2, 2, 5],
    [1, 3, 5],
  ] as const)('layer %i, neuron %i after %i SGD steps: the sum of paths is the backward pass’s ∂L/∂Z column (1e-15), Σ ∂L/∂z ≈ 0', (layer, neuron, steps) => {
    const ctx = notesContext(steps, 1e-5);
    const v = derivationView(ctx, layer, neuron);
    const exact = layer === 1 ? ctx.grads.dZ1 : ctx.grads.dZ2;
    v.d.dz.forEach((dz, i) => expect(Math.abs(dz - exact.data[i * exact.cols + neuron])).toBeLessThan(1e-15));
    expect(Math.abs(v.d.sumDz)).toBeLessThan(1e-15);
    expect(v.rows).toHaveLength(6);
    expect(v.neurons).toBe(layer === 1 ? 4 : 3);
  });

  test('the shown terms add up to the shown result in every row, within one unit of the last decimal', () => {
    for (const steps of [0, 5, 40]) {
      for (const [layer, neurons] of [[1, 4], [2, 3]] as const) {
        for (let j = 0; j < neurons; j++) {
          const v = derivationView(notesContext(steps, 1e-5), layer, j);
          const unit = 10 ** -v.decimals;
          for (const r of v.rows) {
            const num = (s: string) => Number(s.replace('−', '-'));
            expect(Math.abs(num(r.direct) + num(r.viaVariance) + num(r.viaMean) - num(r.dz))).toBeLessThanOrEqual(unit * 1.000001);
          }
        }
      }
    }
  });

  test('decimalsFor: terms that cancel to a small result need more decimals; a neuron index out of range is clamped', () => {
    const cancelling = { direct: [0.123456], viaVariance: [-0.123], viaMean: [-0.000449], dz: [0.000007] };
    expect(decimalsFor(cancelling)).toBeGreaterThanOrEqual(6);
    expect(decimalsFor({ direct: [0.5], viaVariance: [0.25], viaMean: [0.25], dz: [1] })).toBe(3);
    expect(derivationView(notesContext(0, 1e-5), 2, 9).neuron).toBe(2);
    expect(fixed(-0.00001, 3)).toBe('0.000');
    expect(fixed(-1.5, 2)).toBe('−1.50');
  });
});

test('the row whose paths cancel most is named, and its shown terms add up to its shown result (5 SGD steps, Z₂ row 1)', () => {
  const v = derivationView(notesContext(5, 1e-5), 2, 0);
  expect(v.cancelRow).not.toBeNull();
  const r = v.cancelRow!;
  const num = (s: string) => Number(s.replace('−', '-'));
  expect(Math.abs(num(r.direct) + num(r.viaVariance) + num(r.viaMean) - num(r.dz))).toBeLessThanOrEqual(10 ** -v.decimals * 1.000001);
  expect(Math.max(Math.abs(num(r.direct)), Math.abs(num(r.viaVariance)), Math.abs(num(r.viaMean)))).toBeGreaterThan(10 * Math.abs(num(r.dz)));
});
