// This file is longer than 300 lines: it drives the lab's Worker protocol message by message — configure,
// play, pause, step, replay, speed, sweep, errors — and the cases share one fake clock and event log.
import { describe, expect, test } from 'vitest';
import {
  type FashionSubset,
  type StepMetrics,
  createExperiment,
  decodeFashionSubset,
  encodeFashionSubset,
  parseFashionSubset,
  predict,
  runSweep,
  stepComparison,
} from '../../../../src';
import type { LabEvent, LabRequest, LabRunSettings } from '../../../../app/lab/worker/messages';
import { createLabSession } from '../../../../app/lab/worker/session';
import { FIRST_RATE_MS, MAX_STEP_REQUEST, RATE_WINDOW_MS } from '../../../../app/lab/worker/pacing';
import { PUMP_BUDGET_MS } from '../../../../app/worker/driver';
import { gridPoints } from '../../../../app/lab/worker/boundary';
import { REPLAY_BUDGET_MS } from '../../../../app/lab/worker/run';

/** A session with a fake clock (each reading advances it by `tick` ms) and a log of what it posted. */
function harness(loadFashion: (url: string) => Promise<FashionSubset> = () => Promise.reject(new Error('no data here')), tick = 1) {
  const events: LabEvent[] = [];
  let t = 0;
  const clock = { advance: (ms: number) => (t += ms) };
  const session = createLabSession({ post: (e) => events.push(e), loadFashion, now: () => (t += tick) });
  const take = <T extends LabEvent['type']>(type: T) => events.filter((e): e is Extract<LabEvent, { type: T }> => e.type === type);
  const send = (r: LabRequest) => session.receive(r);
  /** Pumps until the session is idle (or `max` pumps), advancing the clock by each requested delay. */
  const pumpAll = (max = 1000) => {
    for (let i = 0; i < max; i++) {
      const r = session.pump();
      if (!r.busy) return i + 1;
      clock.advance(r.delayMs);
    }
    return max;
  };
  return { events, session, take, send, pumpAll, clock };
}

const run2d = (experiment: LabRunSettings['experiment'] = {}, maxSteps = 10_000): LabRunSettings => ({
  experiment: { logEvery: 1, evalEvery: 10, ...experiment },
  data: { kind: '2d' },
  maxSteps,
  boundaryResolution: 8,
});

/** The engine's own run for the same settings: what every lab event must agree with. */
function reference(experiment: LabRunSettings['experiment'], steps: number) {
  const c = createExperiment({ logEvery: 1, evalEvery: 10, ...experiment }).comparison;
  return { c, chunk: stepComparison(c, steps) };
}

const logsOf = (events: LabEvent[], v: 'plain' | 'bn'): StepMetrics[] => events.flatMap((e) => (e.type === 'metrics' ? e.logs[v] : []));

describe('lab protocol: configure → ready, boundary, status', () => {
  test('a 2-D run reports its data (450 train / 150 test points of spiral), a square extent, and an 8 × 8 boundary at step 0', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d() });
    expect(h.events.map((e) => e.type)).toEqual(['ready', 'boundary', 'status']);
    const [ready] = h.take('ready');
    expect(ready.info).toMatchObject({ trainRows: 450, testRows: 150, inputs: 2, classes: 3, hidden: [16, 16], logEvery: 1, evalEvery: 10 });
    expect(ready.info.points?.train.xy.length).toBe(900);
    const e = ready.info.extent!;
    expect(e.x1 - e.x0).toBeCloseTo(e.y1 - e.y0, 12);
    const [b] = h.take('boundary');
    expect(b.step).toBe(0);
    expect(b.images.plain?.classes.length).toBe(64);
    // The boundary is the engine's eval-mode prediction at each cell centre.
    const { c } = reference({}, 0);
    const probs = predict(c.variants.bn.model, gridPoints(e, 8));
    const argmax = Array.from({ length: 64 }, (_, i) => [0, 1, 2].reduce((a, k) => (probs.data[i * 3 + k] > probs.data[i * 3 + a] ? k : a), 0));
    expect(Array.from(b.images.bn!.classes)).toEqual(argmax);
    expect(h.take('status')[0]).toMatchObject({ playing: false, step: 0, stopped: null });
  });

  test('bad settings give one error event in words, not a throw', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 2, run: run2d({ batch: 1000 }) });
    expect(h.events).toEqual([{ type: 'error', runId: 2, job: 'run', message: 'batch size 1000 exceeds the 450 training rows' }]);
  });
});

