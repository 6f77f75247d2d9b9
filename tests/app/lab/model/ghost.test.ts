import { describe, expect, test } from 'vitest';
import { createExperiment, stepComparison } from '../../../../src';
import { GHOST_MIN_MS, type Ghost, changedSettings, ghostLegend, ghostPassed, nextGhost } from '../../../../app/lab/model/ghost';
import { ghostLastStep, ghostMetricLines, ghostQuantileLines } from '../../../../app/lab/model/ghostLines';
import { type LabSettings, experimentSettings, labSettingsOf } from '../../../../app/lab/model/labSettings';
import { resumeTarget, nextRun } from '../../../../app/lab/model/resume';
import { appendLogs, createRunSeries } from '../../../../app/lab/model/series';
import { LAB_DEFAULTS } from '../../../../app/state/slices/lab';

const base: LabSettings = labSettingsOf({ ...LAB_DEFAULTS, labLr: 0.1, labActivation: 'relu', labDataset: 'spiral' });
const withLr = (lr: number): LabSettings => ({ ...base, labLr: lr });

/** The run store's columns after `steps` steps of `settings`, as the lab logs them. */
function seriesOf(settings: LabSettings, steps: number) {
  const c = createExperiment(experimentSettings(settings)).comparison;
  const series = createRunSeries(c.config.hidden.length);
  appendLogs(series, stepComparison(c, steps).logs);
  return series;
}
const run = (settings: LabSettings, step: number, ranMs = 5000) => ({ series: step > 0 ? seriesOf(settings, step) : createRunSeries(2), settings, step, ranMs });

describe('which settings differ, in words', () => {
  test('the speed and the charted layer are not settings of a run; the noise does not count beside Fashion-MNIST', () => {
    expect(changedSettings(base, { ...base, labSpeed: 0, labLayer: 1 })).toEqual([]);
    expect(changedSettings(base, { ...base, labLr: 0.3, labActivation: 'tanh' })).toEqual(['labActivation', 'labLr']);
    expect(changedSettings({ ...base, labNoise: 0.2 }, { ...base, labDataset: 'fashion' })).toEqual(['labDataset']);
  });

  test('the legend names only what differs from the new run, and the step reached', () => {
    const g = nextGhost(null, run(base, 40), { ...base, labLr: 0.3, labBatch: 8 })!;
    expect(g.differs).toEqual(['lr 0.1', 'm = 32']);
    expect(ghostLegend({ differs: g.differs, step: 1234 })).toBe('previous run: lr 0.1, m = 32, to step 1,234');
    expect(ghostLegend({ differs: [], step: 5 })).toBe('previous run (same settings), to step 5');
  });

  test('the notice says which setting changed, from what to what, that the run restarted, and what is kept', () => {
    expect(nextGhost(null, run(base, 40), withLr(0.3))!.notice).toBe(
      'The learning rate changed (0.1 → 0.3), so the run restarted from step 0. The previous run, at step 40, is kept as a faint ghost on the charts until this run passes that step, or until you clear it.',
    );
    expect(nextGhost(null, run(base, 40), { ...base, labActivation: 'tanh', labLr: 0.3 })!.notice).toMatch(/^The activation \(ReLU → tanh\) and learning rate \(0\.1 → 0\.3\) changed, so/);
    expect(nextGhost(null, run(base, 40), { ...base, labDataset: 'fashion', labDepth: base.labDepth + 1, labWidth: 100, labActivation: 'sigmoid' })!.notice).toMatch(/^4 settings changed, so/);
    expect(nextGhost(null, run(base, 40), withLr(0.3), 30)!.notice).toMatch(/changed \(0\.1 → 0\.3\), so the run was replayed to step 30\. /);
  });
});

