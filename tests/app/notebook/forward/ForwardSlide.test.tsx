import { act, configure, render, screen, within } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { notesForward, notesNetworkAfter, transpose } from '../../../../src';
import { ForwardSlide } from '../../../../app/notebook/forward/ForwardSlide';
import { cellText } from '../../../../app/notebook/pass/notesMatrices';
import { appStore, createAppStore } from '../../../../app/state/store';

configure({ defaultHidden: true });
// A whole section renders dozens of KaTeX equations into jsdom: about a second alone, more on a loaded machine.
vi.setConfig({ testTimeout: 15_000 });
beforeEach(() => appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function'))));

const gridNumbers = (grid: HTMLElement) => within(grid).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('gridcell').map((c) => c.textContent));
const expected = (m: { rows: number; cols: number; data: Float64Array }) =>
  Array.from({ length: m.rows }, (_, r) => Array.from({ length: m.cols }, (_, c) => cellText(m.data[r * m.cols + c])));

test('the forward slide follows forwardStep: step 6 shows Z₂ [3 × 6] as the engine computes it', () => {
  act(() => appStore.getState().setNav({ forwardStep: 5 }));
  render(<ForwardSlide />);
  const { net, batch } = notesNetworkAfter(0, 1e-5);
  expect(gridNumbers(screen.getByRole('grid', { name: 'Z₂, 3 × 6' }))).toEqual(expected(transpose(notesForward(net, batch).z2)));
});
