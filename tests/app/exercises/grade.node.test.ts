import { describe, expect, test } from 'vitest';
import { batchNormSteps, notesBackward, notesForward, notesNetworkAfter, runningStatsTrace, sampleMiniBatch } from '../../../src';
import { gradeChoice, gradeNumeric, gradeValue, parseAnswer, toleranceFor } from '../../../app/exercises/model/grade';
import { batchSectionExercises, BATCH_EXERCISE_SECTIONS } from '../../../app/exercises/model/batchExercises';
import { passSectionExercises } from '../../../app/exercises/model/passExercises';
import { inferenceExercises } from '../../../app/exercises/model/inferenceExercises';
import { EXERCISE_IDS } from '../../../app/exercises/model/catalog';
import { nextSeed } from '../../../app/exercises/model/pick';
import type { ChoiceExercise, Exercise, NumericExercise } from '../../../app/exercises/model/types';

const z = sampleMiniBatch(1, 8, 2, 1.5);
const batchCtx = (seed = 1, eps = 1e-5, batch = z) => ({ z: batch, eps, seed });
const find = (list: Exercise[], id: string) => {
  const ex = list.find((e) => e.id === id);
  if (!ex) throw new Error(`no exercise ${id}`);
  return ex;
};
const numericOf = (section: string, id: string, seed = 1, eps = 1e-5) => find(batchSectionExercises(section, batchCtx(seed, eps)), id) as NumericExercise;
const notes = (() => {
  const state = notesNetworkAfter(3, 1e-5);
  const fwd = notesForward(state.net, state.batch);
  return { batch: state.batch, fwd, grads: notesBackward(state.net, state.batch, fwd), eps: 1e-5, seed: 1 };
})();

describe('typed answers', () => {
  test('parses a typographic minus, a decimal comma, spaces and exponents; rejects the rest', () => {
    expect(parseAnswer('−1.25')).toBe(-1.25);
    expect(parseAnswer(' 2,5 ')).toBe(2.5);
    expect(parseAnswer('1e-3')).toBe(0.001);
    expect(parseAnswer('.5')).toBe(0.5);
    for (const bad of ['', 'abc', '1.2.3', '1,2,3', '--1']) expect(parseAnswer(bad)).toBeNaN();
  });

  test('the tolerance edge: exactly at ± tolerance is right, just past it is not', () => {
    const ex = numericOf('mean', 'mean-mu');
    const tol = ex.tolerance;
    expect(tol).toBe(toleranceFor(ex.answer));
    expect(gradeValue(ex, ex.answer + tol).status).toBe('right');
    expect(gradeValue(ex, ex.answer - tol).status).toBe('right');
    expect(gradeValue(ex, ex.answer + tol * 1.01).status).not.toBe('right');
    expect(gradeNumeric(ex, 'twelve').status).toBe('invalid');
  });
});

