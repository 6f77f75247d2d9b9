import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { sampleMiniBatch } from '../../../../src';
import { Batch } from '../../../../app/notebook/batch/Batch';
import { Mean } from '../../../../app/notebook/mean/Mean';
import { Variance } from '../../../../app/notebook/variance/Variance';
import { appStore } from '../../../../app/state/store';
import { fmt, tex } from '../../../../app/ui/format';
import { niceDomain } from '../../../../app/ui/scale';
import { snapValue } from '../../../../app/ui/points';
import { engineBatch, engineSteps, liveTex, resetStore, rowCells } from '../engineRef';

beforeEach(resetStore);

const shownBatch = () => rowCells(screen.getByTestId('batch-row'));
const expectedBatch = () => Array.from(engineBatch(), (v) => fmt(v, 3));

test('section 2 lists the engine’s sampleMiniBatch(seed 1, m 8, shift 2, scale 1.5), one point per sample', () => {
  render(<Batch />);
  expect(shownBatch()).toEqual(Array.from(sampleMiniBatch(1, 8, 2, 1.5), (v) => fmt(v, 3)));
  expect(screen.getAllByRole('slider', { name: /^Sample \d+/ })).toHaveLength(8);
});

test('section 2: the m, shift and scale sliders redraw the batch (m 8 → 13, shift → −3.5, scale → 0.5)', () => {
  render(<Batch />);
  fireEvent.change(screen.getByRole('slider', { name: 'Batch size m' }), { target: { value: '13' } });
  expect(shownBatch()).toHaveLength(13);
  expect(screen.getAllByRole('slider', { name: /^Sample \d+/ })).toHaveLength(13);
  fireEvent.change(screen.getByRole('slider', { name: 'Shift' }), { target: { value: '-3.5' } });
  fireEvent.change(screen.getByRole('slider', { name: 'Scale' }), { target: { value: '0.5' } });
  expect(appStore.getState()).toMatchObject({ m: 13, shift: -3.5, scale: 0.5 });
  expect(shownBatch()).toEqual(expectedBatch());
});

test('section 2: the seed field and "Draw a new batch" change the draw; an invalid seed is not applied', async () => {
  const user = userEvent.setup();
  render(<Batch />);
  const seed = screen.getByRole('spinbutton', { name: 'Seed' });
  await user.clear(seed);
  expect(seed).toHaveAttribute('aria-invalid', 'true');
  expect(appStore.getState().seed).toBe(1);
  expect(seed).toHaveAccessibleDescription(/^Seed must be a whole number from 0 to \d+; 1 is kept\.$/);
  await user.type(seed, '42');
  expect(seed).not.toHaveAccessibleDescription();
  expect(appStore.getState().seed).toBe(42);
  expect(shownBatch()).toEqual(Array.from(sampleMiniBatch(42, 8, 2, 1.5), (v) => fmt(v, 3)));
  await user.click(screen.getByRole('button', { name: 'Draw a new batch' }));
  expect(appStore.getState().seed).toBe(43);
  expect(shownBatch()).toEqual(expectedBatch());
});

test('section 2: keyboard moves a point (→ +0.1, Shift+← −1, PageUp +1) and "Put back" restores the draw', async () => {
  const user = userEvent.setup();
  render(<Batch />);
  const z0 = sampleMiniBatch(1, 8, 2, 1.5);
  const point = screen.getByRole('slider', { name: /^Sample 3/ });
  point.focus();
  await user.keyboard('{ArrowRight}');
  expect(appStore.getState().overrides[2]).toBe(snapValue(z0[2] + 0.1));
  await user.keyboard('{Shift>}{ArrowLeft}{/Shift}{PageUp}{PageUp}');
  const moved = snapValue(snapValue(snapValue(snapValue(z0[2] + 0.1) - 1) + 1) + 1);
  expect(appStore.getState().overrides[2]).toBe(moved);
  expect(point).toHaveAttribute('aria-valuetext', `z₃ = ${fmt(moved, 2)}`);
  expect(shownBatch()[2]).toBe(fmt(moved, 3));
  await user.click(screen.getByRole('button', { name: 'Put back 1 moved point' }));
  expect(shownBatch()).toEqual(Array.from(z0, (v) => fmt(v, 3)));
});

