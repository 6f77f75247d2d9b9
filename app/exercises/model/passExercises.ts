import { get } from '../../../src/matrix';
import { type NotesBackward, type NotesBatch, type NotesForward, NOTES_CLASSES, NOTES_HIDDEN } from '../../../src/notesNetwork';
import { fmt } from '../../ui/format';
import { tightTolerance, toleranceFor } from './grade';
import { listOf, pickIndex, shuffled } from './pick';
import type { Exercise, Mistake } from './types';

/** What the exercises of sections 11–12 are answered from: the notes' network on screen, and the exercise seed. */
export interface PassExerciseContext {
  readonly batch: NotesBatch;
  readonly fwd: NotesForward;
  readonly grads: NotesBackward;
  readonly eps: number;
  readonly seed: number;
}

const f4 = (x: number) => fmt(x, 4);
const column = (a: { rows: number; cols: number; data: Float64Array }, j: number) => Array.from({ length: a.rows }, (_, i) => a.data[i * a.cols + j]);

/** Section 11: an entry of Z₁norm, and the mean loss. */
function forwardExercises({ batch, fwd, eps, seed }: PassExerciseContext): Exercise[] {
  const m = fwd.z1.rows;
  const i = pickIndex(seed, 11, m), j = pickIndex(seed, 111, NOTES_HIDDEN);
  const zj = column(fwd.z1, j);
  const mu = fwd.bn1.mean[j], v = fwd.bn1.variance[j], d = get(fwd.z1, i, j) - mu;
  const answer = get(fwd.bn1.zHat, i, j);
  const pTrue = Array.from({ length: m }, (_, r) => get(fwd.a2, r, batch.labels[r]));
  return [
    {
      kind: 'numeric',
      id: 'forward-znorm',
      prompt: `Predict Z₁norm for sample ${i + 1}, hidden neuron ${j + 1} (train mode: the batch’s own statistics).`,
      symbol: `Z₁norm`,
      given: [`neuron ${j + 1}’s Z₁ over the batch = ${listOf(zj, f4)}`, `ε = ${fmt(eps, 4)}`],
      answer,
      tolerance: toleranceFor(answer),
      hint: `μ and σ² of neuron ${j + 1} over the ${m} samples, then (z − μ)/√(σ² + ε).`,
      mistakes: [
        { name: 'you used the unbiased variance (m − 1); batch norm normalizes with the biased one (1/m).', value: d / Math.sqrt((v * m) / (m - 1) + eps) },
        { name: 'you did not subtract μ.', value: get(fwd.z1, i, j) / Math.sqrt(v + eps) },
      ],
    },
    {
      kind: 'numeric',
      id: 'forward-loss',
      prompt: 'Predict the loss L: the cross-entropy averaged over the batch, as this notebook’s network and PyTorch (reduction=\'mean\') do.',
      symbol: 'L',
      given: [`each sample’s probability of its own class, A₂[i, yᵢ] = ${listOf(pTrue, f4)}`],
      answer: fwd.loss,
      tolerance: toleranceFor(fwd.loss),
      hint: `−ln of each probability, then the mean over the ${m} samples.`,
      mistakes: [
        { name: `you summed the ${m} losses; the loss is their mean (PyTorch’s reduction='mean'), which also puts the 1/m in ∂L/∂Z̃₂ = (A₂ − Y)/m.`, value: fwd.loss * m },
        { name: 'you left out the minus sign of −ln p.', value: -fwd.loss },
        { name: 'you used log₁₀; the cross-entropy uses the natural logarithm.', value: fwd.loss / Math.LN10 },
      ],
    },
  ];
}