describe('lab protocol: step, play, pause, speed, reset', () => {
  test('step 25 → one metrics event whose 25 logs per network equal the engine’s createExperiment + stepComparison (exactly)', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d({ seed: 4 }) });
    await h.send({ type: 'step', runId: 1, steps: 25 });
    const { chunk } = reference({ seed: 4 }, 25);
    const [m] = h.take('metrics');
    expect(m.step).toBe(25);
    expect(m.logs.plain).toEqual(chunk.logs.plain);
    expect(m.logs.bn).toEqual(chunk.logs.bn);
    expect(h.take('boundary').map((b) => b.step)).toEqual([0, 25]);
  });

  test('playing at full speed runs in pump-sized slices; the concatenated logs equal one uninterrupted engine run', async () => {
    const h = harness();
    await h.send({ type: 'speed', stepsPerSecond: 0 });
    await h.send({ type: 'configure', runId: 1, run: run2d({}, 120) });
    await h.send({ type: 'play', runId: 1 });
    const pumps = h.pumpAll();
    expect(pumps).toBeGreaterThan(1);
    const { chunk } = reference({}, 120);
    expect(logsOf(h.events, 'plain')).toEqual(chunk.logs.plain);
    expect(logsOf(h.events, 'bn')).toEqual(chunk.logs.bn);
    expect(h.take('status').at(-1)).toMatchObject({ playing: false, step: 120, stopped: 'step-limit' });
  });

  test('pause stops within one pump: the session goes idle and posts no more metrics', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d() });
    await h.send({ type: 'play', runId: 1 });
    expect(h.session.pump().busy).toBe(true);
    await h.send({ type: 'pause', runId: 1 });
    const before = h.take('metrics').length;
    expect(h.session.pump().busy).toBe(false);
    expect(h.take('metrics').length).toBe(before);
    expect(h.take('status').at(-1)?.playing).toBe(false);
  });

  test('speed 10 steps/s: 1.5 s of clock time gives 15 steps (±1), and the session asks to be woken for the next one', async () => {
    const h = harness(undefined, 0);
    await h.send({ type: 'speed', stepsPerSecond: 10 });
    await h.send({ type: 'configure', runId: 1, run: run2d() });
    await h.send({ type: 'play', runId: 1 });
    let last = h.session.pump();
    for (let t = 0; t < 1500; t += 50) {
      h.clock.advance(50);
      last = h.session.pump();
    }
    const step = h.take('metrics').at(-1)?.step ?? 0;
    expect(Math.abs(step - 15)).toBeLessThanOrEqual(1);
    expect(last.busy).toBe(true);
    expect(last.delayMs).toBeGreaterThan(0);
    expect(last.delayMs).toBeLessThanOrEqual(100);
  });

  test('reset (configure again with the same settings) replays the run bit for bit', async () => {
    const h = harness();
    const runs: StepMetrics[][] = [];
    for (const id of [1, 2]) {
      h.events.length = 0;
      await h.send({ type: 'configure', runId: id, run: run2d({ seed: 9, optimizer: 'adam', lr: 0.01 }, 60) });
      await h.send({ type: 'play', runId: id });
      h.pumpAll();
      runs.push(logsOf(h.events, 'bn'));
    }
    expect(runs[0]).toHaveLength(60);
    expect(runs[1]).toEqual(runs[0]);
  });

  test('at 300 steps/s (fake clock), played to step 150, paused and reset: the replay logs the same steps, row for row', async () => {
    const h = harness(undefined, 0);
    await h.send({ type: 'speed', stepsPerSecond: 300 });
    const settings = run2d({ seed: 7, optimizer: 'adam', lr: 0.01 });
    const playTo = async (id: number, steps: number): Promise<StepMetrics[][]> => {
      h.events.length = 0;
      await h.send({ type: 'configure', runId: id, run: settings });
      await h.send({ type: 'play', runId: id });
      const start = h.clock.advance(0);
      while ((h.take('metrics').at(-1)?.step ?? 0) < steps) h.clock.advance(h.session.pump().delayMs);
      await h.send({ type: 'pause', runId: id });
      // The pace held: 150 steps took half a second of clock, give or take a wake-up.
      expect(h.clock.advance(0) - start).toBeGreaterThanOrEqual(((steps - 1) * 1000) / 300);
      expect(h.clock.advance(0) - start).toBeLessThanOrEqual((steps * 1000) / 300 + 250);
      return [logsOf(h.events, 'plain'), logsOf(h.events, 'bn')];
    };
    const first = await playTo(1, 150);
    const second = await playTo(2, 150);
    for (const v of [0, 1]) {
      const n = Math.min(first[v].length, second[v].length);
      expect(n).toBeGreaterThanOrEqual(150);
      expect(second[v].slice(0, n)).toEqual(first[v].slice(0, n));
    }
  });

  test('requests for a replaced run are ignored', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d() });
    await h.send({ type: 'configure', runId: 2, run: run2d() });
    h.events.length = 0;
    await h.send({ type: 'step', runId: 1, steps: 5 });
    await h.send({ type: 'play', runId: 1 });
    expect(h.events).toEqual([]);
    expect(h.session.pump().busy).toBe(false);
  });
});