test('section 2: dragging a point with the pointer sets it to the value under the pointer (plot 640 px wide in jsdom)', () => {
  render(<Batch />);
  const z0 = sampleMiniBatch(1, 8, 2, 1.5);
  const [lo, hi] = niceDomain(z0, []);
  const point = screen.getByRole('slider', { name: /^Sample 5/ });
  fireEvent.pointerDown(point, { pointerId: 1, clientX: 100 });
  fireEvent.pointerMove(point, { pointerId: 1, clientX: 320 }); // the middle of [20, 620]
  expect(appStore.getState().overrides[4]).toBe(snapValue((lo + hi) / 2));
  fireEvent.pointerMove(point, { pointerId: 1, clientX: 2000 }); // beyond the right end: clamped to the frozen range
  expect(appStore.getState().overrides[4]).toBe(snapValue(hi));
  fireEvent.pointerUp(point, { pointerId: 1 });
  fireEvent.pointerMove(point, { pointerId: 1, clientX: 20 }); // no longer dragging
  expect(appStore.getState().overrides[4]).toBe(snapValue(hi));
});

test('one shared batch: a point moved in section 2 changes μ in section 3 and σ² in section 5, to the engine’s values', async () => {
  const user = userEvent.setup();
  render(
    <>
      <Batch />
      <Mean />
      <Variance />
    </>,
  );
  const [first] = screen.getAllByRole('slider', { name: /^Sample 1 / });
  first.focus();
  await user.keyboard('{PageUp}{PageUp}{PageUp}');
  const s = engineSteps();
  expect(screen.getByTestId('mean-value')).toHaveTextContent(`μ = ${fmt(s.mean, 4)}`);
  expect(screen.getByTestId('variance-value')).toHaveTextContent(fmt(s.variance, 4));
  expect(liveTex(screen.getByTestId('mean-equation')).endsWith(`= ${tex(s.mean, 4)}`)).toBe(true);
});

test('a point, as an ARIA slider, goes to its ends with Home and End (−50 and 50)', async () => {
  const user = userEvent.setup();
  render(<Batch />);
  const [first] = screen.getAllByRole('slider', { name: /^Sample 1 / });
  first.focus();
  await user.keyboard('{End}');
  expect(screen.getAllByRole('slider', { name: /^Sample 1 / })[0]).toHaveAttribute('aria-valuenow', '50');
  await user.keyboard('{Home}');
  expect(screen.getAllByRole('slider', { name: /^Sample 1 / })[0]).toHaveAttribute('aria-valuenow', '-50');
});

/** The page's input attributes written while `during` runs (React writes an input's name and type at each of its updates). */
async function inputWrites(during: () => void): Promise<string[]> {
  const writes: string[] = [];
  const watch = new MutationObserver((records) => {
    for (const r of records) if (r.target instanceof HTMLInputElement) writes.push(`${r.target.type}:${r.attributeName}`);
  });
  watch.observe(document.body, { subtree: true, attributes: true });
  act(during);
  await Promise.resolve();
  watch.disconnect();
  return writes;
}

test('section 2: dragging a point updates no input of its controls (they do not change while it moves)', async () => {
  render(<Batch />);
  // The first move changes "Put back 1 moved point"; the next ones change nothing of the controls.
  act(() => appStore.getState().setPoint(0, 1.2));
  expect(await inputWrites(() => appStore.getState().setPoint(0, 1.234))).toEqual([]);
  expect(shownBatch()[0]).toBe(fmt(1.234, 3));
});
