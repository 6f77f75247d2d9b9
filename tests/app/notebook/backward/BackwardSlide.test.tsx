import { act, configure, render, screen, within } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { notesBackward, notesForward, notesNetworkAfter, transpose } from '../../../../src';
import { BackwardSlide } from '../../../../app/notebook/backward/BackwardSlide';
import { cellText } from '../../../../app/notebook/pass/notesMatrices';
import { appStore, createAppStore } from '../../../../app/state/store';

configure({ defaultHidden: true });
// A whole section renders dozens of KaTeX equations into jsdom: about a second alone, more on a loaded machine.
vi.setConfig({ testTimeout: 15_000 });
beforeEach(() => appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function'))));

const gridNumbers = (grid: HTMLElement) => within(grid).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('gridcell').map((c) => c.textContent));
const expected = (m: { rows: number; cols: number; data: Float64Array }) =>
  Array.from({ length: m.rows }, (_, r) => Array.from({ length: m.cols }, (_, c) => cellText(m.data[r * m.cols + c])));

test('the backward slide at step 9 shows exact and simplified ∂L/∂Z₁ [4 × 6] and the correction', () => {
  act(() => appStore.getState().setNav({ backwardStep: 8 }));
  render(<BackwardSlide />);
  const { net, batch } = notesNetworkAfter(0, 1e-5);
  const g = notesBackward(net, batch, notesForward(net, batch));
  expect(gridNumbers(screen.getByRole('grid', { name: '∂L/∂Z₁ (exact), 4 × 6' }))).toEqual(expected(transpose(g.dZ1)));
  expect(gridNumbers(screen.getByRole('grid', { name: '∂L/∂Z₁ (simplified), 4 × 6' }))).toEqual(expected(transpose(g.dZ1Simplified)));
  expect(screen.getByRole('complementary', { name: 'Correction to the notes: ∂L/∂Z₁' })).toBeInTheDocument();
});
