import { act, configure, render, screen } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { notesBackward, notesForward, notesNetworkAfter, transpose } from '../../../../src';
import { BackwardSlide } from '../../../../app/notebook/backward/BackwardSlide';
import { expectedCells, gridNumbers } from '../engineRef';
import { appStore, createAppStore } from '../../../../app/state/store';

configure({ defaultHidden: true });
// A whole section renders dozens of KaTeX equations into jsdom: about a second alone, more on a loaded machine.
vi.setConfig({ testTimeout: 15_000 });
beforeEach(() => appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function'))));


test('the backward slide at step 9 shows exact and simplified ∂L/∂Z₁ [4 × 6] and the correction', () => {
  act(() => appStore.getState().setNav({ backwardStep: 8 }));
  render(<BackwardSlide />);
  const { net, batch } = notesNetworkAfter(0, 1e-5);
  const g = notesBackward(net, batch, notesForward(net, batch));
  expect(gridNumbers(screen.getByRole('grid', { name: '∂L/∂Z₁ (exact), 4 × 6' }))).toEqual(expectedCells(transpose(g.dZ1)));
  expect(gridNumbers(screen.getByRole('grid', { name: '∂L/∂Z₁ (simplified), 4 × 6' }))).toEqual(expectedCells(transpose(g.dZ1Simplified)));
  expect(screen.getByRole('complementary', { name: 'Correction to the notes: ∂L/∂Z₁' })).toBeInTheDocument();
});