describe('lab protocol: resuming at a step (a reload, a link)', () => {
  test('resumeAt 250: a few large metrics events whose logs equal the engine’s 250 steps, then the boundary and “paused at 250”', async () => {
    const h = harness();
    await h.send({ type: 'speed', stepsPerSecond: 3 }); // the pace of play does not slow a replay
    await h.send({ type: 'configure', runId: 1, run: run2d({ seed: 5 }), resumeAt: 250 });
    expect(h.events.map((e) => e.type)).toEqual(['ready']);
    h.pumpAll();
    const { chunk } = reference({ seed: 5 }, 250);
    expect(logsOf(h.events, 'plain')).toEqual(chunk.logs.plain);
    expect(logsOf(h.events, 'bn')).toEqual(chunk.logs.bn);
    const metrics = h.take('metrics');
    // Batched: with a 1 ms clock tick per step, about REPLAY_BUDGET_MS steps per event.
    expect(metrics.length).toBeLessThanOrEqual(Math.ceil(250 / (REPLAY_BUDGET_MS / 2)));
    expect(metrics.map((m) => m.step)).toEqual([...metrics.map((m) => m.step)].sort((a, b) => a - b));
    // No status and no boundary on the way: one of each, at the end.
    expect(h.take('boundary').map((b) => b.step)).toEqual([250]);
    expect(h.take('status')).toEqual([expect.objectContaining({ playing: false, step: 250, stopped: null })]);
    expect(h.events.at(-1)?.type).toBe('status');
  });

  test('a replay stops at the run’s step limit, and plays on from where it is when Play comes first', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d({}, 40), resumeAt: 500 });
    h.pumpAll();
    expect(h.take('status').at(-1)).toMatchObject({ playing: false, step: 40 });
    await h.send({ type: 'speed', stepsPerSecond: 0 });
    await h.send({ type: 'configure', runId: 2, run: run2d({}, 10_000), resumeAt: 5000 });
    h.session.pump();
    const reached = h.take('metrics').at(-1)!.step;
    expect(reached).toBeLessThan(5000);
    await h.send({ type: 'play', runId: 2 });
    expect(h.take('status').at(-1)).toMatchObject({ playing: true, step: reached });
    h.session.pump();
    await h.send({ type: 'pause', runId: 2 });
    expect(h.session.pump().busy).toBe(false);
  });

  test('a new run replaces a replay at once: the replay posts nothing more', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d(), resumeAt: 5000 });
    h.session.pump();
    await h.send({ type: 'configure', runId: 2, run: run2d({ seed: 3 }) });
    h.pumpAll();
    expect(h.events.filter((e) => e.runId === 1).map((e) => e.type)).toEqual(['ready', 'metrics']);
    expect(h.take('status').at(-1)).toMatchObject({ runId: 2, step: 0 });
  });
});

