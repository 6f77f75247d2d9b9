import {
  type Comparison,
  type Experiment,
  type FashionSubset,
  type Split,
  type StepMetrics,
  type Sweep,
  type VariantName,
  VARIANTS,
  createExperiment,
  createSweep,
  experimentComparisonOptions,
  resolveExperimentSettings,
  stepComparison,
  stepSweep,
} from '../../../src';
import { type BoundaryProbe, boundaryImage, createBoundaryProbe, dataExtent, toPoints } from './boundary';
import type { LabEvent, LabRequest, LabRunSettings, RunInfo } from './messages';

/**
 * The training lab's Worker, as a plain object that takes requests and posts events: no DOM, no
 * timers, so Node tests drive it message by message. The Worker entry (lab.worker.ts) only wires
 * `receive` to onmessage, `post` to postMessage, and calls `pump` again after `delayMs` while busy.
 */
export interface LabSessionDeps {
  post(event: LabEvent): void;
  /** Fetches, decompresses, parses and validates the Fashion-MNIST subset; rejects with a readable Error. */
  loadFashion(url: string): Promise<FashionSubset>;
  /** Milliseconds, monotonic. */
  now(): number;
}

export interface PumpResult {
  /** More work is waiting: call pump again after delayMs. */
  readonly busy: boolean;
  readonly delayMs: number;
}

export interface LabSession {
  /** Handles one request; resolves once it is done (a configure that loads data resolves after the load). */
  receive(request: LabRequest): Promise<void>;
  /** Does one slice of the work in progress (training while playing, the sweep): about PUMP_BUDGET_MS. */
  pump(): PumpResult;
}

/** Work per pump: long enough to be efficient, short enough that a pause is obeyed promptly. */
export const PUMP_BUDGET_MS = 60;
/** The boundary is redrawn at most this often while playing. */
export const BOUNDARY_EVERY_MS = 250;
/**
 * While playing, the Worker trains at least this many times as long as the last boundary took before
 * it draws the next, so boundaries take at most 1 / (1 + 5) ≈ 17 % of its time: two 64 × 64
 * boundaries of a 6 × 128 network cost ~300 ms, fifteen training steps.
 */
export const BOUNDARY_COST_FACTOR = 5;

/** Milliseconds to train between two boundaries drawn while playing, after one that took `costMs`. */
export const boundaryGap = (costMs: number): number => Math.max(BOUNDARY_EVERY_MS, BOUNDARY_COST_FACTOR * costMs);
/** Steps per second are measured over windows of this length… */
export const RATE_WINDOW_MS = 1000;
/** …except the first after Play, which is reported once it is this long and holds FIRST_RATE_STEPS steps. */
export const FIRST_RATE_MS = 250;
export const FIRST_RATE_STEPS = 5;
/** While playing slowly, the session sleeps at least this long between pumps (fewer, fuller messages). */
export const MIN_WAKE_MS = 30;
/** The most steps one 'step' request may take. */
export const MAX_STEP_REQUEST = 1000;