describe('nextGhost: the most recent run the reader watched, one at a time', () => {
  test('a run that has not taken a step leaves no ghost', () => {
    expect(nextGhost(null, run(base, 0), withLr(0.3))).toBeNull();
  });

  test('a run that progressed becomes the ghost, with its columns, settings and step', () => {
    const replaced = run(base, 40);
    const g = nextGhost(null, replaced, withLr(0.3))!;
    expect(g).toMatchObject({ series: replaced.series, settings: base, step: 40 });
  });

  test('it replaces the ghost there was (the most recent wins) if it ran for GHOST_MIN_MS or more', () => {
    const first = nextGhost(null, run(base, 40), withLr(0.3))!;
    const second = nextGhost(first, run(withLr(0.3), 25, GHOST_MIN_MS), withLr(1))!;
    expect(second).toMatchObject({ settings: withLr(0.3), step: 25, differs: ['lr 0.3'] });
  });

  test('a run of a slider drag (shorter than GHOST_MIN_MS) does not: the ghost stays, its words against the newest settings', () => {
    const first = nextGhost(null, run(base, 40), withLr(0.3))!;
    const kept = nextGhost(first, run(withLr(0.3), 12, GHOST_MIN_MS - 1), withLr(1))!;
    expect(kept).toMatchObject({ series: first.series, step: 40, differs: ['lr 0.1'] });
    expect(kept.notice).toMatch(/^The learning rate changed \(0\.1 → 1\)/);
    // A run that never stepped keeps it too, however long it sat there.
    expect(nextGhost(first, run(withLr(0.3), 0, 60_000), withLr(1))?.series).toBe(first.series);
  });

  test('a ghost of the new run’s very settings (Back to it: the run replays it) gives way to the replaced run, however short', () => {
    const first = nextGhost(null, run(base, 40), withLr(0.3))!;
    expect(nextGhost(first, run(withLr(0.3), 12, 100), base)).toMatchObject({ step: 12, differs: ['lr 0.3'] });
    expect(nextGhost(first, run(withLr(0.3), 0, 100), base)).toBeNull();
  });

  test('no ghost the new run is replayed past (it would be passed at once)', () => {
    expect(nextGhost(null, run(base, 40), withLr(0.3), 41)).toBeNull();
    expect(nextGhost(null, run(base, 40), withLr(0.3), 40)).toMatchObject({ step: 40 });
  });

  test('the ghost goes once the new run passes the step it reached', () => {
    const g = nextGhost(null, run(base, 40), withLr(0.3));
    expect([ghostPassed(g, 39), ghostPassed(g, 40), ghostPassed(g, 41), ghostPassed(null, 99)]).toEqual([false, false, true, false]);
  });
});

describe('the ghost on the charts', () => {
  const g = nextGhost(null, run(base, 40), withLr(0.3)) as Ghost;

  test('loss and accuracy: only the test-set lines of both networks, flagged and named as the previous run’s', () => {
    const lines = ghostMetricLines(g, 'loss');
    expect(lines.map((l) => [l.id, l.role, l.ghost])).toEqual([['ghost-plain-test', 'test', true], ['ghost-bn-test', 'test', true]]);
    expect(lines[1].name).toBe('Previous run: lr 0.1, to step 40: With BN, test set');
    // Evaluated every 10 steps: steps 10, 20, 30, 40.
    expect(lines[1].points.map((p) => p.s)).toEqual([10, 20, 30, 40]);
    expect(ghostMetricLines(null, 'accuracy')).toEqual([]);
  });

  test('quantiles: the median alone; none for a layer the previous run did not have', () => {
    expect(ghostQuantileLines(g, 'bn', 1).map((l) => l.id)).toEqual(['ghost-bn-q50']);
    expect(ghostQuantileLines(g, 'bn', 1)[0].points).toHaveLength(40);
    expect(ghostQuantileLines(g, 'bn', 5)).toEqual([]);
  });

  test('the step axes reach the ghost’s last step', () => {
    expect([ghostLastStep(g), ghostLastStep(null)]).toEqual([40, 0]);
  });
});

describe('resuming at a step', () => {
  test('nothing asked: step 0; asked within the limit: that step; past it: the limit, said in words', () => {
    expect(resumeTarget(null, null, base, 30_000)).toEqual({ step: 0, notice: null });
    expect(resumeTarget(0, null, base, 30_000)).toEqual({ step: 0, notice: null });
    expect(resumeTarget(1234, null, base, 30_000)).toEqual({ step: 1234, notice: null });
    expect(resumeTarget(9000, null, base, 6000)).toEqual({ step: 6000, notice: 'lab-step=9000 is past step 6,000, the limit of one run on this data; the run resumes at step 6,000.' });
  });

  test('Back to the ghost’s settings: the ghost’s exact step (the address’s may be a second old)', () => {
    const g = nextGhost(null, run(base, 40), withLr(0.3));
    expect(resumeTarget(35, g, base, 30_000).step).toBe(40);
    expect(resumeTarget(35, g, withLr(1), 30_000).step).toBe(35);
  });

  test('a reset replays nothing and keeps the ghost as it is; a new run makes the replaced one the ghost', () => {
    const g = nextGhost(null, run(base, 40), withLr(0.3));
    const replaced = run(withLr(0.3), 30);
    expect(nextRun({ reset: true, asked: 500, ghost: g, replaced, next: withLr(0.3), maxSteps: 30_000 })).toEqual({ resumeAt: 0, ghost: g, notice: null });
    const back = nextRun({ reset: false, asked: 35, ghost: g, replaced, next: base, maxSteps: 30_000 });
    expect(back).toEqual({ resumeAt: 40, notice: null, ghost: null });
    const other = nextRun({ reset: false, asked: 20, ghost: g, replaced, next: withLr(1), maxSteps: 30_000 });
    expect(other).toMatchObject({ resumeAt: 20, notice: null, ghost: { series: replaced.series, step: 30, differs: ['lr 0.3'] } });
  });
});
