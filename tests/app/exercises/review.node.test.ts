import { describe, expect, test } from 'vitest';
import { batchNormSteps, notesBackward, notesForward, notesNetworkAfter, runningStatsTrace, sampleMiniBatch } from '../../../src';
import { fmtTolerance, gradeChoice, gradeValue, tightTolerance } from '../../../app/exercises/model/grade';
import { batchSectionExercises } from '../../../app/exercises/model/batchExercises';
import { passSectionExercises } from '../../../app/exercises/model/passExercises';
import { inferenceExercises } from '../../../app/exercises/model/inferenceExercises';
import type { ChoiceExercise, Exercise, NumericExercise, PlacementExercise } from '../../../app/exercises/model/types';

/** The findings of the exercises' review, each as a property over seeds and settings. */
const byId = (list: Exercise[], id: string) => {
  const ex = list.find((e) => e.id === id);
  if (!ex) throw new Error(`no exercise ${id}`);
  return ex;
};
const SEEDS = Array.from({ length: 50 }, (_, k) => k + 1);

describe('section 6: the variance of Zₙₒᵣₘ', () => {
  test('exactly one option is right for every ε, 0 and 1 included; “Exactly 1” only when ε = 0', () => {
    for (const eps of [0, 1e-10, 1e-8, 1e-5, 1e-3, 0.1, 1]) {
      for (const seed of [1, 2, 3]) {
        const z = sampleMiniBatch(seed, 8, 2, 1.5);
        const ex = byId(batchSectionExercises('normalize', { z, eps, seed }), 'normalize-variance') as ChoiceExercise;
        expect(ex.options.filter((o) => o.correct)).toHaveLength(1);
        const one = ex.options.findIndex((o) => o.label === 'Exactly 1');
        expect(gradeChoice(ex, one).status).toBe(eps === 0 ? 'right' : 'mistake');
        const ratio = ex.options.find((o) => o.label.startsWith('σ²/(σ² + ε)'));
        if (eps === 0) expect(ratio).toBeUndefined();
        else {
          expect(ratio?.correct).toBe(true);
          // Its value never prints as a bare 1 beside the wrong “Exactly 1”.
          expect(ratio?.label).not.toMatch(/= 1$/);
        }
        for (const o of ex.options) expect(`${o.label} ${o.why}`).not.toMatch(/a little under 1|just under 1/);
      }
    }
  });
});

describe('section 15: the running statistics', () => {
  const settings = [
    { m: 8, scale: 0.5, momentum: 0.1 },
    { m: 32, scale: 0.5, momentum: 0.1 },
    { m: 64, scale: 1, momentum: 0.1 },
    { m: 8, scale: 1.5, momentum: 0.3 },
  ];
  test('the biased-variance answer is never accepted (200 seeds and settings), and is named', () => {
    for (const { m, scale, momentum } of settings) {
      for (const seed of SEEDS) {
        const trace = runningStatsTrace({ seed, m, shift: 2, scale, momentum, eps: 1e-5, batches: 1 });
        const [, variance] = inferenceExercises({ trace, m, momentum }) as NumericExercise[];
        const biased = (1 - momentum) + momentum * trace.batchVar[0];
        const f = gradeValue(variance, biased);
        expect(f.status, `m ${m}, scale ${scale}, seed ${seed}`).toBe('mistake');
        expect(f.message).toMatch(/averaged the biased σ²/);
        expect(gradeValue(variance, momentum * trace.batchVar[0] * (m / (m - 1))).message).toMatch(/started the running variance at 0; PyTorch starts it at 1/);
      }
    }
  });

  test('an answer worked from the given numbers (rounded as shown, then to 4 decimals) is right', () => {
    for (const momentum of [0.01, 0.1, 0.5, 1]) {
      for (const m of [2, 8, 64]) {
        for (const seed of SEEDS.slice(0, 20)) {
          const trace = runningStatsTrace({ seed, m, shift: 2, scale: 1.5, momentum, eps: 1e-5, batches: 1 });
          const [mean, variance] = inferenceExercises({ trace, m, momentum }) as NumericExercise[];
          const mu = Number(trace.batchMean[0].toFixed(4)), v = Number(trace.batchVar[0].toFixed(5));
          const r4 = (x: number) => Number(x.toFixed(4));
          expect(gradeValue(mean, r4(momentum * mu)).status).toBe('right');
          expect(gradeValue(variance, r4(1 - momentum + momentum * ((v * m) / (m - 1)))).status).toBe('right');
        }
      }
    }
  });

  test('a running mean of about 0.001 does not accept 0', () => {
    // Shift 0 and a small scale: batches whose μ is about 0.01.
    let tried = 0;
    for (const seed of SEEDS) {
      const trace = runningStatsTrace({ seed, m: 8, shift: 0, scale: 0.03, momentum: 0.1, eps: 1e-5, batches: 1 });
      const [mean] = inferenceExercises({ trace, m: 8, momentum: 0.1 }) as NumericExercise[];
      if (Math.abs(mean.answer) < 2e-4) continue;
      tried++;
      expect(gradeValue(mean, 0).status).not.toBe('right');
    }
    expect(tried).toBeGreaterThan(10);
  });

  test('the shown tolerance is the one applied, in plain decimals', () => {
    expect(tightTolerance(0.5, 1e-4, 1e-4)).toBe(1e-4);
    expect(tightTolerance(1.234, 1e-4, 1e-4)).toBe(0.00013);
    expect(tightTolerance(0.0312, 1e-4, 0.002)).toBe(1e-4);
    expect(tightTolerance(0.0612, 1e-4, 0.002)).toBe(0.00013);
    expect(fmtTolerance(1e-4)).toBe('0.0001');
    expect(fmtTolerance(0.00013)).toBe('0.00013');
    expect(fmtTolerance(0.002)).toBe('0.002');
    const trace = runningStatsTrace({ seed: 1, m: 8, shift: 2, scale: 1.5, momentum: 0.1, eps: 1e-5, batches: 1 });
    const [, variance] = inferenceExercises({ trace, m: 8, momentum: 0.1 }) as NumericExercise[];
    expect(gradeValue(variance, variance.answer + variance.tolerance).message).toMatch(/within ±0\.0001\d?\.$/);
  });
});

