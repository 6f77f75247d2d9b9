import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { summarize } from '../../../../src';
import { Normalize } from '../../../../app/notebook/normalize/Normalize';
import { appStore } from '../../../../app/state/store';
import { fmt, tex } from '../../../../app/ui/format';
import { engineSteps, liveTex, resetStore, rowCells } from '../engineRef';

beforeEach(resetStore);

test('section 6 shows the engine’s Zₙₒᵣₘ, √(σ² + ε) and the mean and std of Zₙₒᵣₘ (m = 8, ε = 10⁻⁵)', () => {
  render(<Normalize />);
  const s = engineSteps();
  expect(rowCells(screen.getByTestId('znorm-row'))).toEqual(Array.from(s.zNorm, (v) => fmt(v, 3)));
  expect(screen.getByTestId('normalize-std')).toHaveTextContent(fmt(s.std, 4));
  expect(screen.getByTestId('znorm-std')).toHaveTextContent(fmt(summarize(s.zNorm).std, 6));
  expect(liveTex(screen.getByTestId('normalize-equation')).endsWith(`= ${tex(s.zNorm[0], 4)}`)).toBe(true);
  // The mean this batch leaves (1.39×10⁻¹⁶, not 0) is named as rounding, as section 4 names its own.
  const mean = summarize(s.zNorm).mean;
  expect(mean).not.toBe(0);
  expect(screen.getByTestId('znorm-mean')).toHaveTextContent(fmt(mean, 3));
  expect(screen.getByTestId('znorm-mean').parentElement).toHaveTextContent(/zero up to rounding$/);
});

test('section 6: a large ε (log slider at 10⁰) shrinks the spread and says so', () => {
  render(<Normalize />);
  fireEvent.change(screen.getByRole('slider', { name: 'ε (log scale)' }), { target: { value: '0' } });
  expect(appStore.getState().eps).toBe(1);
  const s = engineSteps();
  expect(screen.getByTestId('znorm-std')).toHaveTextContent(fmt(summarize(s.zNorm).std, 6));
  expect(screen.getByTestId('normalize-status')).toHaveTextContent('ε is not small next to σ²');
});

test('section 6: σ² = 0 with ε = 0 is explained as 0/0, never printed as NaN; ε > 0 then gives Zₙₒᵣₘ = 0', async () => {
  const user = userEvent.setup();
  const { container } = render(<Normalize />);
  await user.click(screen.getByRole('button', { name: 'Put every point on one value (σ² = 0)' }));
  fireEvent.change(screen.getByRole('slider', { name: 'ε (log scale)' }), { target: { value: '-10.5' } });
  expect(appStore.getState().eps).toBe(0);
  expect(engineSteps().variance).toBe(0);
  expect(screen.getByTestId('normalize-status')).toHaveTextContent('Zₙₒᵣₘ is undefined: 0 divided by 0');
  expect(screen.getByTestId('znorm-std')).toHaveTextContent('undefined');
  expect(rowCells(screen.getByTestId('znorm-row'))).toEqual(new Array(8).fill('undefined'));
  expect(container.textContent).not.toMatch(/NaN/);
  fireEvent.change(screen.getByRole('slider', { name: 'ε (log scale)' }), { target: { value: '-5' } });
  expect(screen.getByTestId('normalize-status')).toHaveTextContent('No spread: Zₙₒᵣₘ is 0');
  expect(rowCells(screen.getByTestId('znorm-row'))).toEqual(new Array(8).fill('0'));
  await user.click(screen.getByRole('button', { name: 'Put the points back' }));
  expect(appStore.getState().overrides).toEqual({});
});

test('section 6: three equal values 0.7 with ε = 0 are rounding noise, and the page says so', () => {
  render(<Normalize />);
  act(() => {
    appStore.getState().setBatch({ m: 3 });
    [0, 1, 2].forEach((i) => appStore.getState().setPoint(i, 0.7));
  });
  fireEvent.change(screen.getByRole('slider', { name: 'ε (log scale)' }), { target: { value: '-10.5' } });
  expect(engineSteps().variance).toBeGreaterThan(0);
  expect(screen.getByTestId('normalize-status')).toHaveTextContent('Dividing rounding noise by rounding noise');
  // The plot's mean line sits at the noise's mean, and its label says that number, not "mean 0".
  const mean = summarize(engineSteps().zNorm).mean;
  expect(Math.abs(mean)).toBeGreaterThan(0.5);
  const labels = [...document.querySelectorAll('.plot-svg')].map((e) => e.textContent).join(' ');
  expect(labels).toContain(`mean = ${fmt(mean, 3)}`);
  expect(labels).not.toContain('mean 0');
});

test('section 6: a mean of Zₙₒᵣₘ that is rounding, judged against the size of the z’s over √(σ² + ε), not an absolute 10⁻⁹: every point at 9.9, m = 60, ε = 10⁻¹⁰ reads “mean ≈ 0”, zero up to rounding', () => {
  const { container } = render(<Normalize />);
  act(() => {
    appStore.getState().setBatch({ m: 60, scale: 0, shift: 9.9 });
    appStore.getState().setBn({ eps: 1e-10 });
  });
  const mean = summarize(engineSteps().zNorm).mean;
  expect(Math.abs(mean)).toBeGreaterThan(1e-9); // past the old absolute rule, which printed it as a number
  expect(Math.abs(mean)).toBeLessThan(1e-8);
  expect(screen.getByTestId('normalize-status')).toHaveTextContent('No spread: Zₙₒᵣₘ is 0');
  expect(screen.getByTestId('znorm-mean').parentElement).toHaveTextContent(/zero up to rounding$/);
  const labels = [...container.querySelectorAll('.plot-svg')].map((e) => e.textContent).join(' ');
  expect(labels).toContain('mean ≈ 0');
  expect(labels).not.toContain('mean =');
});