interface Run {
  readonly id: number;
  readonly settings: LabRunSettings;
  readonly experiment: Experiment;
  readonly comparison: Comparison;
  readonly probe: BoundaryProbe | null;
  playing: boolean;
  paceAt: number;
  paceStep: number;
  rateAt: number;
  rateSteps: Record<VariantName, number>;
  rates: Record<VariantName, number>;
  /** When the last boundary was finished, and what it cost (ms). */
  boundaryAt: number;
  boundaryCost: number;
  boundaryStep: number;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const emptyLogs = (): Record<VariantName, StepMetrics[]> => ({ plain: [], bn: [] });

export function createLabSession(deps: LabSessionDeps): LabSession {
  const { post, now } = deps;
  let runId = -1;
  let run: Run | null = null;
  let playOnReady = false;
  let speed = 0;
  let sweepId = -1;
  let sweep: Sweep | null = null;

  async function loadData(settings: LabRunSettings, id: number): Promise<Split | undefined> {
    if (settings.data.kind !== 'fashion') return undefined;
    post({ type: 'loading', runId: id, what: 'the Fashion-MNIST subset' });
    const subset = await deps.loadFashion(settings.data.url);
    return { train: subset.train, test: subset.test };
  }

  function info(settings: LabRunSettings, e: Experiment): RunInfo {
    const c = e.comparison, is2d = settings.data.kind === '2d';
    return {
      trainRows: c.train.x.rows,
      testRows: c.test?.x.rows ?? 0,
      inputs: c.train.x.cols,
      classes: c.train.classes,
      hidden: c.config.hidden,
      stepsPerEpoch: c.stepsPerEpoch,
      logEvery: c.config.logEvery,
      evalEvery: c.config.evalEvery,
      probeUnit: c.config.probeUnit,
      maxSteps: settings.maxSteps,
      settings: e.settings,
      points: is2d ? { train: toPoints(e.data.train), test: toPoints(e.data.test) } : null,
      extent: is2d ? dataExtent([e.data.train, e.data.test]) : null,
    };
  }

  const stepsOf = (r: Run, v: VariantName): number => r.comparison.variants[v].diverged?.step ?? r.comparison.step;

  function status(r: Run, stopped: 'both-diverged' | 'step-limit' | null = null): void {
    post({ type: 'status', runId: r.id, playing: r.playing, step: r.comparison.step, stepsPerSecond: { ...r.rates }, stopped });
  }

  function startPace(r: Run): void {
    const t = now();
    r.paceAt = r.rateAt = t;
    r.paceStep = r.comparison.step;
    r.rateSteps = { plain: stepsOf(r, 'plain'), bn: stepsOf(r, 'bn') };
  }

  /** A new rate is due: a full window, or a first (shorter) one with enough steps to mean something. */
  function rateDue(r: Run, t: number): boolean {
    const elapsed = t - r.rateAt;
    if (elapsed >= RATE_WINDOW_MS) return true;
    const measured = r.rates.plain > 0 || r.rates.bn > 0;
    return !measured && elapsed >= FIRST_RATE_MS && Math.max(...VARIANTS.map((v) => stepsOf(r, v) - r.rateSteps[v])) >= FIRST_RATE_STEPS;
  }

  /** Draws and posts both boundaries (unless already drawn at this step), timing them. */
  function boundary(r: Run): void {
    const start = now();
    r.boundaryAt = start;
    if (!r.probe || r.boundaryStep === r.comparison.step) return;
    r.boundaryStep = r.comparison.step;
    const { extent, resolution } = r.probe;
    const images = { plain: null, bn: null } as Record<VariantName, ReturnType<typeof boundaryImage>>;
    for (const v of VARIANTS) {
      const variant = r.comparison.variants[v];
      images[v] = variant.diverged ? null : boundaryImage(variant.model, r.probe);
    }
    post({ type: 'boundary', runId: r.id, step: r.comparison.step, resolution, extent, images });
    r.boundaryAt = now();
    r.boundaryCost = r.boundaryAt - start;
  }

  /** Runs `steps` steps (or until both diverge), posting one metrics event. */
  function advance(r: Run, steps: number, until: () => boolean): 'both-diverged' | 'step-limit' | null {
    const logs = emptyLogs();
    const c = r.comparison;
    let stopped: 'both-diverged' | 'step-limit' | null = null;
    for (let s = 0; s < steps; s++) {
      if (c.step >= r.settings.maxSteps) {
        stopped = 'step-limit';
        break;
      }
      const chunk = stepComparison(c, 1);
      for (const v of VARIANTS) logs[v].push(...chunk.logs[v]);
      if (chunk.done) {
        stopped = 'both-diverged';
        break;
      }
      if (until()) break;
    }
    post({ type: 'metrics', runId: r.id, step: c.step, logs, diverged: { plain: c.variants.plain.diverged, bn: c.variants.bn.diverged } });
    return stopped;
  }

  async function configure(request: Extract<LabRequest, { type: 'configure' }>): Promise<void> {
    runId = request.runId;
    run = null;
    playOnReady = request.play ?? false;
    const { run: settings } = request;
    try {
      const data = await loadData(settings, request.runId);
      if (runId !== request.runId) return;
      const experiment = createExperiment(settings.experiment, data);
      const is2d = settings.data.kind === '2d';
      const runInfo = info(settings, experiment);
      const probe = is2d && runInfo.extent ? createBoundaryProbe(runInfo.extent, settings.boundaryResolution) : null;
      const r: Run = {
        id: request.runId, settings, experiment, comparison: experiment.comparison, probe, playing: false,
        paceAt: 0, paceStep: 0, rateAt: 0, rateSteps: { plain: 0, bn: 0 }, rates: { plain: 0, bn: 0 }, boundaryAt: 0, boundaryCost: 0, boundaryStep: -1,
      };
      run = r;
      post({ type: 'ready', runId: r.id, info: runInfo });
      boundary(r);
      if (playOnReady) play(r);
      else status(r);
    } catch (err) {
      if (runId === request.runId) post({ type: 'error', runId: request.runId, job: 'run', message: message(err) });
    }
  }

  function play(r: Run): void {
    if (r.playing) return;
    if (r.comparison.step >= r.settings.maxSteps) return status(r, 'step-limit');
    r.playing = true;
    // A rate from before a pause is not this play's: the page says “starting…” until one is measured.
    r.rates = { plain: 0, bn: 0 };
    startPace(r);
    status(r);
  }

  async function startSweep(request: Extract<LabRequest, { type: 'sweep' }>): Promise<void> {
    sweepId = request.runId;
    sweep = null;
    try {
      const data = await loadData(request.run, request.runId);
      if (sweepId !== request.runId) return;
      const settings = resolveExperimentSettings(request.run.experiment);
      const split = data ?? createExperiment(settings).data;
      const options = experimentComparisonOptions(settings);
      sweep = createSweep({ ...options, optimizer: { name: settings.optimizer }, learningRates: request.learningRates, steps: request.steps }, split);
    } catch (err) {
      if (sweepId === request.runId) post({ type: 'error', runId: request.runId, job: 'sweep', message: message(err) });
    }
  }

  async function receive(request: LabRequest): Promise<void> {
    switch (request.type) {
      case 'configure':
        return configure(request);
      case 'speed':
        speed = Number.isFinite(request.stepsPerSecond) && request.stepsPerSecond > 0 ? request.stepsPerSecond : 0;
        if (run?.playing) startPace(run);
        return;
      case 'sweep':
        return startSweep(request);
      case 'cancel-sweep':
        if (request.runId === sweepId) sweep = null;
        return;
    }
    if (request.runId !== runId) return;
    if (!run) {
      // Still loading: remember whether to play once the data is there.
      if (request.type === 'play' || request.type === 'pause') playOnReady = request.type === 'play';
      return;
    }
    const r = run;
    if (request.type === 'play') return play(r);
    if (request.type === 'pause') {
      r.playing = false;
      boundary(r);
      return status(r);
    }
    r.playing = false;
    const steps = Math.max(0, Math.min(MAX_STEP_REQUEST, Math.floor(request.steps)));
    const stopped = advance(r, steps, () => false);
    boundary(r);
    status(r, stopped);
  }

  function pumpRun(r: Run, start: number): number {
    const due = (): number => (speed > 0 ? Math.floor(((now() - r.paceAt) * speed) / 1000) - (r.comparison.step - r.paceStep) : Infinity);
    let delay = 0;
    if (due() > 0) {
      const stopped = advance(r, Number.MAX_SAFE_INTEGER, () => due() <= 0 || now() - start >= PUMP_BUDGET_MS);
      if (stopped) {
        r.playing = false;
        boundary(r);
        status(r, stopped);
        return 0;
      }
    }
    const t = now();
    if (t - r.boundaryAt >= boundaryGap(r.boundaryCost)) boundary(r);
    if (rateDue(r, t)) {
      for (const v of VARIANTS) {
        const steps = stepsOf(r, v);
        r.rates[v] = ((steps - r.rateSteps[v]) * 1000) / (t - r.rateAt);
        r.rateSteps[v] = steps;
      }
      r.rateAt = t;
      status(r);
    }
    if (speed > 0) delay = Math.max(MIN_WAKE_MS, Math.min(BOUNDARY_EVERY_MS, ((r.comparison.step - r.paceStep + 1) * 1000) / speed - (t - r.paceAt)));
    return delay;
  }

  function pumpSweep(s: Sweep, start: number): boolean {
    let progress = stepSweep(s, 1);
    while (!progress.done && now() - start < PUMP_BUDGET_MS) progress = stepSweep(s, 1);
    const { done, completedSteps, totalSteps, points } = progress;
    post({ type: 'sweep', runId: sweepId, done, completedSteps, totalSteps, points });
    if (done) sweep = null;
    return !done;
  }

  function pump(): PumpResult {
    const start = now();
    let busy = false, delayMs = Infinity;
    const r = run;
    if (r?.playing) {
      try {
        delayMs = pumpRun(r, start);
      } catch (err) {
        r.playing = false;
        post({ type: 'error', runId: r.id, job: 'run', message: message(err) });
      }
      busy = r.playing;
    }
    if (sweep) {
      try {
        if (pumpSweep(sweep, start)) {
          busy = true;
          delayMs = 0;
        }
      } catch (err) {
        sweep = null;
        post({ type: 'error', runId: sweepId, job: 'sweep', message: message(err) });
      }
    }
    return { busy, delayMs: busy ? delayMs : 0 };
  }

  return { receive, pump };
}
