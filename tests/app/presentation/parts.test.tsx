import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, test } from 'vitest';
import { placeSteps, type SectionOutline, STEPS, ZOOM, largestReveal } from '../../../app/outline';
import { forwardMove, goBack, goForward, revealsOf, shownParts } from '../../../app/presentation/parts';
import { ZoomButtons } from '../../../app/presentation/Zoom';
import { appStore, createAppStore } from '../../../app/state/store';
import { defaultValues } from '../../../app/state/url/table';

const outline: SectionOutline[] = [
  { id: 'a', number: 1, title: 'A', steps: [{ id: 'a', title: 'A', reveals: ['the numbers', 'the verdict'] }] },
  { id: 'b', number: 2, title: 'B', steps: [{ id: 'b', title: 'B' }] },
  { id: 'c', number: 3, title: 'C', steps: [{ id: 'c', title: 'C', reveals: ['the verdict'] }] },
];
const slides = placeSteps(outline);

describe('a step’s hidden parts (outline reveals)', () => {
  test('→ scrolls to what is below first, then reveals the next part, then moves on; at the end it does nothing', () => {
    expect(forwardMove(slides, 0, 0, true)).toBe('scroll');
    expect(forwardMove(slides, 0, 0, false)).toBe('reveal');
    expect(forwardMove(slides, 0, 2, false)).toBe('step');
    expect(forwardMove(slides, 1, 0, false)).toBe('step');
    expect(forwardMove(slides, 2, 1, false)).toBe('none');
    expect(revealsOf(slides, 0)).toBe(2);
    expect(shownParts(slides, 1, 3)).toBe(0);
    expect(shownParts(slides, 0, 9)).toBe(2);
  });

  test('→ and ← through the deck: each part in turn, back to the step before with its parts all shown', () => {
    const store = createAppStore();
    const at = () => [store.getState().step, store.getState().part];
    store.getState().setNav({ presenting: true, step: 0 });
    const seen = [at()];
    for (let i = 0; i < 6; i++) {
      goForward(store, slides, false);
      seen.push(at());
    }
    expect(seen).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [2, 0], [2, 1], [2, 1]]);
    goBack(store, slides);
    expect(at()).toEqual([2, 0]);
    goBack(store, slides);
    expect(at()).toEqual([1, 0]);
    goBack(store, slides);
    expect(at()).toEqual([0, 2]);
    expect(store.getState().section).toBe('a');
  });

  test('a new step starts with its parts hidden (a jump, the overview, a link); leaving the deck forgets them', () => {
    const store = createAppStore();
    store.getState().setNav({ presenting: true, step: 0, part: 2 });
    store.getState().setNav({ step: 2 });
    expect(store.getState().part).toBe(0);
    store.getState().setNav({ part: 1 });
    store.getState().setNav({ presenting: false });
    expect(store.getState().part).toBe(0);
  });

  test('the notebook’s outline: every revealing step names its parts, and the URL bounds part by the most any step has', () => {
    expect(largestReveal(STEPS)).toBe(Math.max(...STEPS.map((s) => s.step.reveals?.length ?? 0)));
    for (const s of STEPS) for (const name of s.step.reveals ?? []) expect(name).toMatch(/\S/);
    expect(STEPS.filter((s) => (s.step.reveals?.length ?? 0) > 0).length).toBeGreaterThan(20);
  });
});

describe('the presenter’s zoom', () => {
  beforeEach(() => act(() => appStore.setState(defaultValues())));

  test('A− and A+ step the text size by 10 % within its range, and say it', () => {
    render(<ZoomButtons />);
    const larger = screen.getByRole('button', { name: /larger text/ });
    fireEvent.click(larger);
    expect(appStore.getState().zoom).toBe(110);
    expect(screen.getByRole('group', { name: 'Text size' }).textContent).toContain('110 %');
    for (let i = 0; i < 20; i++) fireEvent.click(larger);
    expect(appStore.getState().zoom).toBe(ZOOM.max);
    expect((larger as HTMLButtonElement).disabled).toBe(true);
    const smaller = screen.getByRole('button', { name: /smaller text/ });
    for (let i = 0; i < 30; i++) fireEvent.click(smaller);
    expect(appStore.getState().zoom).toBe(ZOOM.min);
  });
});
