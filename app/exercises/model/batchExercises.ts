import { batchNormSteps, type BatchNormSteps } from '../../../src/bnSteps';
import { fmt, sub } from '../../ui/format';
import { toleranceFor } from './grade';
import { listOf, pickIndex, pickOne, shuffled } from './pick';
import type { Exercise } from './types';

/** What the exercises of sections 2–10 are answered from: the batch on screen, its ε, and the exercise seed. */
export interface BatchExerciseContext {
  readonly z: Float64Array;
  readonly eps: number;
  readonly seed: number;
}

const f4 = (x: number) => fmt(x, 4);
const zLine = (z: ArrayLike<number>) => `z = ${listOf(z, f4)}`;
const epsLine = (eps: number) => `ε = ${fmt(eps, 4)}`;

/** Numeric exercise fields shared by every builder: the tolerance follows from the answer. */
function numeric(e: { id: string; prompt: string; symbol: string; given: string[]; answer: number; hint: string; mistakes: { name: string; value: number }[] }): Exercise {
  return { kind: 'numeric', ...e, tolerance: toleranceFor(e.answer) };
}

/** Section 2: what a BN neuron's statistics run over. */
function batchExercises({ z }: BatchExerciseContext): Exercise[] {
  const m = z.length;
  return [
    {
      kind: 'choice',
      id: 'batch-over',
      prompt: `This layer’s one neuron sees the batch below. In train mode, its μ and σ² are averages over what?`,
      given: [zLine(z)],
      options: [
        { label: `The m = ${m} values of this neuron, one per example in the mini-batch`, correct: true, why: `batch norm averages each neuron over the examples of the mini-batch: here the ${m} values of z.` },
        { label: 'The values of this one example across the layer’s neurons', correct: false, why: 'that is what layer normalization averages. Batch norm averages one neuron over the examples of the batch.' },
        { label: 'Every example of the whole training set', correct: false, why: 'in train mode BN uses the mini-batch only; at inference PyTorch uses running averages kept during training (section 15) instead of any batch’s statistics.' },
      ],
    },
  ];
}

/** Section 3: μ. */
function meanExercises({ z }: BatchExerciseContext, s: BatchNormSteps): Exercise[] {
  const m = z.length;
  // The marker starts a tenth of the way along the axis, left of every dot: never at μ (the axis's middle is μ when m = 2).
  const domain = axisDomain(z);
  return [
    numeric({
      id: 'mean-mu',
      prompt: 'Predict the batch mean μ of this neuron.',
      symbol: 'μ',
      given: [zLine(z)],
      answer: s.mean,
      hint: `add the ${m} values, then divide by m = ${m}.`,
      mistakes: [
        { name: 'you summed the values but did not divide by m.', value: s.mean * m },
        { name: `you divided by m − 1 = ${m - 1} instead of m = ${m}; the mean divides by m.`, value: (s.mean * m) / (m - 1) },
      ],
    }),
    {
      kind: 'placement',
      id: 'mean-place',
      prompt: 'Drag the marker to where μ will land on the axis (or move it with the slider under it).',
      symbol: 'μ',
      given: [`m = ${m}`],
      points: Array.from(z),
      domain,
      start: domain[0] + 0.1 * (domain[1] - domain[0]),
      answer: s.mean,
      tolerance: Math.max(0.05, 0.05 * s.std),
      hint: 'μ is the balance point of the dots: as much distance to its left as to its right.',
      mistakes: [],
    },
  ];
}

/** A range around the batch with some room (the placement's axis). */
function axisDomain(z: ArrayLike<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < z.length; i++) { lo = Math.min(lo, z[i]); hi = Math.max(hi, z[i]); }
  const pad = Math.max(0.5, 0.15 * (hi - lo));
  return [lo - pad, hi + pad];
}

/** Section 4: one centred value. */
function centeringExercises({ z, seed }: BatchExerciseContext, s: BatchNormSteps): Exercise[] {
  const i = pickIndex(seed, 4, z.length);
  return [
    numeric({
      id: 'centering-entry',
      prompt: `Predict z${sub(i + 1)} − μ, sample ${i + 1} centred.`,
      symbol: `z${sub(i + 1)} − μ`,
      given: [zLine(z), `μ = ${f4(s.mean)}`],
      answer: s.centered[i],
      hint: `subtract μ from the value of sample ${i + 1}.`,
      mistakes: [
        { name: 'you computed μ − zᵢ: the sign is the other way round.', value: -s.centered[i] },
        { name: 'you subtracted μ twice (zᵢ − 2μ).', value: s.centered[i] - s.mean },
      ],
    }),
  ];
}