describe('lab protocol: the step limits', () => {
  test('Step stops at the run’s maxSteps and says why; Play at the limit only says so again', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d({}, 30) });
    await h.send({ type: 'step', runId: 1, steps: 25 });
    expect(h.take('status').at(-1)).toMatchObject({ playing: false, step: 25, stopped: null });
    await h.send({ type: 'step', runId: 1, steps: 10 });
    expect(h.take('metrics').at(-1)?.step).toBe(30);
    expect(h.take('status').at(-1)).toMatchObject({ playing: false, step: 30, stopped: 'step-limit' });
    const before = h.events.length;
    await h.send({ type: 'play', runId: 1 });
    expect(h.events.slice(before)).toEqual([{ type: 'status', runId: 1, playing: false, step: 30, stepsPerSecond: { plain: 0, bn: 0 }, stopped: 'step-limit' }]);
    expect(h.session.pump().busy).toBe(false);
  });

  test.each([
    [MAX_STEP_REQUEST + 500, MAX_STEP_REQUEST],
    [2.7, 2],
    [-3, 0],
  ])('a Step request of %s steps takes %s', async (asked, taken) => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d({}, 5000) });
    await h.send({ type: 'step', runId: 1, steps: asked });
    expect(h.take('metrics')[0].step).toBe(taken);
    expect(logsOf(h.events, 'bn')).toHaveLength(taken);
  });

  test('a Step while playing pauses first: one step, then the status says paused and the session goes idle', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d() });
    await h.send({ type: 'play', runId: 1 });
    h.session.pump();
    const at = h.take('metrics').at(-1)!.step;
    await h.send({ type: 'step', runId: 1, steps: 1 });
    expect(h.take('status').at(-1)).toMatchObject({ playing: false, step: at + 1 });
    expect(h.session.pump().busy).toBe(false);
  });
});

describe('lab protocol: divergence', () => {
  test('tanh, lr 3: the plain network stops at step 10 with the reason; the BN network trains on to step 200, finite', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d({ activation: 'tanh', lr: 3 }, 200) });
    await h.send({ type: 'play', runId: 1 });
    h.pumpAll();
    const last = h.take('metrics').at(-1)!;
    expect(last.diverged.plain).toEqual({ step: 10, reason: 'the training loss 31.6 exceeded 20' });
    expect(last.diverged.bn).toBeNull();
    expect(logsOf(h.events, 'plain').map((m) => m.step).at(-1)).toBe(9);
    expect(logsOf(h.events, 'bn')).toHaveLength(200);
    expect(logsOf(h.events, 'bn').every((m) => Number.isFinite(m.trainLoss))).toBe(true);
    // Its boundary is no longer computed; its steps per second fall to 0 in the status.
    expect(h.take('boundary').at(-1)?.images.plain).toBeNull();
    expect(h.take('status').at(-1)).toMatchObject({ step: 200, stopped: 'step-limit', stepsPerSecond: { plain: 0 } });
  });

  test('relu, lr 30: both diverge, play stops by itself with the reason “both-diverged”', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d({ lr: 30 }) });
    await h.send({ type: 'play', runId: 1 });
    h.pumpAll();
    const status = h.take('status').at(-1)!;
    expect(status).toMatchObject({ playing: false, stopped: 'both-diverged' });
    expect(status.step).toBeLessThan(10);
    expect(h.session.pump().busy).toBe(false);
  });
});

/** A valid subset file: 20 train + 10 test images of 2 × 2, labels 0–9. */
function subsetBytes(): Uint8Array {
  const split = (n: number) => ({ labels: Uint8Array.from({ length: n }, (_, i) => i % 10), pixels: Uint8Array.from({ length: 4 * n }, (_, k) => (k * 37) % 256) });
  return encodeFashionSubset({ imageRows: 2, imageCols: 2, seed: 7, train: split(20), test: split(10) });
}
const fashionRun = (experiment: LabRunSettings['experiment'] = {}): LabRunSettings => ({
  experiment: { batch: 5, depth: 1, width: 4, logEvery: 2, evalEvery: 4, ...experiment },
  data: { kind: 'fashion', url: 'data/x.bin.gz' },
  maxSteps: 100,
  boundaryResolution: 8,
});

