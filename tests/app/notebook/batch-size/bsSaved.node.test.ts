import { expect, test } from 'vitest';
import { BS_SAVED_MAX, readSaved, writeSaved } from '../../../../app/notebook/batch-size/bsSaved';

/** The stored points: read back as written; anything else ignored with a notice saying why. */
const p = { batch: 8, norm: 'bn', lr: 0.025, steps: 375, trainLoss: 1.46, testAccuracy: 0.69, testAccuracyTrainMode: 0.655, trainModeRows: 600, diverged: null } as const;

test('written points read back; nothing stored is no notice', () => {
  expect(readSaved(writeSaved({ a: p, b: { ...p, diverged: { step: 3, reason: 'x' }, testAccuracy: null } }))).toEqual({ points: { a: p, b: { ...p, diverged: { step: 3, reason: 'x' }, testAccuracy: null } }, notice: null });
  expect(readSaved(null)).toEqual({ points: {}, notice: null });
});

test('not JSON, another app’s data, another version, a damaged point: ignored, and the notice says which', () => {
  expect(readSaved('{oops').notice).toMatch(/not valid JSON\. It was ignored/);
  expect(readSaved('{"app":"other","version":1,"points":{}}').notice).toMatch(/not this notebook’s batch-size points/);
  expect(readSaved(writeSaved({ a: p }).replace('"version":1', '"version":7')).notice).toMatch(/another version \(7; this page reads 1\)/);
  for (const bad of [{ ...p, testAccuracy: 1.5 }, { ...p, batch: 1 }, { ...p, norm: 'instance' }, { ...p, extra: 1 }]) {
    expect(readSaved(writeSaved({ a: bad as never }))).toEqual({ points: {}, notice: 'The batch-size points saved in this browser are damaged. It was ignored: every point is trained afresh.' });
  }
});

test(`at most ${BS_SAVED_MAX} points are kept, the newest`, () => {
  const many = Object.fromEntries(Array.from({ length: BS_SAVED_MAX + 5 }, (_, i) => [`k${i}`, p]));
  const kept = Object.keys(readSaved(writeSaved(many)).points);
  expect(kept).toHaveLength(BS_SAVED_MAX);
  expect(kept[0]).toBe('k5');
});
