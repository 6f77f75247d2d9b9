import type { Split } from '../../../src/datasets';
import type { PumpResult, SessionDeps } from '../../worker/driver';
import { errorMessage } from '../../worker/errorMessage';
import type { LabEvent, LabRequest, LabRunSettings } from './messages';
import { type LabRun, createRun } from './run';
import { createSweepJob } from './sweepJob';
import { createTrainer } from './trainer';

/**
 * The training lab's Worker, as a plain object that takes requests and posts events: no DOM, no
 * timers, so Node tests drive it message by message with a fake clock. The Worker entry
 * (lab.worker.ts) only wires `receive` to onmessage, `post` to postMessage, and calls `pump` again
 * after `delayMs` while busy. Its parts: the run (run.ts: playing, stepping; its pace in pacing.ts,
 * its boundaries in boundaryPainter.ts) and the learning-rate sweep (sweepJob.ts).
 */
export interface LabSession {
  /** Handles one request; resolves once it is done (a configure that loads data resolves after the load). */
  receive(request: LabRequest): Promise<void>;
  /** Does one slice of the work in progress (training while playing, the sweep): about PUMP_BUDGET_MS. */
  pump(): PumpResult;
}

export function createLabSession(deps: SessionDeps<LabEvent>): LabSession {
  const { post, now } = deps;
  let runId = -1;
  let run: LabRun | null = null;
  let playOnReady = false;
  let speed = 0;

  async function loadData(settings: LabRunSettings, id: number): Promise<Split | undefined> {
    if (settings.data.kind !== 'fashion') return undefined;
    post({ type: 'loading', runId: id, what: 'the Fashion-MNIST subset' });
    const subset = await deps.loadFashion(settings.data.url);
    return { train: subset.train, test: subset.test };
  }
  const sweep = createSweepJob({ post, now, loadData });

  async function configure(request: Extract<LabRequest, { type: 'configure' }>): Promise<void> {
    runId = request.runId;
    run = null;
    playOnReady = request.play ?? false;
    try {
      const data = await loadData(request.run, request.runId);
      if (runId !== request.runId) return;
      run = createRun(request.runId, request.run, createTrainer(request.run.experiment, data), { post, now });
      run.begin(playOnReady, request.resumeAt ?? 0);
    } catch (err) {
      if (runId === request.runId) post({ type: 'error', runId: request.runId, job: 'run', message: errorMessage(err) });
    }
  }

  async function receive(request: LabRequest): Promise<void> {
    switch (request.type) {
      case 'configure':
        return configure(request);
      case 'speed':
        speed = Number.isFinite(request.stepsPerSecond) && request.stepsPerSecond > 0 ? request.stepsPerSecond : 0;
        if (run?.playing) run.repace();
        return;
      case 'sweep':
        return sweep.start(request);
      case 'cancel-sweep':
        return sweep.cancel(request.runId);
      case 'snapshot':
        return post({ type: 'snapshot', runId: request.runId, requestId: request.requestId, snapshot: request.runId === runId && run ? run.snapshot() : null });
    }
    if (request.runId !== runId) return;
    if (!run) {
      // Still loading: remember whether to play once the data is there.
      if (request.type === 'play' || request.type === 'pause') playOnReady = request.type === 'play';
      return;
    }
    if (request.type === 'play') run.play();
    else if (request.type === 'pause') run.pause();
    else run.step(request.steps);
  }

  function pump(): PumpResult {
    const start = now();
    let busy = false, delayMs = Infinity;
    if (run?.busy) {
      delayMs = run.pump(start, speed);
      busy = run.busy;
    }
    if (sweep.pump(start)) {
      busy = true;
      delayMs = 0;
    }
    return { busy, delayMs: busy ? delayMs : 0 };
  }

  return { receive, pump };
}
