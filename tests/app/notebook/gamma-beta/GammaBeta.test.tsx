import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { batchNormSteps, summarize } from '../../../../src';
import { GammaBeta } from '../../../../app/notebook/gamma-beta/GammaBeta';
import { appStore } from '../../../../app/state/store';
import { fmt, tex } from '../../../../app/ui/format';
import { engineBatch, engineSteps, liveTex, resetStore, rowCells } from '../engineRef';

beforeEach(resetStore);

test('section 7 starts at γ = 1, β = 0: Z̃ = Zₙₒᵣₘ (m = 8)', () => {
  render(<GammaBeta />);
  const s = engineSteps();
  expect(screen.getByRole('slider', { name: 'γ (scale)' })).toHaveValue('1');
  expect(screen.getByRole('slider', { name: 'β (shift)' })).toHaveValue('0');
  expect(rowCells(screen.getByTestId('out-row'))).toEqual(Array.from(s.zNorm, (v) => fmt(v, 3)));
});

test('section 7: γ = 2.5, β = −1.2 give output mean β and std ≈ |γ|, to the engine’s numbers', () => {
  render(<GammaBeta />);
  fireEvent.change(screen.getByRole('slider', { name: 'γ (scale)' }), { target: { value: '2.5' } });
  fireEvent.change(screen.getByRole('slider', { name: 'β (shift)' }), { target: { value: '-1.2' } });
  const s = engineSteps();
  const out = summarize(s.y);
  expect(Math.abs(out.mean - -1.2)).toBeLessThan(1e-12);
  expect(Math.abs(out.std - 2.5)).toBeLessThan(1e-4);
  expect(screen.getByTestId('out-mean')).toHaveTextContent(fmt(out.mean, 4));
  expect(screen.getByTestId('out-std')).toHaveTextContent(fmt(out.std, 4));
  expect(rowCells(screen.getByTestId('out-row'))).toEqual(Array.from(s.y, (v) => fmt(v, 3)));
  expect(liveTex(screen.getByTestId('gamma-beta-equation')).endsWith(`= ${tex(s.y[0], 4)}`)).toBe(true);
});

test('section 7 callout: with −β (the notes’ forward pass) the engine’s output mean is −β', () => {
  render(<GammaBeta />);
  fireEvent.change(screen.getByRole('slider', { name: 'β (shift)' }), { target: { value: '0.8' } });
  const minus = summarize(batchNormSteps(engineBatch(), { gamma: 1, beta: -0.8 }).y).mean;
  expect(Math.abs(minus + 0.8)).toBeLessThan(1e-12);
  expect(screen.getByTestId('minus-beta-evidence')).toHaveTextContent(`the mean of γ·Zₙₒᵣₘ − β is ${fmt(minus, 4)}`);
});

test('section 7: "Reset" puts γ back to 1 and β to 0', async () => {
  const user = userEvent.setup();
  render(<GammaBeta />);
  fireEvent.change(screen.getByRole('slider', { name: 'γ (scale)' }), { target: { value: '-2' } });
  await user.click(screen.getByRole('button', { name: 'Reset to γ = 1, β = 0' }));
  expect(appStore.getState()).toMatchObject({ gamma: 1, beta: 0 });
});

test('section 7 draws Zₙₒᵣₘ and Z̃ on one scale: at γ = 1, β = 0 every connecting line is vertical (same x at both ends)', () => {
  const { container } = render(<GammaBeta />);
  const links = [...container.querySelectorAll('.bn-plot-map line.map-link')];
  expect(links.length).toBe(8);
  for (const l of links) expect(Math.abs(Number(l.getAttribute('x1')) - Number(l.getAttribute('x2')))).toBeLessThan(1e-9);
});