/** Section 5: σ², biased. */
function varianceExercises({ z }: BatchExerciseContext, s: BatchNormSteps): Exercise[] {
  const m = z.length;
  return [
    numeric({
      id: 'variance-sigma2',
      prompt: 'Predict the batch variance σ² that batch norm normalizes with.',
      symbol: 'σ²',
      given: [zLine(z), `μ = ${f4(s.mean)}`],
      answer: s.variance,
      hint: `square each zᵢ − μ, add the squares, divide by m = ${m}.`,
      mistakes: [
        { name: `you divided by m − 1 = ${m - 1}: that is the unbiased estimate, which PyTorch keeps for the running variance; the normalization itself divides by m.`, value: s.unbiasedVariance },
        { name: 'you added the squared deviations but did not divide by m.', value: s.variance * m },
        { name: 'you gave σ, the square root; σ² is the variance itself.', value: Math.sqrt(s.variance) },
        { name: 'you subtracted μ twice (after the notes’ Z = Z − μ, their σ² formula subtracts μ again), which gives σ² + μ².', value: s.varianceIfCenteredTwice },
      ],
    }),
  ];
}

/** Section 6: an entry of Z_norm, and Z_norm's variance. */
function normalizeExercises({ z, eps, seed }: BatchExerciseContext, s: BatchNormSteps): Exercise[] {
  const i = pickIndex(seed, 6, z.length);
  const d = s.centered[i];
  const plain = batchNormSteps(z, { eps });
  const spread = plain.outVariance;
  const m = z.length;
  // Exactly one option is right: with ε = 0 the variance is 1 (up to rounding) and σ²/(σ² + ε) is left out; with ε > 0 it is σ²/(σ² + ε) < 1.
  const below = 'σ²/(σ² + ε), below 1 (barely, when ε ≪ σ²)';
  // Below 10⁻⁸ under 1 the 8 decimals print 1: then say how far below, ε/(σ² + ε).
  const shown = fmt(spread, 8) === '1' ? `1 − ${fmt(eps / (s.variance + eps), 2)}` : fmt(spread, 8);
  const options = [
    ...(eps === 0 ? [] : [{ label: `σ²/(σ² + ε) = ${shown}`, correct: true, why: `dividing by √(σ² + ε) rather than σ leaves the variance ${below}: the engine’s value.` }]),
    { label: 'Exactly 1', correct: eps === 0, why: eps === 0 ? 'with ε = 0, Zₙₒᵣₘ is divided by σ itself, so its variance is 1 (up to rounding).' : `that forgets ε: with √(σ² + ε) in the denominator the variance is ${below}.` },
    { label: `m/(m − 1) = ${fmt(m / (m - 1), 4)}`, correct: false, why: 'Zₙₒᵣₘ is divided by the biased σ (1/m), so its biased variance is about 1, not m/(m − 1).' },
  ];
  const choice: Exercise[] = s.variance > 0 ? [{ kind: 'choice', id: 'normalize-variance', prompt: 'What is the (biased) variance of Zₙₒᵣₘ over this batch?', given: [epsLine(eps), `σ² = ${f4(s.variance)}`], options: shuffled(seed, 61, options) }] : [];
  return [
    numeric({
      id: 'normalize-entry',
      prompt: `Predict Zₙₒᵣₘ for sample ${i + 1}.`,
      symbol: `Zₙₒᵣₘ,${i + 1}`,
      given: [zLine(z), `μ = ${f4(s.mean)}`, `σ² = ${f4(s.variance)}`, epsLine(eps)],
      answer: s.zNorm[i],
      hint: `(z${sub(i + 1)} − μ) / √(σ² + ε).`,
      mistakes: [
        { name: 'you divided by σ² + ε without the square root.', value: d / (s.variance + eps) },
        { name: 'you used the unbiased variance (m − 1); batch norm normalizes with the biased one (1/m).', value: d / Math.sqrt(s.unbiasedVariance + eps) },
        { name: 'you left out ε.', value: d / Math.sqrt(s.variance) },
        { name: 'you divided zᵢ by √(σ² + ε) without subtracting μ first.', value: z[i] / s.std },
      ],
    }),
    ...choice,
  ];
}

/** Section 7: an entry of Z̃ with γ and β chosen by the seed (β ≠ 0, so the notes' sign shows). */
function gammaBetaExercises({ z, eps, seed }: BatchExerciseContext): Exercise[] {
  const i = pickIndex(seed, 7, z.length);
  const gamma = pickOne(seed, 71, [0.5, 1.5, 2, 3, -1]);
  const beta = pickOne(seed, 72, [-2, -1, 0.5, 1, 3]);
  const s = batchNormSteps(z, { eps, gamma, beta });
  const zn = s.zNorm[i];
  return [
    numeric({
      id: 'gamma-beta-entry',
      prompt: `With γ = ${fmt(gamma)} and β = ${fmt(beta)}, predict Z̃ for sample ${i + 1}.`,
      symbol: `Z̃${i + 1}`,
      given: [`Zₙₒᵣₘ,${i + 1} = ${f4(zn)}`, `γ = ${fmt(gamma)}`, `β = ${fmt(beta)}`],
      answer: s.y[i],
      hint: 'scale by γ, then shift by β.',
      mistakes: [
        { name: 'you computed γ·Zₙₒᵣₘ − β, the notes’ sign; the shift adds β (PyTorch: y = γ·(x − E[x])/√(Var[x] + ε) + β).', value: gamma * zn - beta },
        { name: 'you swapped the roles of γ and β.', value: beta * zn + gamma },
        { name: `you scaled and shifted z${sub(i + 1)} itself instead of Zₙₒᵣₘ.`, value: gamma * z[i] + beta },
      ],
    }),
  ];
}

