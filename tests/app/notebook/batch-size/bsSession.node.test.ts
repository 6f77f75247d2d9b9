import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { type FashionSubset, parseFashionSubset, runBatchSweep } from '../../../../src';
import { type BsSettings, bsJobs, bsSweepOptions } from '../../../../app/notebook/batch-size/bsView';
import { type BsEvent, createBsSession } from '../../../../app/notebook/batch-size/worker/bsSession';

/** The batch-size Worker's session, on this thread: its points are the engine's, posted one at a time; pause and resume; a new start replaces the sweep. */
const full = parseFashionSubset(new Uint8Array(gunzipSync(readFileSync(resolve(process.cwd(), 'public/data/fashion-mnist-subset.bin.gz')))));
const d = full.train.x.cols;
const slice = (s: FashionSubset['train'], n: number) => ({ ...s, x: { rows: n, cols: d, data: s.x.data.slice(0, n * d) }, y: s.y.slice(0, n) });
const subset = { ...full, train: slice(full.train, 192), test: slice(full.test, 64) } as FashionSubset;
const settings: BsSettings = { norms: ['bn', 'group'], sizes: [4, 8], epochs: 1, seed: 2, groups: 4 };

function harness() {
  const events: BsEvent[] = [];
  let t = 0;
  // Every look at the clock moves it 10 ms: a pump does a few chunks, then yields.
  const session = createBsSession({ post: (e) => events.push(e), loadFashion: async () => subset, now: () => (t += 10) });
  const drain = () => {
    for (let i = 0; i < 10_000 && session.pump().busy; i++);
  };
  return { events, session, drain };
}

test('the points posted are the engine’s, in job order, with progress up to every step', async () => {
  const { events, session, drain } = harness();
  await session.receive({ type: 'start', id: 1, dataUrl: 'x', settings, jobs: bsJobs(settings) });
  drain();
  const points = events.filter((e) => e.type === 'point');
  expect(points.map((e) => e.key)).toEqual(bsJobs(settings).map((j) => j.key));
  for (const norm of settings.norms) {
    expect(points.filter((e) => e.point.norm === norm).map((e) => e.point)).toEqual(runBatchSweep(bsSweepOptions(settings, norm, settings.sizes), { train: subset.train, test: subset.test }));
  }
  const last = events.at(-1);
  expect(last).toEqual({ type: 'progress', id: 1, done: true, completed: 2 * (192 / 4 + 192 / 8), total: 2 * (192 / 4 + 192 / 8), current: null });
});

test('paused, it trains nothing; resumed, it finishes with the same points; a second start replaces the first (its events carry the new id)', async () => {
  const a = harness();
  await a.session.receive({ type: 'start', id: 1, dataUrl: 'x', settings, jobs: bsJobs(settings) });
  a.drain();
  const b = harness();
  await b.session.receive({ type: 'start', id: 1, dataUrl: 'x', settings, jobs: bsJobs(settings) });
  b.session.pump();
  await b.session.receive({ type: 'pause', id: 1 });
  const before = b.events.length;
  expect(b.session.pump().busy).toBe(false);
  expect(b.events.length).toBe(before);
  await b.session.receive({ type: 'resume', id: 1 });
  b.drain();
  const pts = (ev: BsEvent[]) => ev.flatMap((e) => (e.type === 'point' ? [e.point] : []));
  expect(pts(b.events)).toEqual(pts(a.events));
  await b.session.receive({ type: 'start', id: 2, dataUrl: 'x', settings: { ...settings, norms: ['layer'], sizes: [8] }, jobs: bsJobs({ ...settings, norms: ['layer'], sizes: [8] }) });
  await b.session.receive({ type: 'pause', id: 1 });
  b.drain();
  expect(b.events.filter((e) => e.type === 'point' && e.id === 2).map((e) => (e.type === 'point' ? e.point.norm : ''))).toEqual(['layer']);
});