test('section 7: a mean of Z̃ that differs from β only by rounding reads "mean ≈ β" on the plot and says so under the number (it read "mean = 1.39×10⁻¹⁶")', () => {
  const { container } = render(<GammaBeta />);
  const mean = summarize(engineSteps().y).mean;
  expect(mean).not.toBe(0); // this batch's residue, which the old label printed
  expect(Math.abs(mean)).toBeLessThan(1e-12);
  expect(container.querySelector('.plot-svg')?.textContent).toContain('mean ≈ 0');
  expect(container.querySelector('.plot-svg')?.textContent).not.toContain('10⁻');
  // Zₙₒᵣₘ's own line, off 0 by the same rounding, says so the same way (it read "mean 0" beside Z̃'s "mean ≈ 0").
  expect(container.querySelector('.plot-svg')?.textContent).not.toContain('mean 0');
  expect(screen.getByTestId('out-mean')).toHaveTextContent(fmt(mean, 2));
  expect(screen.getByTestId('out-mean').parentElement).toHaveTextContent(/β = 0; the rest is rounding$/);
  // The callout's live line says it the same way (it printed 1.388×10⁻¹⁶ for both means).
  expect(screen.getByTestId('minus-beta-evidence')).toHaveTextContent('the mean of γ·Zₙₒᵣₘ + β is 0 up to rounding; the mean of γ·Zₙₒᵣₘ − β is 0 up to rounding.');
  // A mean that is β to the digits shown keeps its plain label.
  fireEvent.change(screen.getByRole('slider', { name: 'β (shift)' }), { target: { value: '-1.2' } });
  expect(container.querySelector('.plot-svg')?.textContent).toContain('mean = −1.2');
  expect(screen.getByTestId('out-mean').parentElement).toHaveTextContent(/β = −1\.2$/);
});

test('section 7’s Zₙₒᵣₘ line is labelled by its mean when that is rounding noise (three equal values, ε = 0), as section 6’s is, not “mean 0”', () => {
  const { container } = render(<GammaBeta />);
  act(() => {
    appStore.getState().setBatch({ m: 3 });
    [0, 1, 2].forEach((i) => appStore.getState().setPoint(i, 0.7));
    appStore.getState().setBn({ eps: 0 });
  });
  const mean = summarize(engineSteps().zNorm).mean;
  expect(Math.abs(mean)).toBeGreaterThan(0.5);
  const labels = container.querySelector('.plot-svg')?.textContent ?? '';
  expect(labels).toContain(`mean = ${fmt(mean, 3)}`);
  expect(labels).not.toContain('mean 0');
});

test('section 7: where ε matters, the std of Z̃ is |γ|·σ/√(σ² + ε), and its note says that, not |γ| alone beside a smaller number', () => {
  render(<GammaBeta />);
  act(() => appStore.getState().setBn({ gamma: 2, eps: 1 }));
  const s = engineSteps();
  const expected = 2 * Math.sqrt(s.variance / (s.variance + 1));
  expect(Math.abs(summarize(s.y).std - expected)).toBeLessThan(1e-12);
  expect(screen.getByTestId('out-std')).toHaveTextContent(fmt(summarize(s.y).std, 4));
  expect(screen.getByTestId('out-std').parentElement).toHaveTextContent(`|γ|·σ/√(σ² + ε) = ${fmt(expected, 4)}`);
  // At the default ε = 10⁻⁵ the factor is 1 to the digits shown: the note is |γ|.
  act(() => appStore.getState().setBn({ eps: 1e-5 }));
  expect(screen.getByTestId('out-std').parentElement).toHaveTextContent(/\|γ\| = 2$/);
  // At that ε, a narrow batch and a larger γ: the factor is 1 to four digits, |γ| times it is not (it read 2.9999 beside "|γ| = 3").
  act(() => {
    appStore.getState().setBatch({ scale: 0.3 });
    appStore.getState().setBn({ gamma: 3 });
  });
  const t = engineSteps();
  const product = 3 * Math.sqrt(t.variance / (t.variance + 1e-5));
  expect(fmt(product, 4)).not.toBe('3');
  expect(screen.getByTestId('out-std').parentElement).toHaveTextContent(`|γ|·σ/√(σ² + ε) = ${fmt(product, 4)}`);
});