/** Section 8: the γ and β that undo BN. */
function identityExercises({ z, eps }: BatchExerciseContext, s: BatchNormSteps): Exercise[] {
  return [
    numeric({
      id: 'identity-gamma',
      prompt: 'Which γ makes Z̃ = Z for this batch (with β chosen right)?',
      symbol: 'γ',
      given: [zLine(z), `σ² = ${f4(s.variance)}`, epsLine(eps)],
      answer: s.std,
      hint: 'γ must undo the division by √(σ² + ε).',
      mistakes: [
        { name: 'you gave σ² + ε; the division was by its square root.', value: s.variance + eps },
        { name: 'you gave 1/√(σ² + ε), which divides by √(σ² + ε) once more instead of undoing the division.', value: 1 / s.std },
        { name: 'you used the unbiased variance (m − 1); the forward pass divided by the biased σ.', value: Math.sqrt(s.unbiasedVariance + eps) },
      ],
    }),
    numeric({
      id: 'identity-beta',
      prompt: 'And which β?',
      symbol: 'β',
      given: [zLine(z)],
      answer: s.mean,
      hint: 'β must put back what the centring took away.',
      mistakes: [{ name: 'you gave −μ; β adds back μ, so β = μ.', value: -s.mean }],
    }),
  ];
}

/** Section 9: a bias before BN changes nothing. */
function biasExercises({ z, eps, seed }: BatchExerciseContext, s: BatchNormSteps): Exercise[] {
  const i = pickIndex(seed, 9, z.length);
  const b = pickOne(seed, 91, [-3, -1.5, 2, 4]);
  const shifted = batchNormSteps(Float64Array.from(z, (v) => v + b), { eps });
  return [
    numeric({
      id: 'bias-entry',
      prompt: `Add a bias b = ${fmt(b)} to every zᵢ before BN. Predict Zₙₒᵣₘ for sample ${i + 1} now.`,
      symbol: `Zₙₒᵣₘ,${i + 1}`,
      given: [`before the bias: Zₙₒᵣₘ,${i + 1} = ${f4(s.zNorm[i])}`, `μ = ${f4(s.mean)}`, `√(σ² + ε) = ${f4(s.std)}`],
      answer: shifted.zNorm[i],
      hint: 'what does adding b to every value do to μ, and to zᵢ − μ?',
      mistakes: [
        { name: 'you added b after normalizing; the bias came before BN, where μ absorbs it.', value: s.zNorm[i] + b },
        { name: 'you moved zᵢ by b but not μ: μ moves by b too, so zᵢ − μ is unchanged.', value: (z[i] + b - s.mean) / s.std },
      ],
    }),
  ];
}

/** Section 10: BN before ReLU, with γ = 1 and β = 0. */
function placementExercises({ z, eps }: BatchExerciseContext): Exercise[] {
  const s = batchNormSteps(z, { eps });
  const zeros = s.zNorm.filter((v) => v <= 0).length;
  return [
    {
      kind: 'numeric',
      id: 'placement-zeros',
      prompt: 'With BN before ReLU (γ = 1, β = 0), how many of the batch’s ReLU outputs are 0?',
      symbol: 'count',
      given: [zLine(z), `μ = ${f4(s.mean)}`],
      answer: zeros,
      tolerance: 0,
      hint: 'ReLU(Zₙₒᵣₘ) is 0 where Zₙₒᵣₘ ≤ 0, that is where zᵢ ≤ μ.',
      mistakes: [{ name: 'you counted zᵢ ≤ 0, where ReLU applied to z itself gives 0 (BN after the activation); with BN before ReLU the threshold is μ.', value: Array.from(z).filter((v) => v <= 0).length }],
    },
  ];
}

const BUILDERS: Readonly<Record<string, (c: BatchExerciseContext, s: BatchNormSteps) => Exercise[]>> = {
  batch: batchExercises,
  mean: meanExercises,
  centering: centeringExercises,
  variance: varianceExercises,
  normalize: normalizeExercises,
  'gamma-beta': gammaBetaExercises,
  identity: identityExercises,
  bias: biasExercises,
  placement: placementExercises,
};

/** Sections 2–10 with exercises. */
export const BATCH_EXERCISE_SECTIONS: readonly string[] = Object.keys(BUILDERS);

/** A section's exercises for the batch on screen (none for a section without any, or when the engine refuses the batch). */
export function batchSectionExercises(section: string, c: BatchExerciseContext): Exercise[] {
  const build = BUILDERS[section];
  if (!build || c.z.length < 2) return [];
  const steps = batchNormSteps(c.z, { eps: c.eps });
  return steps.defined ? build(c, steps) : [];
}
