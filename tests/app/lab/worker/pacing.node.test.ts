import { describe, expect, test } from 'vitest';
import {
  FIRST_RATE_MS,
  FIRST_RATE_STEPS,
  MAX_STEP_REQUEST,
  MIN_WAKE_MS,
  RATE_WINDOW_MS,
  createPacer,
  measureRates,
  rateDue,
  stepRequest,
  stepsDue,
  wakeDelay,
} from '../../../../app/lab/worker/pacing';
import { BOUNDARY_EVERY_MS } from '../../../../app/lab/worker/boundaryPainter';

const pace = { at: 1000, step: 40 };

describe('stepsDue: how far behind its speed a playing run is', () => {
  test.each([
    // speed (steps/s), clock (ms), step now → steps due
    [10, 1000, 40, 0],
    [10, 1099, 40, 0],
    [10, 1100, 40, 1],
    [10, 1550, 40, 5],
    [10, 1550, 43, 2],
    [10, 1550, 45, 0],
    [10, 1550, 47, -2], // ahead of schedule
    [300, 1500, 40, 150],
    [0, 1000, 40, Infinity], // as fast as possible: always due
    [0, 99_999, 1e6, Infinity],
  ])('at %s steps/s, clock %s ms, step %s → %s due', (speed, t, step, want) => {
    expect(stepsDue(pace, speed, t, step)).toBe(want);
  });
});

describe('wakeDelay: how long the session sleeps after a pump', () => {
  test.each([
    // speed, clock, step → ms: until the next step is due, clamped to [MIN_WAKE_MS, BOUNDARY_EVERY_MS]
    [0, 1000, 40, 0], // full speed: at once
    [10, 1000, 40, 100], // step 41 is due at 1100
    [10, 1060, 40, 40],
    [10, 1090, 40, MIN_WAKE_MS], // 10 ms away: sleep at least MIN_WAKE_MS
    [10, 1200, 40, MIN_WAKE_MS], // behind schedule
    [1, 1000, 40, BOUNDARY_EVERY_MS], // 1 s away: wake for the boundary first
    [1000, 1000, 40, MIN_WAKE_MS],
  ])('at %s steps/s, clock %s ms, step %s → %s ms', (speed, t, step, want) => {
    expect(wakeDelay(pace, speed, t, step)).toBeCloseTo(want, 9);
  });
});

describe('stepRequest: the steps one Step request may take', () => {
  test.each([
    [1, 1],
    [25, 25],
    [2.9, 2],
    [0, 0],
    [-5, 0],
    [MAX_STEP_REQUEST, MAX_STEP_REQUEST],
    [MAX_STEP_REQUEST + 1, MAX_STEP_REQUEST],
    [Infinity, MAX_STEP_REQUEST],
  ])('%s → %s', (asked, want) => expect(stepRequest(asked)).toBe(want));
});

describe('rateDue and measureRates: steps per second, each network', () => {
  const window = { at: 0, steps: { plain: 100, bn: 100 } };
  const none = { plain: 0, bn: 0 }, some = { plain: 50, bn: 60 };
  test.each([
    // rates so far, clock, steps now → due?
    [none, FIRST_RATE_MS - 1, { plain: 200, bn: 200 }, false], // too short a window
    [none, FIRST_RATE_MS, { plain: 100 + FIRST_RATE_STEPS - 1, bn: 100 + FIRST_RATE_STEPS - 1 }, false], // too few steps
    [none, FIRST_RATE_MS, { plain: 100, bn: 100 + FIRST_RATE_STEPS }, true], // the first rate, early: one network suffices
    [some, FIRST_RATE_MS, { plain: 200, bn: 200 }, false], // later rates wait for a whole window
    [some, RATE_WINDOW_MS - 1, { plain: 200, bn: 200 }, false],
    [some, RATE_WINDOW_MS, { plain: 100, bn: 100 }, true], // a whole window, even without steps
    [none, RATE_WINDOW_MS, { plain: 100, bn: 100 }, true],
  ])('rates %o, clock %s ms, steps %o → %s', (rates, t, steps, want) => {
    expect(rateDue(window, rates, t, steps)).toBe(want);
  });

  test('rates are steps over seconds; a diverged network (steps frozen) rates 0', () => {
    expect(measureRates(window, 500, { plain: 100, bn: 160 })).toEqual({ plain: 0, bn: 120 });
    expect(measureRates({ at: 1000, steps: { plain: 0, bn: 0 } }, 2000, { plain: 45, bn: 45 })).toEqual({ plain: 45, bn: 45 });
  });
});

describe('createPacer: the state a playing run keeps', () => {
  test('start forgets the rates and opens the pace and the window at the current clock and steps', () => {
    let t = 0, step = 0;
    const p = createPacer(() => t, () => step, () => ({ plain: step, bn: step }));
    t = 5000;
    step = 70;
    p.start();
    expect(p.rates).toEqual({ plain: 0, bn: 0 });
    expect(p.due(10)).toBe(0);
    t += 300;
    expect(p.due(10)).toBe(3);
    step += 10;
    expect(p.measure(t)).toBe(true); // 10 steps in 300 ms: the first rate
    expect(p.rates).toEqual({ plain: 10_000 / 300, bn: 10_000 / 300 });
    expect(p.measure(t + 500)).toBe(false);
    expect(p.wake(10, t)).toBe(BOUNDARY_EVERY_MS); // 11 steps ahead of 10/s × 0.3 s: sleep as long as allowed
    p.start();
    expect(p.rates).toEqual({ plain: 0, bn: 0 });
  });
});