describe('lab protocol: the Fashion-MNIST subset', () => {
  test('“loading”, then ready with 4 inputs and 10 classes, no points and no boundary; steps train on the loaded images', async () => {
    const urls: string[] = [];
    const h = harness(async (url) => {
      urls.push(url);
      return parseFashionSubset(subsetBytes());
    });
    await h.send({ type: 'configure', runId: 3, run: fashionRun() });
    expect(urls).toEqual(['data/x.bin.gz']);
    expect(h.events.map((e) => e.type)).toEqual(['loading', 'ready', 'status']);
    expect(h.take('ready')[0].info).toMatchObject({ inputs: 4, classes: 10, trainRows: 20, testRows: 10, points: null, extent: null });
    await h.send({ type: 'step', runId: 3, steps: 4 });
    const subset = parseFashionSubset(subsetBytes());
    const ref = createExperiment({ batch: 5, depth: 1, width: 4, logEvery: 2, evalEvery: 4 }, { train: subset.train, test: subset.test }).comparison;
    expect(h.take('metrics')[0].logs.bn).toEqual(stepComparison(ref, 4).logs.bn);
  });

  test('play pressed while the data loads starts the run once it is there', async () => {
    let release: (s: FashionSubset) => void = () => {};
    const h = harness(() => new Promise((resolve) => (release = resolve)));
    const configured = h.send({ type: 'configure', runId: 1, run: fashionRun() });
    await h.send({ type: 'play', runId: 1 });
    expect(h.take('ready')).toEqual([]);
    release(parseFashionSubset(subsetBytes()));
    await configured;
    expect(h.take('status').at(-1)?.playing).toBe(true);
  });

  test.each([
    ['a flipped pixel byte', (b: Uint8Array) => ((b[b.length - 1] ^= 0xff), b), /checksum/],
    ['a truncated file', (b: Uint8Array) => b.subarray(0, b.length - 7), /truncated/],
    ['an HTML page instead of the file', () => new TextEncoder().encode('<!doctype html><title>404</title>'), /wrong magic.*HTML/],
    ['broken gzip', () => Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]), /could not be decompressed/],
  ])('%s → one error event naming the problem, and no run', async (_name, corrupt, pattern) => {
    const h = harness((url) => decodeFashionSubset(corrupt(subsetBytes().slice())).catch((e: Error) => Promise.reject(new Error(`The file at ${url} is not usable: ${e.message}.`))));
    await h.send({ type: 'configure', runId: 5, run: fashionRun() });
    const errors = h.take('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ runId: 5, job: 'run' });
    expect(errors[0].message).toMatch(pattern);
    expect(h.take('ready')).toEqual([]);
    await h.send({ type: 'play', runId: 5 });
    expect(h.session.pump().busy).toBe(false);
  });

  test('a load that finishes after the run was replaced is dropped', async () => {
    let release: (s: FashionSubset) => void = () => {};
    const h = harness(() => new Promise((resolve) => (release = resolve)));
    const first = h.send({ type: 'configure', runId: 1, run: fashionRun() });
    await h.send({ type: 'configure', runId: 2, run: run2d() });
    release(parseFashionSubset(subsetBytes()));
    await first;
    expect(h.take('ready').map((e) => e.runId)).toEqual([2]);
  });
});

