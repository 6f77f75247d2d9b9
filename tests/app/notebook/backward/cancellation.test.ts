import { expect, test } from 'vitest';
import { digitsToReproduce, dzFromShown, termsCancel } from '../../../../app/notebook/backward/cancellation';
import { notesContext } from '../../../../app/notebook/pass/notesContext';
import { cellText } from '../../../../app/notebook/pass/notesMatrices';

test('every entry of ∂L/∂Z₁ [6 × 4] and ∂L/∂Z₂ [6 × 3] at 0–10 SGD steps: the printed inputs give the printed result to 4 significant digits', () => {
  let cancelling = 0;
  for (let steps = 0; steps <= 10; steps++) {
    const ctx = notesContext(steps, 1e-5);
    for (const l of [1, 2] as const) {
      const bn = l === 1 ? ctx.fwd.bn1 : ctx.fwd.bn2;
      const g = l === 1 ? ctx.grads.dZ1Tilde : ctx.grads.dZ2Tilde;
      const exact = l === 1 ? ctx.grads.dZ1 : ctx.grads.dZ2;
      const net = l === 1 ? ctx.state.net.bn1 : ctx.state.net.bn2;
      const dBeta = l === 1 ? ctx.grads.dBeta1 : ctx.grads.dBeta2;
      const dGamma = l === 1 ? ctx.grads.dGamma1 : ctx.grads.dGamma2;
      for (let i = 0; i < exact.rows; i++) {
        for (let j = 0; j < exact.cols; j++) {
          const t = { gamma: net.gamma[j], m: 6, variance: bn.variance[j], eps: 1e-5, g: g.data[i * g.cols + j], dBeta: dBeta[j], zHat: bn.zHat.data[i * g.cols + j], dGamma: dGamma[j] };
          const result = exact.data[i * exact.cols + j];
          const d = digitsToReproduce(t, result);
          expect(d).toBeLessThan(12);
          expect(Math.abs(dzFromShown(t, d) - result)).toBeLessThanOrEqual(0.5 * 10 ** (Math.floor(Math.log10(Math.abs(result))) - 3));
          if (termsCancel(t)) cancelling++;
        }
      }
    }
  }
  expect(cancelling).toBeGreaterThan(0);
});

test('a small non-zero cell never prints as 0.000', () => {
  expect(cellText(-2.589e-4)).toBe('−2.59×10⁻⁴');
  expect(cellText(0)).toBe('0');
  expect(cellText(0.0123)).toBe('0.012');
});
