import type { BatchNorm } from '../../../src/batchnorm';
import { batchNormSteps } from '../../../src/bnSteps';
import { get } from '../../../src/matrix';
import type { NotesBackward } from '../../../src/notesNetwork';
import { firstSampleOutput } from '../../../src/runningStats';
import { fmt } from '../../ui/format';

/** One line of the summary: a formula, and what it gives for what is on screen. */
export interface SummaryLine {
  readonly formula: string;
  readonly value: string;
  /** A one-line reason, where the formula needs one. */
  readonly why?: string;
}

export interface SummaryView {
  readonly forward: readonly SummaryLine[];
  readonly backward: readonly SummaryLine[];
  readonly modes: readonly SummaryLine[];
}

export interface SummaryInput {
  /** The shared batch and the page's ε, γ, β. */
  readonly z: Float64Array;
  readonly eps: number;
  readonly gamma: number;
  readonly beta: number;
  /** The notes' network's gradients (sections 11–12) at the page's SGD step. */
  readonly grads: NotesBackward;
  /** Section 15's layer after its training batches, with the page's γ and β. */
  readonly trained: BatchNorm;
}

const f = (x: number) => fmt(x, 4);

/** The entry of ∂L/∂Z₂ where the exact backward and the notes' simplified one differ most (row, column). */
export function largestGap(grads: NotesBackward): { i: number; j: number } {
  const { rows, cols } = grads.dZ2;
  let best = { i: 0, j: 0 }, gap = -1;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const g = Math.abs(get(grads.dZ2, i, j) - get(grads.dZ2Simplified, i, j));
      if (g > gap) [best, gap] = [{ i, j }, g];
    }
  }
  return best;
}

/** The summary's lines, every number from the engine; null when the engine refuses the batch (σ² + ε = 0). */
export function summaryView({ z, eps, gamma, beta, grads, trained }: SummaryInput): SummaryView | null {
  const s = batchNormSteps(z, { eps, gamma, beta });
  if (!s.defined) return null;
  const train = firstSampleOutput(trained, z, 'train');
  const evalOut = firstSampleOutput(trained, z, 'eval');
  const { i, j } = largestGap(grads);
  const exact = get(grads.dZ2, i, j), simplified = get(grads.dZ2Simplified, i, j);
  const k = trained.momentum;
  return {
    forward: [
      { formula: 'μ = (1/m) Σᵢ zᵢ', value: `μ = ${f(s.mean)} (m = ${s.m})` },
      { formula: 'σ² = (1/m) Σᵢ (zᵢ − μ)²', value: `σ² = ${f(s.variance)}`, why: 'divided by m (biased), as PyTorch normalizes; the unbiased σ²·m/(m − 1) only goes into the running variance.' },
      { formula: 'Zₙₒᵣₘ,ᵢ = (zᵢ − μ)/√(σ² + ε)', value: `Zₙₒᵣₘ,₁ = ${f(s.zNorm[0])} (ε = ${fmt(eps, 4)})` },
      { formula: 'Z̃ᵢ = γ·Zₙₒᵣₘ,ᵢ + β', value: `Z̃₁ = ${f(s.y[0])} (γ = ${fmt(gamma)}, β = ${fmt(beta)})`, why: gamma === 1 && beta === 0 ? 'plus β: the notes’ − β is a sign error. At γ = 1, β = 0 (the defaults) Z̃ is Zₙₒᵣₘ itself: set γ and β in section 7 to see them act here.' : 'plus β: the notes’ − β is a sign error.' },
    ],
    backward: [
      { formula: '∂L/∂β = Σᵢ ∂L/∂Z̃ᵢ,  ∂L/∂γ = Σᵢ ∂L/∂Z̃ᵢ · Zₙₒᵣₘ,ᵢ', value: `∂L/∂β₂ = ${f(grads.dBeta2[0])}, ∂L/∂γ₂ = ${f(grads.dGamma2[0])} (the notes’ network, output neuron 1)`, why: 'β and γ act on every sample, so their gradients sum over the batch.' },
      {
        formula: '∂L/∂zᵢ = γ/√(σ² + ε) · (∂L/∂Z̃ᵢ − mean ∂L/∂Z̃ − Zₙₒᵣₘ,ᵢ · mean(∂L/∂Z̃ ⊙ Zₙₒᵣₘ))',
        value: `∂L/∂Z₂ = ${f(exact)}; the notes’ simplified γ/√(σ² + ε) · ∂L/∂Z̃ gives ${f(simplified)} (sample ${i + 1}, output neuron ${j + 1}, where the two differ most)`,
        why: 'mean ∂L/∂Z̃ is the path through μ; Zₙₒᵣₘ,ᵢ·mean(∂L/∂Z̃ ⊙ Zₙₒᵣₘ) is the path through σ².',
      },
    ],
    modes: [
      { formula: 'train mode: the batch’s μ and σ²', value: train.ok ? `sample 1 → ${f(train.y)} (μ = ${f(train.mean)}, σ² = ${f(train.variance)})` : train.error, why: 'the output of a sample depends on its batch-mates; the running statistics are updated.' },
      { formula: 'eval mode: y = γ·(z − running_mean)/√(running_var + ε) + β', value: evalOut.ok ? `sample 1 → ${f(evalOut.y)} (running mean ${f(evalOut.mean)}, running variance ${f(evalOut.variance)})` : evalOut.error, why: 'the same fixed affine map for every sample: what section 15’s layer learned from its training batches.' },
      {
        formula: 'running_mean ← (1 − momentum)·running_mean + momentum·μ; running_var ← (1 − momentum)·running_var + momentum·σ²·m/(m − 1)',
        value: `momentum = ${fmt(k)}`,
        why: `momentum is the weight of the new batch; Ng’s β (the weight of the old average, not BN’s β) is 1 − momentum = ${fmt(1 - k)}.`,
      },
    ],
  };
}