describe('lab protocol: learning-rate sweep', () => {
  test('sweep of 3 rates × 30 steps: progress events end with the engine’s runSweep points', async () => {
    const h = harness();
    const rates = [0.01, 0.3, 30];
    await h.send({ type: 'sweep', runId: 7, run: run2d({ seed: 2 }), learningRates: rates, steps: 30 });
    h.pumpAll();
    const progress = h.take('sweep');
    expect(progress.at(-1)).toMatchObject({ runId: 7, done: true, completedSteps: 90, totalSteps: 90 });
    const data = createExperiment({ seed: 2 }).data;
    const options = { hidden: [16, 16], activation: 'relu', init: 'he', bn: 'before', outputBn: false, batchSize: 32, seed: 2 } as const;
    expect(progress.at(-1)?.points).toEqual(runSweep({ ...options, optimizer: { name: 'sgd' }, learningRates: rates, steps: 30 }, data));
  });

  test('progress comes a pump budget at a time (1 ms clock ticks: at most PUMP_BUDGET_MS steps per event), always rising', async () => {
    const h = harness();
    await h.send({ type: 'sweep', runId: 4, run: run2d(), learningRates: [0.1, 1], steps: 200 });
    h.pumpAll();
    const done = h.take('sweep').map((e) => e.completedSteps);
    expect(done.length).toBeGreaterThan(400 / PUMP_BUDGET_MS);
    expect(done.at(-1)).toBe(400);
    done.forEach((n, i) => {
      const before = i === 0 ? 0 : done[i - 1];
      expect(n).toBeGreaterThan(before);
      expect(n - before).toBeLessThanOrEqual(PUMP_BUDGET_MS);
    });
  });

  test('a sweep beside a playing run: the session asks for no sleep until the sweep is done, then paces the run again', async () => {
    const h = harness();
    await h.send({ type: 'speed', stepsPerSecond: 10 });
    await h.send({ type: 'configure', runId: 1, run: run2d() });
    await h.send({ type: 'play', runId: 1 });
    await h.send({ type: 'sweep', runId: 2, run: run2d(), learningRates: [0.1], steps: 200 });
    let r = h.session.pump();
    expect(r).toEqual({ busy: true, delayMs: 0 });
    for (let i = 0; i < 100 && !h.take('sweep').at(-1)?.done; i++) r = h.session.pump();
    expect(h.take('sweep').at(-1)).toMatchObject({ runId: 2, done: true });
    r = h.session.pump();
    expect(r.busy).toBe(true);
    expect(r.delayMs).toBeGreaterThan(0);
  });

  test('a new sweep replaces the running one: the first one’s progress stops', async () => {
    const h = harness();
    await h.send({ type: 'sweep', runId: 1, run: run2d(), learningRates: [0.1, 0.2], steps: 5000 });
    h.session.pump();
    await h.send({ type: 'sweep', runId: 2, run: run2d(), learningRates: [0.1], steps: 10 });
    const before = h.take('sweep').length;
    h.pumpAll();
    expect(h.take('sweep').slice(before).map((e) => e.runId)).toEqual(Array(h.take('sweep').length - before).fill(2));
    expect(h.take('sweep').at(-1)).toMatchObject({ runId: 2, done: true, totalSteps: 10 });
  });

  test('a Fashion-MNIST sweep says “loading” under its own id, then sweeps the loaded images', async () => {
    const h = harness(async () => parseFashionSubset(subsetBytes()));
    await h.send({ type: 'sweep', runId: 6, run: fashionRun(), learningRates: [0.1, 1], steps: 4 });
    expect(h.events[0]).toEqual({ type: 'loading', runId: 6, what: 'the Fashion-MNIST subset' });
    h.pumpAll();
    const subset = parseFashionSubset(subsetBytes());
    const options = { hidden: [4], activation: 'relu', init: 'he', bn: 'before', outputBn: false, batchSize: 5, seed: 1 } as const;
    expect(h.take('sweep').at(-1)?.points).toEqual(runSweep({ ...options, optimizer: { name: 'sgd' }, learningRates: [0.1, 1], steps: 4 }, { train: subset.train, test: subset.test }));
  });

  test('cancel stops it; a bad rate is an error event', async () => {
    const h = harness();
    await h.send({ type: 'sweep', runId: 1, run: run2d(), learningRates: [0.1, 0.2], steps: 5000 });
    h.session.pump();
    await h.send({ type: 'cancel-sweep', runId: 1 });
    expect(h.session.pump().busy).toBe(false);
    await h.send({ type: 'sweep', runId: 2, run: run2d(), learningRates: [-1], steps: 5 });
    expect(h.take('error')).toEqual([{ type: 'error', runId: 2, job: 'sweep', message: 'learning rate must be positive, got -1' }]);
  });
});

test('a pump does about PUMP_BUDGET_MS of work: with a 1 ms clock tick it runs fewer steps than the budget', async () => {
  const h = harness();
  await h.send({ type: 'configure', runId: 1, run: run2d() });
  await h.send({ type: 'play', runId: 1 });
  h.session.pump();
  const [m] = h.take('metrics');
  expect(m.step).toBeGreaterThan(1);
  expect(m.step).toBeLessThanOrEqual(PUMP_BUDGET_MS);
});

