import { VARIANTS, type VariantName } from '../../../src/train';
import { BOUNDARY_EVERY_MS } from './boundaryPainter';

/**
 * The pace of a playing run, as pure functions of a clock reading: how many steps are due at the
 * chosen speed, how long to sleep before the next pump, how many steps a 'step' request may take,
 * and when each network's steps per second are measured. The run (run.ts) holds the state.
 */

/** While playing slowly, the session sleeps at least this long between pumps (fewer, fuller messages). */
export const MIN_WAKE_MS = 30;
/** The most steps one 'step' request may take. */
export const MAX_STEP_REQUEST = 1000;
/** Steps per second are measured over windows of this length… */
export const RATE_WINDOW_MS = 1000;
/** …except the first after Play, which is reported once it is this long and holds FIRST_RATE_STEPS steps. */
export const FIRST_RATE_MS = 250;
export const FIRST_RATE_STEPS = 5;

export type PerVariant = Readonly<Record<VariantName, number>>;

/** Where the current pace began: the clock (ms) and the shared step when Play or a new speed started it. */
export interface Pace {
  readonly at: number;
  readonly step: number;
}

/**
 * Steps the run is behind schedule at time `t`: `speed` steps per second since the pace began, less
 * the steps taken since. At full speed (`speed` 0) every step is due: Infinity.
 */
export function stepsDue(pace: Pace, speed: number, t: number, step: number): number {
  return speed > 0 ? Math.floor(((t - pace.at) * speed) / 1000) - (step - pace.step) : Infinity;
}

/**
 * Milliseconds to sleep after a pump at time `t`: until the next step is due, but at least
 * MIN_WAKE_MS and at most BOUNDARY_EVERY_MS (the boundary stays on time). 0 at full speed.
 */
export function wakeDelay(pace: Pace, speed: number, t: number, step: number): number {
  if (!(speed > 0)) return 0;
  return Math.max(MIN_WAKE_MS, Math.min(BOUNDARY_EVERY_MS, ((step - pace.step + 1) * 1000) / speed - (t - pace.at)));
}

/** The steps a 'step' request takes: whole, from 0 to MAX_STEP_REQUEST. */
export const stepRequest = (steps: number): number => Math.max(0, Math.min(MAX_STEP_REQUEST, Math.floor(steps)));

/** A window over which steps per second are measured: when it opened, and each network's steps then. */
export interface RateWindow {
  readonly at: number;
  readonly steps: PerVariant;
}

/**
 * A new rate is due at time `t`: a full window has passed, or — while nothing has been measured since
 * Play (`rates` all 0) — a first, shorter one with enough steps to mean something.
 */
export function rateDue(window: RateWindow, rates: PerVariant, t: number, steps: PerVariant): boolean {
  const elapsed = t - window.at;
  if (elapsed >= RATE_WINDOW_MS) return true;
  const measured = rates.plain > 0 || rates.bn > 0;
  return !measured && elapsed >= FIRST_RATE_MS && Math.max(...VARIANTS.map((v) => steps[v] - window.steps[v])) >= FIRST_RATE_STEPS;
}

/** Each network's steps per second over the window ending at `t`, when it had taken `steps`. */
export function measureRates(window: RateWindow, t: number, steps: PerVariant): PerVariant {
  const rate = (v: VariantName): number => ((steps[v] - window.steps[v]) * 1000) / (t - window.at);
  return { plain: rate('plain'), bn: rate('bn') };
}

/** A playing run's pace and measured rates, read off `now` and the run's step counts. */
export interface Pacer {
  /** Each network's steps per second, last measured (all 0: not yet, since Play). */
  readonly rates: PerVariant;
  /** Play: forgets the rates (a rate from before a pause is not this play's) and starts the pace. */
  start(): void;
  /** Starts the pace and the rate window again from now (the speed changed). */
  restart(): void;
  /** Steps due now at `speed` (see stepsDue). */
  due(speed: number): number;
  /** Measures the rates if due at time `t`; true if it did. */
  measure(t: number): boolean;
  /** Milliseconds to sleep after a pump at time `t` (see wakeDelay). */
  wake(speed: number, t: number): number;
}

/**
 * `step()` is the run's shared step; `steps()` each network's (a diverged one stopped at its
 * divergence, so its rate falls to 0).
 */
export function createPacer(now: () => number, step: () => number, steps: () => PerVariant): Pacer {
  let pace: Pace = { at: 0, step: 0 };
  let window: RateWindow = { at: 0, steps: { plain: 0, bn: 0 } };
  let rates: PerVariant = { plain: 0, bn: 0 };
  function restart(): void {
    const t = now();
    pace = { at: t, step: step() };
    window = { at: t, steps: steps() };
  }
  return {
    get rates() {
      return rates;
    },
    start() {
      rates = { plain: 0, bn: 0 };
      restart();
    },
    restart,
    due: (speed) => (speed > 0 ? stepsDue(pace, speed, now(), step()) : Infinity),
    measure(t) {
      const counts = steps();
      if (!rateDue(window, rates, t, counts)) return false;
      rates = measureRates(window, t, counts);
      window = { at: t, steps: counts };
      return true;
    },
    wake: (speed, t) => wakeDelay(pace, speed, t, step()),
  };
}
