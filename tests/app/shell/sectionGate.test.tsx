import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { Section } from '../../../app/shell/Section';
import { appStore, createAppStore, useAppState } from '../../../app/state/store';
import { QUIET_MS, setGesture } from '../../../app/state/viewportGate';

/**
 * Only the section holding the focus (the control moved is there) follows the store in the input's own
 * task (issue 15: a γ key press re-rendered five sections before its own panel changed); a section near
 * the viewport follows in the next tasks; a far one keeps its numbers as they were while the controls move
 * (a drag in section 2 re-rendered every section that shows the batch), and catches up when the controls
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
/** Runs the catch-ups due now, one part per task (a 0 ms timer set by a fake timer's callback is due 1 ms later). */
const nextTasks = () =>
  act(() => {
    for (let i = 0; i < 10; i++) vi.advanceTimersByTime(1);
  });
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

test('a near section follows in the next task; a far one keeps its value while the store changes, and catches up when it comes near', () => {
  renderTwo();
  const before = renders;
  act(() => appStore.getState().setBn({ gamma: 1.5 }));
  act(() => appStore.getState().setBn({ gamma: 2 }));
  expect(screen.getByTestId('near-gamma')).toHaveTextContent('1');
  nextTasks();
  expect(screen.getByTestId('near-gamma')).toHaveTextContent('2');
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('1');
  // Only the near section rendered, once for both changes.
  expect(renders - before).toBe(1);
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
  nextTasks();
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

test('outside a gesture (a key press, a click) a far section follows in the next tasks, after the near one; at a gesture’s end it catches up at once', () => {
  renderTwo();
  act(() => appStore.getState().setBn({ gamma: 2 }));
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('1');
  act(() => setGesture(false));
  nextTasks();
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('2');
  act(() => appStore.getState().setBn({ gamma: 0.5 }));
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('2');
  // One part per task, the near one first (the next task's timer is due 1 ms later: see nextTasks).
  act(() => vi.advanceTimersByTime(0));
  expect(screen.getByTestId('near-gamma')).toHaveTextContent('0.5');
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('2');
  nextTasks();
  expect(screen.getByTestId('far-gamma')).toHaveTextContent('0.5');
});

test('the section holding the focus (the control moved is there) follows in the input’s own task', () => {
  render(
    <Section id="own" number={4} title="Own">
      <Gamma testId="own-gamma" />
      <button type="button">control</button>
    </Section>,
  );
  setNear('own', true);
  act(() => screen.getByRole('button').focus());
  act(() => appStore.getState().setBn({ gamma: 1.25 }));
  expect(screen.getByTestId('own-gamma')).toHaveTextContent('1.25');
});