describe('lab protocol: the boundary’s cadence follows its cost', () => {
  test('boundaries that take 300 ms each (a big network): over 20 s of play they take at most 20 % of the time; pause and the end still draw one', async () => {
    // A fake clock: 20 ms per reading (about one training step), and each boundary "takes" 300 ms (the clock jumps while it is posted).
    let t = 0;
    const events: LabEvent[] = [];
    const session = createLabSession({
      post: (e) => {
        events.push(e);
        if (e.type === 'boundary') t += 300;
      },
      loadFashion: () => Promise.reject(new Error('none')),
      now: () => (t += 20),
    });
    const boundaries = () => events.filter((e): e is Extract<LabEvent, { type: 'boundary' }> => e.type === 'boundary');
    const step = () => events.filter((e) => e.type === 'metrics').at(-1)?.step ?? 0;
    await session.receive({ type: 'speed', stepsPerSecond: 0 });
    await session.receive({ type: 'configure', runId: 1, run: run2d({}, 100_000) });
    await session.receive({ type: 'play', runId: 1 });
    const start = t, before = boundaries().length;
    while (t - start < 20_000) session.pump();
    const drawn = boundaries().length - before;
    expect(drawn).toBeGreaterThanOrEqual(8);
    expect((drawn * 300) / (t - start)).toBeLessThanOrEqual(0.2);
    await session.receive({ type: 'pause', runId: 1 });
    expect(boundaries().at(-1)?.step).toBe(step());
    // Stepping while paused draws one at once, too.
    await session.receive({ type: 'step', runId: 1, steps: 1 });
    expect(boundaries().at(-1)?.step).toBe(step());
  });

  test('a run that stops at its step limit draws its boundary at the last step', async () => {
    const h = harness();
    await h.send({ type: 'speed', stepsPerSecond: 0 });
    await h.send({ type: 'configure', runId: 1, run: run2d({}, 77) });
    await h.send({ type: 'play', runId: 1 });
    h.pumpAll();
    expect(h.take('boundary').at(-1)?.step).toBe(77);
  });
});

describe('lab protocol: steps per second', () => {
  test('the first rate after Play comes within about a quarter second, not a whole one; after a pause, Play starts from “not measured”', async () => {
    let t = 0;
    const events: LabEvent[] = [];
    const session = createLabSession({ post: (e) => events.push(e), loadFashion: () => Promise.reject(new Error('none')), now: () => (t += 1) });
    const statuses = () => events.filter((e): e is Extract<LabEvent, { type: 'status' }> => e.type === 'status');
    await session.receive({ type: 'speed', stepsPerSecond: 0 });
    await session.receive({ type: 'configure', runId: 1, run: run2d({}, 100_000) });
    await session.receive({ type: 'play', runId: 1 });
    const playedAt = t;
    expect(statuses().at(-1)?.stepsPerSecond).toEqual({ plain: 0, bn: 0 });
    while (!statuses().some((s) => s.stepsPerSecond.bn > 0)) session.pump();
    const first = statuses().find((s) => s.stepsPerSecond.bn > 0)!;
    expect(t - playedAt).toBeGreaterThanOrEqual(FIRST_RATE_MS);
    expect(t - playedAt).toBeLessThan(RATE_WINDOW_MS / 2);
    expect(first.playing).toBe(true);
    await session.receive({ type: 'pause', runId: 1 });
    await session.receive({ type: 'play', runId: 1 });
    expect(statuses().at(-1)).toMatchObject({ playing: true, stepsPerSecond: { plain: 0, bn: 0 } });
  });
});

describe('snapshot: the BN network as plain data, for the fold section', () => {
  test('after 7 steps the snapshot is the engine’s BN network at step 7, bit for bit, with the run’s test set; a replaced run answers null', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: run2d() });
    await h.send({ type: 'step', runId: 1, steps: 7 });
    await h.send({ type: 'snapshot', runId: 1, requestId: 5 });
    const [answer] = h.take('snapshot');
    expect(answer).toMatchObject({ runId: 1, requestId: 5 });
    const snap = answer.snapshot!;
    const { c } = reference({}, 7);
    expect(snap.step).toBe(7);
    expect(snap.diverged).toBe(false);
    expect(snap.model).toEqual(c.variants.bn.model);
    expect(snap.test?.x).toEqual(c.test?.x);
    // A copy: training on does not change what was handed out.
    if (snap.kind !== 'mlp') throw new Error('an MLP snapshot was expected');
    const before = Float64Array.from((snap.model.layers[0] as { W: { data: Float64Array } }).W.data);
    await h.send({ type: 'step', runId: 1, steps: 3 });
    expect((snap.model.layers[0] as { W: { data: Float64Array } }).W.data).toEqual(before);
    await h.send({ type: 'snapshot', runId: 0, requestId: 6 });
    expect(h.take('snapshot')[1]).toEqual({ type: 'snapshot', runId: 0, requestId: 6, snapshot: null });
  });
});