/** Section 12: ∂L/∂β₂ from A₂ − Y, and which ∂L/∂Z₂ is right in train mode. */
function backwardExercises({ batch, fwd, grads, seed }: PassExerciseContext): Exercise[] {
  const m = fwd.z2.rows;
  const j = pickIndex(seed, 12, NOTES_CLASSES), i = pickIndex(seed, 121, m);
  const diff = Array.from({ length: m }, (_, r) => get(fwd.a2, r, j) - (batch.labels[r] === j ? 1 : 0));
  const dBeta = grads.dBeta2[j];
  const missingSum: Mistake[] = diff.flatMap((x, r) => [
    { name: `you gave sample ${r + 1}’s term alone: ∂L/∂β sums over the batch.`, value: x / m },
    { name: `you gave sample ${r + 1}’s A₂ − Y alone: ∂L/∂β sums every sample’s (A₂ − Y)/m over the batch.`, value: x },
  ]);
  const exact = get(grads.dZ2, i, j), simplified = get(grads.dZ2Simplified, i, j);
  const options = shuffled(seed, 122, [
    { label: `γ/√(σ² + ε) · (∂L/∂Z̃ᵢ − mean of ∂L/∂Z̃ − Zₙₒᵣₘ,ᵢ · mean of ∂L/∂Z̃ ⊙ Zₙₒᵣₘ) = ${fmt(exact, 5)}`, correct: true, why: 'in train mode μ and σ² depend on every zᵢ, so the gradient flows through them too: the two subtracted means are those paths (the engine’s exact backward, which central differences confirm).' },
    { label: `γ/√(σ² + ε) · ∂L/∂Z̃ᵢ = ${fmt(simplified, 5)}`, correct: false, why: 'this is the notes’ simplified backward (with √(σ² + ε) for their |σ|): it treats μ and σ² as constants, which is exact only in eval mode.' },
    { label: `γ/√(σ² + ε) · ((A₂ − Y)ᵢ − mean(A₂ − Y) − Zₙₒᵣₘ,ᵢ · mean((A₂ − Y) ⊙ Zₙₒᵣₘ)) = ${fmt(exact * m, 5)}`, correct: false, why: `that is the gradient of the summed loss; this notebook’s loss (PyTorch’s default) is the mean over the ${m} samples; the notes’ A₂ − Y goes with the summed loss.` },
  ]);
  return [
    {
      kind: 'numeric',
      id: 'backward-dbeta',
      prompt: `Predict ∂L/∂β₂ for output neuron ${j + 1}, with ∂L/∂Z̃₂ = (A₂ − Y)/m.`,
      symbol: `∂L/∂β₂`,
      given: [`A₂ − Y for neuron ${j + 1}, samples 1–${m} = ${listOf(diff, f4)}`, `m = ${m}`],
      answer: dBeta,
      // ±0.0001 (or 0.2 %): its answers are 0.001–0.04, and A₂ − Y is given to 4 decimals (rounding ≤ 5·10⁻⁵).
      tolerance: tightTolerance(dBeta, 1e-4, 0.002),
      hint: 'β is added to every sample’s Z̃₂, so its gradient collects every sample’s ∂L/∂Z̃₂.',
      mistakes: [{ name: 'you summed A₂ − Y without the 1/m (the notes’ ∂L/∂Z̃₂ = A₂ − Y): that is the gradient of the summed loss, not of the mean loss.', value: dBeta * m }, ...missingSum],
    },
    { kind: 'choice', id: 'backward-dz', prompt: `In train mode, which is ∂L/∂Z₂ for sample ${i + 1}, output neuron ${j + 1}?`, given: [`m = ${m}`, '∂L/∂Z̃₂ = (A₂ − Y)/m (mean loss)', `μ, σ²: output neuron ${j + 1}’s over the batch`], options },
  ];
}

/** Sections 11–12 with exercises. */
export const PASS_EXERCISE_SECTIONS: readonly string[] = ['forward', 'backward'];

/** A section's exercises for the notes' network on screen. */
export function passSectionExercises(section: string, c: PassExerciseContext): Exercise[] {
  if (section === 'forward') return forwardExercises(c);
  if (section === 'backward') return backwardExercises(c);
  return [];
}
