import { act, configure, render, screen } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { notesForward, notesNetworkAfter, transpose } from '../../../src';
import { OUTLINE } from '../../../app/outline';
import { SLIDES } from '../../../app/presentation/deck';
import { expectedCells, gridNumbers } from './engineRef';
import { appStore, createAppStore } from '../../../app/state/store';

configure({ defaultHidden: true });
// A whole section renders dozens of KaTeX equations into jsdom: about a second alone, more on a loaded machine.
vi.setConfig({ testTimeout: 15_000 });
beforeEach(() => appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function'))));


test('sections 11 and 12 give presentation mode 10 steps each, every step setting its store step and drawn by a slide', () => {
  const [forward, backward] = ['forward', 'backward'].map((id) => OUTLINE.find((s) => s.id === id));
  expect(forward?.steps.map((s) => s.state?.forwardStep)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(backward?.steps.map((s) => s.state?.backwardStep)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  // One slide component per pass (ForwardSlide, BackwardSlide), loaded with the section's code.
  const components = (id: string) => new Set(SLIDES.filter((s) => s.sectionId === id).map((s) => s.Component));
  expect(components('forward').size).toBe(1);
  expect(components('backward').size).toBe(1);
  expect(components('forward')).not.toEqual(components('backward'));
});

test('the deck’s step of section 11 draws the forward slide once its code has loaded: step 6 shows Z₂ [3 × 6]', async () => {
  const Step = SLIDES.filter((s) => s.sectionId === 'forward')[5].Component;
  act(() => appStore.getState().setNav({ forwardStep: 5 }));
  render(<Step />);
  const { net, batch } = notesNetworkAfter(0, 1e-5);
  expect(gridNumbers(await screen.findByRole('grid', { name: 'Z₂, 3 × 6' }, { timeout: 10_000 }))).toEqual(expectedCells(transpose(notesForward(net, batch).z2)));
});
