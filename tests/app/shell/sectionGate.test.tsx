import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { Section } from '../../../app/shell/Section';
import { appStore, createAppStore, useAppState } from '../../../app/state/store';
import { QUIET_MS, setGesture } from '../../../app/state/viewportGate';

/**
 * A section far from the viewport keeps its numbers as they were while the controls move (issue 15: a
 * drag in section 2 re-rendered every section that shows the batch), and catches up when the controls
 * are still for a moment, when it comes near, when it takes the focus and when the page prints.
 * IntersectionObserver is stubbed: the test says when a section is near.
 */
const observers: { el: Element; cb: IntersectionObserverCallback }[] = [];
class Observer {
  constructor(private readonly cb: IntersectionObserverCallback) {}
  observe(el: Element) {
    observers.push({ el, cb: this.cb });
  }
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
const setNear = (id: string, near: boolean) =>
  act(() => {
    for (const o of observers.filter((x) => x.el.id === id)) o.cb([{ isIntersecting: near, target: o.el } as unknown as IntersectionObserverEntry], {} as IntersectionObserver);
  });

let renders = 0;
function Gamma({ testId }: { testId: string }) {
  renders++;
  return <span data-testid={testId}>{useAppState((s) => s.gamma)}</span>;
}

beforeEach(() => {
  vi.useFakeTimers();
  // A drag is going on (a pointer held down): far sections wait only then.
  setGesture(true);
  appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function')));
  vi.stubGlobal('IntersectionObserver', Observer);
  observers.length = 0;
  renders = 0;
});
afterEach(() => {
  // The far sections' catch-up timer is the page's one: let it run out before the next test.
  setGesture(false);
  act(() => vi.runAllTimers());
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function renderTwo() {
  render(
    <>
      <Section id="near" number={1} title="Near">
        <Gamma testId="near-gamma" />
      </Section>
      <Section id="far" number={2} title="Far">
        <Gamma testId="far-gamma" />
      </Section>
    </>,
  );
  setNear('near', true);
  setNear('far', false);
}

test('a far section keeps its value while the store changes, and catches up when it comes near', () => {
  renderTwo();
  const before = renders;
  act(() => appStore.getState().setBn({ gamma: 1.5 }));
  act(() => appStore.getState().setBn({ gamma: 2 }));
  expect(screen.getByTestId('near-gamma')).toHaveTextContent('2');
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('1');
  // Only the near section rendered, once a change.
  expect(renders - before).toBe(2);
  setNear('far', true);
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('2');
});

test('before the observer reports, a section reads the store (the first render and jsdom without an observer)', () => {
  render(
    <Section id="new" number={3} title="New">
      <Gamma testId="new-gamma" />
    </Section>,
  );
  act(() => appStore.getState().setBn({ gamma: -0.5 }));
  expect(screen.getByTestId('new-gamma')).toHaveTextContent('-0.5');
});

test('printing shows every section up to date', () => {
  renderTwo();
  act(() => appStore.getState().setBn({ gamma: 3 }));
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('1');
  act(() => window.dispatchEvent(new Event('beforeprint')));
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('3');
  act(() => window.dispatchEvent(new Event('afterprint')));
});

test('a far section catches up once the controls have been still for a moment, not during a drag', () => {
  renderTwo();
  for (const gamma of [1.1, 1.2, 1.3, 1.4]) {
    act(() => appStore.getState().setBn({ gamma }));
    act(() => vi.advanceTimersByTime(QUIET_MS / 2));
  }
  expect(screen.getByTestId('near-gamma')).toHaveTextContent('1.4');
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('1');
  act(() => vi.advanceTimersByTime(QUIET_MS));
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('1.4');
});

test('a far section that takes the focus reads the store at once (a slider there steps from its own value)', () => {
  render(
    <Section id="far" number={2} title="Far">
      <Gamma testId="far-gamma" />
      <button type="button">in the section</button>
    </Section>,
  );
  setNear('far', false);
  act(() => appStore.getState().setBn({ gamma: 2.5 }));
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('1');
  act(() => screen.getByRole('button').focus());
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('2.5');
});

test('outside a gesture (a key press, a click) a far section follows at once; at a gesture’s end it catches up at once', () => {
  renderTwo();
  act(() => appStore.getState().setBn({ gamma: 2 }));
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('1');
  act(() => setGesture(false));
  act(() => vi.advanceTimersByTime(0));
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('2');
  act(() => appStore.getState().setBn({ gamma: 0.5 }));
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('0.5');
});
