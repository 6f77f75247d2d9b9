import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, expect, test } from 'vitest';
import { biasBeforeRelu, biasThroughBatchNorm, sampleMiniBatch } from '../../../../src';
import { Bias } from '../../../../app/notebook/bias/Bias';
import { appStore } from '../../../../app/state/store';
import { fmt } from '../../../../app/ui/format';
import { TARGET_SEED_OFFSET } from '../../../../app/notebook/bias/biasView';
import { engineBatch, resetStore } from '../engineRef';

beforeEach(resetStore);

test('section 9: for b = 0 → 4.2 → −7.5, BN(z + b) does not move and ∂L/∂b through BN is the engine’s ≈ 0 (m = 8)', () => {
  render(<Bias />);
  const slider = screen.getByRole('slider', { name: 'Bias b' });
  for (const b of [4.2, -7.5]) {
    fireEvent.change(slider, { target: { value: String(b) } });
    expect(appStore.getState().bias).toBe(b);
    const r = biasThroughBatchNorm(engineBatch(), b, sampleMiniBatch(1 + TARGET_SEED_OFFSET, 8, 0, 1), { eps: 1e-5, gamma: 1, beta: 0 });
    expect(Math.abs(r.dLdb)).toBeLessThan(1e-12);
    expect(r.maxShift).toBeLessThan(1e-12);
    expect(screen.getByTestId('bias-grad')).toHaveTextContent(fmt(r.dLdb, 2));
    expect(screen.getByTestId('bias-shift')).toHaveTextContent(fmt(r.maxShift, 2));
    expect(screen.getByTestId('bias-grad-nobn')).toHaveTextContent(fmt(r.dLdbWithoutBn, 4));
    expect(Math.abs(r.dLdbWithoutBn)).toBeGreaterThan(0.1);
  }
});

test('section 9 confirms the notes (the bias is cancelled) in a "checked" box', () => {
  render(<Bias />);
  expect(screen.getByRole('complementary', { name: 'The notes, checked: the bias' })).toHaveTextContent('∂L/∂b = 0');
});

test('section 9 with every point equal and ε = 0 (m = 8): BN is 0/0 — said in words, never NaN', () => {
  act(() => appStore.getState().setBatch({ scale: 0 }));
  act(() => appStore.getState().setBn({ eps: 0 }));
  const { container } = render(<Bias />);
  expect(screen.getByTestId('bias-undefined')).toHaveTextContent('Batch norm is 0/0 here');
  expect(screen.getByTestId('bias-grad')).toHaveTextContent('undefined');
  expect(container.textContent).not.toMatch(/NaN/);
});

test('section 9 with b = −10: the subtracted mean is negative and written in brackets, never “− −”', () => {
  appStore.setState({ bias: -10 });
  render(<Bias />);
  const eq = screen.getByTestId('bias-equation');
  const tex = [...eq.querySelectorAll('annotation')].map((a) => a.textContent ?? '').join(' ');
  expect(tex).toMatch(/\) - \(-\d/);
  expect(tex).not.toMatch(/- -/);
});

test('section 9: with ReLU between bias and BN the bias is not redundant — the sentence and the stat give the engine’s ∂L/∂b and zero count, and follow b', () => {
  render(<Bias />);
  const z = engineBatch();
  const targets = sampleMiniBatch(appStore.getState().seed + 1000, z.length, 0, 1);
  const check = (b: number) => {
    const r = biasBeforeRelu(z, b, targets, { eps: 1e-5, gamma: 1, beta: 0 });
    expect(screen.getByTestId('bias-grad-relu')).toHaveTextContent(fmt(r.dLdb, 4));
    const sentence = screen.getByTestId('bias-after-relu');
    if (r.zeroed === 0) {
      expect(sentence).toHaveTextContent(/redundant again/);
      const mu = z.reduce((a, x) => a + x, 0) / z.length;
      const kink = biasBeforeRelu(z, -mu, targets, { eps: 1e-5, gamma: 1, beta: 0 });
      expect(kink.zeroed).toBeGreaterThan(0);
      expect(sentence).toHaveTextContent(`ReLU zeroes ${kink.zeroed} of them and ∂L/∂b = ${fmt(kink.dLdb, 3)}`);
    }
    else if (r.zeroed === z.length) expect(sentence).toHaveTextContent(/zeroes every one/);
    else expect(sentence).toHaveTextContent(`zero ${r.zeroed} of the ${z.length} values`);
    return r;
  };
  check(0);
  act(() => appStore.getState().setBn({ bias: -2 }));
  expect(check(-2).zeroed).toBeGreaterThan(0);
  act(() => appStore.getState().setBn({ bias: 10 }));
  expect(check(10).zeroed).toBe(0);
  act(() => appStore.getState().setBn({ bias: -10 }));
  check(-10);
  expect(screen.getByText(/a linear layer followed/)).toHaveTextContent(/directly/);
});
