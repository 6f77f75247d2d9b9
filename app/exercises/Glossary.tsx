import { memo } from 'react';

/**
 * The notation bridge to the course the notes follow (Andrew Ng's) and to PyTorch, and a glossary of
 * terms the exercises use: a disclosure under every section's exercises.
 */
const NOTATION: readonly [string, string][] = [
  ['Zₙₒᵣₘ', 'the notes’ and Ng’s z_norm, Ioffe & Szegedy’s x̂ (PyTorch’s docs use x̂ for a running statistic instead): (z − μ)/√(σ² + ε), with the batch’s μ and its biased σ² (divided by m).'],
  ['Z̃', 'Ng’s z̃, PyTorch’s output y: γ·Zₙₒᵣₘ + β (the notes define it with + β, and their forward pass writes − β; the shift is + β).'],
  ['ε', 'a small number added to σ² under the square root, so the division is defined when σ² = 0, and for numerical stability; PyTorch’s eps, 10⁻⁵ by default.'],
  ['momentum 0.1 and β = 0.9', 'the same running average: Ng writes v ← β·v + (1 − β)·θ with β = 0.9 (not batch norm’s β); PyTorch writes running ← (1 − momentum)·running + momentum·θ with momentum = 0.1 = 1 − β.'],
  ['σ² in the running variance', 'PyTorch averages the unbiased variance, σ²·m/(m − 1), into running_var (with the momentum); the normalization in train mode uses the biased σ².'],
];

const TERMS: readonly [string, string][] = [
  ['seed', 'the number the engine’s random generator starts from: the same seed draws the same batch. “Draw a new batch” (section 2) picks the next one; “New batch and questions” (under the exercises) also picks other questions.'],
  ['central differences', '(L(θ + h) − L(θ − h))/(2h): a numerical derivative, which section 12 compares with the backward pass.'],
  ['train mode', 'batch norm normalizes with the batch’s own μ and σ², and updates the running statistics (PyTorch’s model.train()).'],
  ['eval mode', 'batch norm normalizes with the running statistics instead, so a sample’s output no longer depends on its batch-mates (model.eval()).'],
  ['running statistics', 'running_mean and running_var: exponential moving averages of the batch mean and of the unbiased batch variance, updated with the momentum; eval mode uses them.'],
];

function Terms({ items }: { items: readonly [string, string][] }) {
  return (
    <dl className="exercise-terms">
      {items.map(([term, what]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The notation and the terms, folded until opened. Memoized: it never changes (a drag re-rendered it at every move). */
export const Glossary = memo(function Glossary() {
  return (
    <details className="exercise-glossary">
      <summary>Notation and terms</summary>
      <p className="exercise-glossary-head">The notes, Ng’s course and PyTorch</p>
      <Terms items={NOTATION} />
      <p className="exercise-glossary-head">Terms</p>
      <Terms items={TERMS} />
    </details>
  );
});
