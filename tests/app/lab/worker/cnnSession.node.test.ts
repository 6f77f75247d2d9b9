import { describe, expect, test } from 'vitest';
import { type FashionSubset, createCnnExperiment, encodeFashionSubset, parseFashionSubset, stepCnnComparison } from '../../../../src';
import type { LabEvent, LabRequest, LabRunSettings } from '../../../../app/lab/worker/messages';
import { createLabSession } from '../../../../app/lab/worker/session';

/** A valid 28 × 28 subset: 24 train + 12 test images, labels 0–9, pixels from a fixed pattern. */
function subset(): FashionSubset {
  const split = (n: number, seed: number) => ({
    labels: Uint8Array.from({ length: n }, (_, i) => i % 10),
    pixels: Uint8Array.from({ length: 784 * n }, (_, k) => (k * 37 + seed * 11 + ((k / 784) | 0) * 53) % 256),
  });
  return parseFashionSubset(encodeFashionSubset({ imageRows: 28, imageCols: 28, seed: 7, train: split(24, 1), test: split(12, 2) }));
}

const SETTINGS = { model: 'cnn' as const, batch: 6, seed: 3, lr: 0.05, logEvery: 2, evalEvery: 4, channels: [4, 6], kernel: 5 };
const cnnRun = (experiment: LabRunSettings['experiment'] = SETTINGS): LabRunSettings => ({ experiment, data: { kind: 'fashion', url: 'data/x.bin.gz' }, maxSteps: 100, boundaryResolution: 8 });

/** A session on the subset above, with a clock that advances 1 ms per reading, and what it posted. */
function harness() {
  const events: LabEvent[] = [];
  let t = 0;
  const session = createLabSession({ post: (e) => events.push(e), loadFashion: () => Promise.resolve(subset()), now: () => (t += 1) });
  const take = <T extends LabEvent['type']>(type: T) => events.filter((e): e is Extract<LabEvent, { type: T }> => e.type === type);
  const send = (r: LabRequest) => session.receive(r);
  return { events, take, send, session };
}

describe('lab protocol: the CNN on 28 × 28 images', () => {
  test('ready with the CNN’s blocks (channels 4, 6; kernel 5 filled in), no boundary; 6 steps equal createCnnExperiment + stepCnnComparison, per-channel quantiles included', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: cnnRun() });
    expect(h.events.map((e) => e.type)).toEqual(['loading', 'ready', 'status']);
    const info = h.take('ready')[0].info;
    expect(info).toMatchObject({ inputs: 784, classes: 10, trainRows: 24, testRows: 12, hidden: [4, 6], probeUnit: 0, points: null, extent: null, logEvery: 2, evalEvery: 4 });
    expect(info.settings).toMatchObject({ model: 'cnn', channels: [4, 6], kernel: 5 });
    await h.send({ type: 'step', runId: 1, steps: 6 });
    const s = subset();
    const ref = stepCnnComparison(createCnnExperiment(SETTINGS, { train: s.train, test: s.test }).comparison, 6);
    const metrics = h.take('metrics');
    expect(metrics.at(-1)?.step).toBe(6);
    for (const v of ['plain', 'bn'] as const) {
      const logs = metrics.flatMap((m) => m.logs[v]);
      expect(logs).toEqual(ref.logs[v]);
      expect(logs.map((m) => m.quantiles.map((q) => q.layer))).toEqual([[1, 2], [1, 2], [1, 2]]);
    }
    expect(h.take('boundary')).toEqual([]);
  });

  test('the same seed gives the same numbers, bit for bit; another seed others', async () => {
    const logsOf = async (seed: number) => {
      const h = harness();
      await h.send({ type: 'configure', runId: 1, run: cnnRun({ ...SETTINGS, seed }) });
      await h.send({ type: 'step', runId: 1, steps: 4 });
      return h.take('metrics').flatMap((m) => m.logs.bn);
    };
    const [a, b, c] = [await logsOf(3), await logsOf(3), await logsOf(4)];
    expect(a).toEqual(b);
    expect(a.map((m) => m.trainLoss)).not.toEqual(c.map((m) => m.trainLoss));
  });

  test('replayed to step 4 (a reload, a link): the run a reader had reached, paused there', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 2, run: cnnRun(), resumeAt: 4 });
    while (h.session.pump().busy);
    expect(h.take('status').at(-1)).toMatchObject({ playing: false, step: 4 });
    const s = subset();
    const ref = stepCnnComparison(createCnnExperiment(SETTINGS, { train: s.train, test: s.test }).comparison, 4);
    expect(h.take('metrics').flatMap((m) => m.logs.plain)).toEqual(ref.logs.plain);
  });

  test('a snapshot is the CNN with BN, a copy: training on does not change it', async () => {
    const h = harness();
    await h.send({ type: 'configure', runId: 1, run: cnnRun() });
    await h.send({ type: 'step', runId: 1, steps: 2 });
    await h.send({ type: 'snapshot', runId: 1, requestId: 9 });
    const snap = h.take('snapshot')[0].snapshot!;
    if (snap.kind !== 'cnn') throw new Error('a CNN snapshot was expected');
    expect(snap.step).toBe(2);
    expect(snap.model.blocks.map((b) => b.bn?.features)).toEqual([4, 6]);
    expect(snap.test?.x.rows).toBe(12);
    const before = Float64Array.from(snap.model.blocks[0].conv.W.data);
    await h.send({ type: 'step', runId: 1, steps: 2 });
    expect(snap.model.blocks[0].conv.W.data).toEqual(before);
  });

  test('bad CNN settings (a 0-channel block, a kernel of 40) and 2-D data give one error event in words', async () => {
    const cases: [LabRunSettings, RegExp][] = [
      [cnnRun({ ...SETTINGS, channels: [0, 6] }), /channels\[0\] \(output channels of block 1\)/],
      [cnnRun({ ...SETTINGS, kernel: 40 }), /Kernel size: \(40 x 40\)/],
      [{ ...cnnRun(), data: { kind: '2d' } }, /The CNN trains on 28 × 28 images: choose the Fashion-MNIST subset/],
    ];
    for (const [run, message] of cases) {
      const h = harness();
      await h.send({ type: 'configure', runId: 5, run });
      const errors = h.take('error');
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toMatch(message);
    }
  });
});