describe('each typical mistake is detected by computing it with the engine', () => {
  const s = batchNormSteps(z, { eps: 1e-5 });
  const m = z.length;

  test('μ: the sum, and m − 1', () => {
    const ex = numericOf('mean', 'mean-mu');
    expect(ex.answer).toBe(s.mean);
    expect(gradeValue(ex, s.mean).status).toBe('right');
    expect(gradeValue(ex, s.mean * m).message).toMatch(/did not divide by m/);
    expect(gradeValue(ex, (s.mean * m) / (m - 1)).message).toMatch(/m − 1 = 7 instead of m = 8/);
  });

  test('σ²: the unbiased variance (m − 1) is named, with what PyTorch uses it for', () => {
    const ex = numericOf('variance', 'variance-sigma2');
    expect(ex.answer).toBe(s.variance);
    const f = gradeNumeric(ex, String(s.unbiasedVariance));
    expect(f.status).toBe('mistake');
    expect(f.message).toMatch(/m − 1 = 7: that is the unbiased estimate, which PyTorch keeps for the running variance/);
    expect(gradeValue(ex, s.varianceIfCenteredTwice).message).toMatch(/subtracted μ twice/);
  });

  test('Z̃: the notes’ sign γ·Zₙₒᵣₘ − β', () => {
    const ex = numericOf('gamma-beta', 'gamma-beta-entry');
    const gamma = Number(ex.given[1].split('= ')[1].replace('−', '-'));
    const beta = Number(ex.given[2].split('= ')[1].replace('−', '-'));
    const t = batchNormSteps(z, { eps: 1e-5, gamma, beta });
    const i = t.y.findIndex((v) => v === ex.answer);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(gradeValue(ex, gamma * t.zNorm[i] - beta).message).toMatch(/the notes’ sign/);
  });

  test('forgetting ε is named only where ε makes a difference', () => {
    const small = numericOf('normalize', 'normalize-entry', 1, 1e-5);
    const forgot = small.mistakes.find((k) => /left out ε/.test(k.name));
    expect(forgot).toBeDefined();
    expect(gradeValue(small, forgot?.value ?? NaN).status).toBe('right');
    const large = numericOf('normalize', 'normalize-entry', 1, 1);
    const forgotLarge = large.mistakes.find((k) => /left out ε/.test(k.name))?.value ?? NaN;
    expect(gradeValue(large, forgotLarge).message).toMatch(/you left out ε/);
  });

  test('the summed instead of the mean loss, and a missing Σ over the batch', () => {
    const [, loss] = passSectionExercises('forward', notes) as NumericExercise[];
    expect(loss.answer).toBe(notes.fwd.loss);
    expect(gradeValue(loss, notes.fwd.loss * 6).message).toMatch(/summed the 6 losses/);
    const [dBeta] = passSectionExercises('backward', notes) as NumericExercise[];
    expect(notes.grads.dBeta2).toContain(dBeta.answer);
    const single = dBeta.mistakes.find((k) => /term alone/.test(k.name));
    expect(gradeValue(dBeta, single?.value ?? NaN).message).toMatch(/sums over the batch/);
    expect(gradeValue(dBeta, dBeta.answer * 6).message).toMatch(/summed loss/);
  });

  test('the simplified backward is a wrong option in train mode; the exact one is right', () => {
    const dz = passSectionExercises('backward', notes)[1] as ChoiceExercise;
    const right = dz.options.findIndex((o) => o.correct);
    const simplified = dz.options.findIndex((o) => /^γ\/√\(σ² \+ ε\) · ∂L\/∂Z̃ᵢ =/.test(o.label));
    expect(gradeChoice(dz, right).status).toBe('right');
    expect(gradeChoice(dz, simplified).message).toMatch(/simplified backward.*exact only in eval mode/);
    expect(dz.options.filter((o) => o.correct)).toHaveLength(1);
  });

  test('running statistics: momentum against Ng’s β, and the unbiased running variance', () => {
    const trace = runningStatsTrace({ seed: 1, m: 8, shift: 2, scale: 1.5, momentum: 0.1, eps: 1e-5, batches: 3 });
    const [mean, variance] = inferenceExercises({ trace, m: 8, momentum: 0.1 }) as NumericExercise[];
    expect(mean.answer).toBe(trace.runningMean[0]);
    expect(gradeValue(mean, 0.9 * trace.batchMean[0]).message).toMatch(/Ng’s β = 0.9/);
    expect(variance.answer).toBe(trace.runningVar[0]);
    expect(gradeValue(variance, 0.9 + 0.1 * trace.batchVar[0]).message).toMatch(/biased σ²/);
    expect(gradeValue(variance, 0.1 + 0.9 * trace.batchVar[0]).message).toMatch(/two slips at once: you averaged the biased σ² and weighted the new batch by 1 − momentum/);
  });
});

describe('the catalogue', () => {
  test('every section’s exercises have the ids the catalogue lists', () => {
    for (const section of BATCH_EXERCISE_SECTIONS) expect(batchSectionExercises(section, batchCtx()).map((e) => e.id)).toEqual(EXERCISE_IDS[section]);
    for (const section of ['forward', 'backward']) expect(passSectionExercises(section, notes).map((e) => e.id)).toEqual(EXERCISE_IDS[section]);
  });

  test('the answer changes with the seed and the batch; the same seed gives the same exercise', () => {
    const a = numericOf('normalize', 'normalize-entry', 1);
    const seeds = [2, 3, 4, 5, 6].map((seed) => numericOf('normalize', 'normalize-entry', seed).answer);
    expect(seeds.some((v) => v !== a.answer)).toBe(true);
    expect(numericOf('normalize', 'normalize-entry', 1)).toEqual(a);
    const other = find(batchSectionExercises('mean', batchCtx(1, 1e-5, sampleMiniBatch(2, 8, 2, 1.5))), 'mean-mu') as NumericExercise;
    expect(other.answer).not.toBe(a.answer);
    expect(nextSeed(1)).not.toBe(1);
    expect(nextSeed(1)).toBe(nextSeed(1));
  });

  test('every choice has one right option', () => {
    for (const seed of [1, 2, 3]) {
      const all = [...BATCH_EXERCISE_SECTIONS.flatMap((sec) => batchSectionExercises(sec, batchCtx(seed))), ...passSectionExercises('backward', { ...notes, seed })];
      for (const ex of all) if (ex.kind === 'choice') expect(ex.options.filter((o) => o.correct)).toHaveLength(1);
    }
  });
});

test('exercise prompts write a sample as zᵢ with a subscript, as the sections do (z₃ − μ, not z3 − μ)', () => {
  const texts = BATCH_EXERCISE_SECTIONS.flatMap((s) => [1, 2, 3].flatMap((seed) => batchSectionExercises(s, batchCtx(seed))))
    .flatMap((e) => [e.prompt, 'symbol' in e ? String(e.symbol) : '', 'hint' in e ? String(e.hint) : '']);
  expect(texts.some((t) => /z[₁-₉]/.test(t))).toBe(true);
  expect(texts.filter((t) => /\bz\d/.test(t))).toEqual([]);
});
