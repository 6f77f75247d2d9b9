import { act, configure, render, screen } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { notesForward, notesNetworkAfter, transpose } from '../../../../src';
import { ForwardSlide } from '../../../../app/notebook/forward/ForwardSlide';
import { expectedCells, gridNumbers } from '../engineRef';
import { appStore, createAppStore } from '../../../../app/state/store';

configure({ defaultHidden: true });
// A whole section renders dozens of KaTeX equations into jsdom: about a second alone, more on a loaded machine.
vi.setConfig({ testTimeout: 15_000 });
beforeEach(() => appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function'))));


test('the forward slide follows forwardStep: step 6 shows Z₂ [3 × 6] as the engine computes it', () => {
  act(() => appStore.getState().setNav({ forwardStep: 5 }));
  render(<ForwardSlide />);
  const { net, batch } = notesNetworkAfter(0, 1e-5);
  expect(gridNumbers(screen.getByRole('grid', { name: 'Z₂, 3 × 6' }))).toEqual(expectedCells(transpose(notesForward(net, batch).z2)));
});
