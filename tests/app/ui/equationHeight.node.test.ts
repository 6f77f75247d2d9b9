import { describe, expect, test } from 'vitest';
import { reservedHeightEm } from '../../../app/ui/equationHeight';

// Heights measured in Chromium on the notebook's typeset equations (em of the equation's font size).
describe('reservedHeightEm: the room an equation waiting for KaTeX keeps', () => {
  test('a plain line, a fraction, a sum with limits: taller in that order, each near its measured height', () => {
    const plain = reservedHeightEm(String.raw`z_i - \mu \quad (i = 1, \dots, m)`);
    const frac = reservedHeightEm(String.raw`Z_{norm,i} = \frac{z_i - \mu}{\sqrt{\sigma^2 + \epsilon}}`);
    const sum = reservedHeightEm(String.raw`\mu = \frac{1}{m}\sum_{i=1}^{m} z_i`);
    expect(plain).toBeCloseTo(3.91, 0);
    expect(frac).toBeCloseTo(5.05, 0);
    expect(sum).toBeCloseTo(5.95, 0);
    expect(plain).toBeLessThan(frac);
    expect(frac).toBeLessThan(sum);
  });

  test('each further row of an aligned block adds to the height, a row with a fraction more', () => {
    const one = reservedHeightEm(String.raw`\begin{aligned} \mu &= 1 \end{aligned}`);
    const two = reservedHeightEm(String.raw`\begin{aligned} \mu &= 1 \\ &= 2 \end{aligned}`);
    const twoFrac = reservedHeightEm(String.raw`\begin{aligned} \mu &= 1 \\ &= \frac{1}{2} \end{aligned}`);
    expect(two).toBeGreaterThan(one);
    expect(twoFrac).toBeGreaterThan(two);
    expect(two).toBeCloseTo(5.73, 0);
  });
});
