import type { FashionSubset, Split } from '../../../src';
import { errorMessage } from './errorMessage';
import type { LabRunSettings } from './messages';
import { PUMP_BUDGET_MS } from './pacing';
import type { PumpResult } from './session';
import { type SeedCurve, type SeedStudy, createSeedStudy, stepSeedStudy, studyDone, studyProgress } from './seedStudy';

/** The page's requests to the seeds Worker; `id` names the study (the page ignores events of a replaced one). */
export type SeedsRequest =
  | { readonly type: 'start'; readonly id: number; readonly run: LabRunSettings; readonly seeds: readonly number[]; readonly steps: number }
  | { readonly type: 'pause'; readonly id: number }
  | { readonly type: 'resume'; readonly id: number }
  | { readonly type: 'cancel'; readonly id: number };

export type SeedsEvent =
  | { readonly type: 'loading'; readonly id: number }
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly done: boolean;
      readonly completed: number;
      readonly total: number;
      readonly testRows: number;
      readonly classes: number;
      readonly curves: readonly SeedCurve[];
    }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

export interface SeedsSessionDeps {
  post(event: SeedsEvent): void;
  loadFashion(url: string): Promise<FashionSubset>;
  now(): number;
}

const snapshot = (t: SeedCurve['tests']['bn']) => ({ step: t.step.slice(), accuracy: t.accuracy.slice(), loss: t.loss.slice() });

/** Progress is posted at most this often while running (and always at the end or on a pause). */
const POST_EVERY_MS = 200;

/**
 * The seeds Worker as a plain object (like session.ts): one study at a time, run a pump budget at a
 * time, paused and resumed on request. A new setting on the page cancels it (seedsControl.ts).
 */
export function createSeedsSession({ post, loadFashion, now }: SeedsSessionDeps) {
  let id = -1;
  let study: SeedStudy | null = null;
  let running = false;
  let lastPost = -Infinity;

  const progress = (s: SeedStudy): void => {
    lastPost = now();
    // A snapshot: the study goes on growing its arrays (an in-page transport does not copy them).
    const curves = s.curves.map((c) => ({ ...c, tests: { plain: snapshot(c.tests.plain), bn: snapshot(c.tests.bn) } }));
    post({ type: 'progress', id, done: studyDone(s), ...studyProgress(s), testRows: s.testRows, classes: s.classes, curves });
  };

  async function start(r: Extract<SeedsRequest, { type: 'start' }>): Promise<void> {
    id = r.id;
    study = null;
    running = false;
    try {
      let data: Split | undefined;
      if (r.run.data.kind === 'fashion') {
        post({ type: 'loading', id: r.id });
        const subset = await loadFashion(r.run.data.url);
        data = { train: subset.train, test: subset.test };
      }
      if (id !== r.id) return;
      study = createSeedStudy(r.run, r.seeds, r.steps, data);
      running = true;
      progress(study);
    } catch (err) {
      if (id === r.id) post({ type: 'error', id: r.id, message: errorMessage(err) });
    }
  }

  async function receive(r: SeedsRequest): Promise<void> {
    if (r.type === 'start') return start(r);
    if (r.id !== id) return;
    if (r.type === 'cancel') [study, running] = [null, false];
    else if (study) {
      running = r.type === 'resume' && !studyDone(study);
      progress(study);
    }
  }

  function pump(): PumpResult {
    if (!study || !running) return { busy: false, delayMs: 0 };
    const start = now(), s = study;
    try {
      const turn = Math.max(1, s.runs[0]?.config.evalEvery ?? 10);
      while (!studyDone(s) && now() - start < PUMP_BUDGET_MS) stepSeedStudy(s, turn);
    } catch (err) {
      [study, running] = [null, false];
      post({ type: 'error', id, message: errorMessage(err) });
      return { busy: false, delayMs: 0 };
    }
    const done = studyDone(s);
    if (done || now() - lastPost >= POST_EVERY_MS) progress(s);
    if (done) running = false;
    return { busy: !done, delayMs: 0 };
  }

  return { receive, pump };
}
