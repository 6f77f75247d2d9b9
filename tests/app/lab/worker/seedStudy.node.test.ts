import { describe, expect, test } from 'vitest';
import { createExperiment, stepComparison } from '../../../../src';
import { labRunSettings } from '../../../../app/lab/model/labSettings';
import { createSeedStudy, stepSeedStudy, studyDone, studyProgress, studySeeds } from '../../../../app/lab/worker/seedStudy';
import { type SeedsEvent, createSeedsSession } from '../../../../app/lab/worker/seedsSession';
import { LAB_DEFAULTS } from '../../../../app/state/slices/lab';

const run = labRunSettings({ ...LAB_DEFAULTS, labDepth: 1, labWidth: 6 }, 'u');

describe('the seed study', () => {
  test('each seed’s curve is exactly the lab’s run with that seed: same test numbers, bit for bit', () => {
    const study = createSeedStudy(run, studySeeds(7, 3), 60);
    expect(study.seeds).toEqual([7, 8, 9]);
    while (!studyDone(study)) stepSeedStudy(study, 10);
    expect(studyProgress(study)).toEqual({ completed: 180, total: 180 });
    for (const [i, seed] of [7, 8, 9].entries()) {
      const c = createExperiment({ ...run.experiment, seed }).comparison;
      const logs = stepComparison(c, 60).logs;
      for (const v of ['plain', 'bn'] as const) {
        const tested = logs[v].filter((m) => m.testAccuracy !== null);
        expect(study.curves[i].tests[v]).toEqual({ step: tested.map((m) => m.step), accuracy: tested.map((m) => m.testAccuracy), loss: tested.map((m) => m.testLoss) });
      }
    }
  });

  test('the seeds take turns, so they advance together', () => {
    const study = createSeedStudy(run, [1, 2, 3], 100);
    for (let k = 0; k < 4; k++) stepSeedStudy(study, 10);
    expect(study.curves.map((c) => c.step)).toEqual([20, 10, 10]);
  });

  test('the session runs, pauses and resumes a study, posting its progress; a cancelled study posts nothing more', async () => {
    const events: SeedsEvent[] = [];
    let clock = 0;
    const session = createSeedsSession({ post: (e) => events.push(e), loadFashion: () => Promise.reject(new Error('no')), now: () => (clock += 5) });
    await session.receive({ type: 'start', id: 1, run, seeds: [1, 2], steps: 40 });
    session.pump();
    await session.receive({ type: 'pause', id: 1 });
    expect(session.pump().busy).toBe(false);
    const paused = events.length;
    expect(session.pump().busy).toBe(false);
    expect(events.length).toBe(paused);
    await session.receive({ type: 'resume', id: 1 });
    while (session.pump().busy);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: 'progress', id: 1, done: true, completed: 80, total: 80 });
    await session.receive({ type: 'start', id: 2, run, seeds: [1], steps: 1000 });
    await session.receive({ type: 'cancel', id: 2 });
    const before = events.length;
    expect(session.pump().busy).toBe(false);
    expect(events.length).toBe(before);
  });

  test('Fashion-MNIST that cannot load is an error event in words', async () => {
    const events: SeedsEvent[] = [];
    const session = createSeedsSession({ post: (e) => events.push(e), loadFashion: () => Promise.reject(new Error('the subset could not be fetched')), now: () => 0 });
    await session.receive({ type: 'start', id: 3, run: { ...run, data: { kind: 'fashion', url: 'x' } }, seeds: [1], steps: 10 });
    expect(events).toEqual([{ type: 'loading', id: 3 }, { type: 'error', id: 3, message: 'the subset could not be fetched' }]);
  });
});
