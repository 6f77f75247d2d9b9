import { type ComparisonChunk, type StepMetrics, VARIANTS, type VariantName } from '../../../src/train';
import { PUMP_BUDGET_MS } from '../../worker/driver';
import { errorMessage } from '../../worker/errorMessage';
import { createBoundaryProbe } from './boundary';
import { createBoundaryPainter } from './boundaryPainter';
import type { LabEvent, LabRunSettings, LabSnapshot } from './messages';
import { createPacer, stepRequest } from './pacing';
import { runInfo } from './runInfo';
import type { LabTrainer } from './trainer';

/** Why playing stopped by itself. */
export type Stopped = 'both-diverged' | 'step-limit' | null;

export interface RunDeps {
  post(event: LabEvent): void;
  /** Milliseconds, monotonic. */
  now(): number;
}

/** Work per pump while replaying: longer than a played pump (fewer, fuller messages), short enough to obey a new setting promptly. */
export const REPLAY_BUDGET_MS = 100;

/** One configured run in the Worker: its two networks, whether it plays, its pace and its boundaries. */
export interface LabRun {
  readonly playing: boolean;
  /** Playing, or replaying to a step: the session keeps pumping. */
  readonly busy: boolean;
  /**
   * Posts 'ready'; then replays to step `resumeAt` (if > 0, at most maxSteps: see `pump`), or posts the
   * step-0 boundary and plays (`play`) or says it is paused.
   */
  begin(play: boolean, resumeAt?: number): void;
  play(): void;
  pause(): void;
  /** Takes `steps` steps now (see stepRequest), paused. */
  step(steps: number): void;
  /** Starts the pace again from now (the speed changed). */
  repace(): void;
  /** A copy of the BN network now, with the test set (for the fold section). */
  snapshot(): LabSnapshot;
  /**
   * One slice of work begun at `start`: while replaying, as many steps as REPLAY_BUDGET_MS allows (one
   * metrics event), pausing at the replay's step with its boundary and status; while playing at
   * `speed` steps/s, what is due. Returns the ms to sleep.
   */
  pump(start: number, speed: number): number;
}

/**
 * Up to `count` shared steps of `c` (mutated), one at a time, stopping early once `until()` says so,
 * at `maxSteps`, or when both networks have diverged: the logged metrics, and why it stopped by itself.
 */
export function trainSteps(
  c: { readonly step: number; stepOnce(): ComparisonChunk }, maxSteps: number, count: number, until: () => boolean,
): { logs: Record<VariantName, StepMetrics[]>; stopped: Stopped } {
  const logs: Record<VariantName, StepMetrics[]> = { plain: [], bn: [] };
  for (let s = 0; s < count; s++) {
    if (c.step >= maxSteps) return { logs, stopped: 'step-limit' };
    const chunk = c.stepOnce();
    for (const v of VARIANTS) logs[v].push(...chunk.logs[v]);
    if (chunk.done) return { logs, stopped: 'both-diverged' };
    if (until()) break;
  }
  return { logs, stopped: null };
}

/** The step a replay runs to: `resumeAt`, whole, at most the run's limit; null for none (0). */
const replayTarget = (resumeAt: number, maxSteps: number): number | null => {
  const target = Math.min(Math.floor(resumeAt), maxSteps);
  return target > 0 ? target : null;
};

export function createRun(id: number, settings: LabRunSettings, c: LabTrainer, { post, now }: RunDeps): LabRun {
  const info = runInfo(settings, c);
  const probe = info.extent ? createBoundaryProbe(info.extent, settings.boundaryResolution) : null;
  const boundary = createBoundaryPainter(id, c.mlp, probe, post, now);
  const pacer = createPacer(now, () => c.step, () => ({ plain: c.diverged('plain')?.step ?? c.step, bn: c.diverged('bn')?.step ?? c.step }));
  let playing = false;
  /** The step a replay runs to, as fast as it goes (no pace, no boundaries on the way), or null. */
  let replayTo: number | null = null;

  const status = (stopped: Stopped = null): void =>
    post({ type: 'status', runId: id, playing, step: c.step, stepsPerSecond: { ...pacer.rates }, stopped });

  /** Trains (see trainSteps) and posts one metrics event. */
  function train(count: number, until: () => boolean): Stopped {
    const { logs, stopped } = trainSteps(c, settings.maxSteps, count, until);
    post({ type: 'metrics', runId: id, step: c.step, logs, diverged: { plain: c.diverged('plain'), bn: c.diverged('bn') } });
    return stopped;
  }

  /** Pauses (on request or by itself, or at the end of a replay): the boundary at this step, then the status. */
  function stop(stopped: Stopped): void {
    playing = false;
    replayTo = null;
    boundary.paint();
    status(stopped);
  }

  function play(): void {
    if (playing) return;
    if (c.step >= settings.maxSteps) return status('step-limit');
    replayTo = null;
    playing = true;
    pacer.start();
    status();
  }

  function pumpPlaying(start: number, speed: number): number {
    if (pacer.due(speed) > 0) {
      const stopped = train(Number.MAX_SAFE_INTEGER, () => pacer.due(speed) <= 0 || now() - start >= PUMP_BUDGET_MS);
      if (stopped) {
        stop(stopped);
        return 0;
      }
    }
    const t = now();
    if (boundary.due(t)) boundary.paint();
    if (pacer.measure(t)) status();
    return pacer.wake(speed, t);
  }

  function pumpReplay(start: number, target: number): number {
    const stopped = train(target - c.step, () => now() - start >= REPLAY_BUDGET_MS);
    if (stopped || c.step >= target) stop(stopped);
    return 0;
  }

  return {
    get playing() {
      return playing;
    },
    get busy() {
      return playing || replayTo !== null;
    },
    begin(playNow, resumeAt = 0) {
      post({ type: 'ready', runId: id, info });
      replayTo = replayTarget(resumeAt, settings.maxSteps);
      if (replayTo !== null) return;
      boundary.paint();
      if (playNow) play();
      else status();
    },
    play,
    pause: () => stop(null),
    // Paused after the steps (a Step while playing pauses): their boundary, then the status.
    step: (count) => stop(train(stepRequest(count), () => false)),
    repace: () => pacer.restart(),
    snapshot: () => c.snapshot(),
    pump(start, speed) {
      try {
        return replayTo !== null ? pumpReplay(start, replayTo) : pumpPlaying(start, speed);
      } catch (err) {
        playing = false;
        replayTo = null;
        post({ type: 'error', runId: id, job: 'run', message: errorMessage(err) });
        return 0;
      }
    },
  };
}