describe('section 12: ∂L/∂β₂', () => {
  test('0, and an answer 0.001 off, are not accepted at any SGD step or seed; one sample’s A₂ − Y is named', () => {
    for (const steps of [0, 5, 20, 40, 60]) {
      const state = notesNetworkAfter(steps, 1e-5);
      const fwd = notesForward(state.net, state.batch);
      const grads = notesBackward(state.net, state.batch, fwd);
      for (const seed of SEEDS.slice(0, 20)) {
        const [dBeta] = passSectionExercises('backward', { batch: state.batch, fwd, grads, eps: 1e-5, seed }) as NumericExercise[];
        if (Math.abs(dBeta.answer) > 3e-4) expect(gradeValue(dBeta, 0).status, `steps ${steps}, seed ${seed}`).not.toBe('right');
        expect(gradeValue(dBeta, Number(dBeta.answer.toFixed(4))).status).toBe('right');
        if (Math.abs(dBeta.answer) > 0.0012) expect(gradeValue(dBeta, dBeta.answer - 0.001).status).not.toBe('right');
        const alone = dBeta.mistakes.find((k) => /A₂ − Y alone/.test(k.name));
        expect(alone).toBeDefined();
      }
    }
  });

  test('which is ∂L/∂Z₂: the loss is stated, and the summed-loss option is spelled out', () => {
    const state = notesNetworkAfter(0, 1e-5);
    const fwd = notesForward(state.net, state.batch);
    const dz = passSectionExercises('backward', { batch: state.batch, fwd, grads: notesBackward(state.net, state.batch, fwd), eps: 1e-5, seed: 1 })[1] as ChoiceExercise;
    expect(dz.given).toContain('∂L/∂Z̃₂ = (A₂ − Y)/m (mean loss)');
    expect(dz.options.map((o) => o.label).join('\n')).not.toMatch(/the same/);
    const summed = dz.options.find((o) => o.label.startsWith('γ/√(σ² + ε) · ((A₂ − Y)ᵢ − mean(A₂ − Y)'));
    expect(summed?.correct).toBe(false);
    expect(summed?.why).toMatch(/the notes’ A₂ − Y goes with the summed loss/);
  });
});

describe('the placement of μ', () => {
  test('Check without moving the marker is never right (m = 2, 3, 8; 50 seeds each)', () => {
    for (const m of [2, 3, 8]) {
      for (const seed of SEEDS) {
        const z = sampleMiniBatch(seed, m, 2, 1.5);
        const ex = byId(batchSectionExercises('mean', { z, eps: 1e-5, seed }), 'mean-place') as PlacementExercise;
        expect(ex.start).toBeGreaterThanOrEqual(ex.domain[0]);
        expect(ex.start).toBeLessThan(ex.domain[1]);
        expect(gradeValue(ex, ex.start).status, `m ${m}, seed ${seed}`).not.toBe('right');
      }
    }
  });
});

describe('wording', () => {
  test('a count is right without a ±0; centring’s z − 2μ is not blamed on the notes', () => {
    const z = sampleMiniBatch(1, 8, 2, 1.5);
    const zeros = byId(batchSectionExercises('placement', { z, eps: 1e-5, seed: 1 }), 'placement-zeros') as NumericExercise;
    expect(gradeValue(zeros, zeros.answer).message).toBe(`Right: ${zeros.answer}.`);
    const centring = byId(batchSectionExercises('centering', { z, eps: 1e-5, seed: 1 }), 'centering-entry') as NumericExercise;
    const twice = centring.mistakes.find((k) => /twice/.test(k.name));
    expect(twice?.name).toBe('you subtracted μ twice (zᵢ − 2μ).');
    const s = batchNormSteps(z);
    expect(twice?.value).toBeCloseTo(s.centered.find((c) => Math.abs(c - centring.answer) < 1e-12)! - s.mean, 12);
  });
});
