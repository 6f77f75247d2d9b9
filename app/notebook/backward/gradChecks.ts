import type { GradientCheck } from '../../../src/notesCheck';
import { BACKWARD_KEYS, type GradKey } from './backwardSteps';
import { fmt } from '../../ui/format';
import type { NotesContext } from '../pass/notesContext';

/** Below this normwise relative error a gradient "agrees" with central differences (h = 1e-5 gives ~1e-10). */
export const AGREE = 1e-6;

/** What the notes write for each gradient, and whether it can be compared number for number. */
export const NOTES_FORMS: Readonly<Record<GradKey, string>> = {
  dZ2Tilde: 'A₂ − Y: the summed loss’s gradient, m× the mean loss’s',
  dGamma2: '∂L/∂Z̃₂ ∗ Z₂norm, not summed: a 3 × 6 matrix for 3 values of γ₂',
  dBeta2: 'Σ ∂L/∂Z̃₂ over the batch: the same',
  dZ2: '∂L/∂Z̃₂ ∗ γ₂/σ₂ (μ₂, σ₂² held fixed)',
  dW2: '∂L/∂Z₂ · A₁ᵀ: the same, but fed the simplified ∂L/∂Z₂',
  dZ1Tilde: 'W₂ᵀ · ∂L/∂Z₂ ∗ ReLU′(Z̃₁): the same',
  dGamma1: '∂L/∂Z̃₁ ∗ Z₁norm, not summed: a 4 × 6 matrix for 4 values of γ₁',
  dBeta1: 'no value given',
  dZ1: '∂L/∂Z̃₁ ∗ γ₁/σ₁ (μ₁, σ₁² held fixed)',
  dW1: '∂L/∂Z₁ · Xᵀ: the same, but fed the simplified ∂L/∂Z at both layers',
};

export const GRAD_NAMES: Readonly<Record<GradKey, string>> = {
  dZ2Tilde: '∂L/∂Z̃₂',
  dGamma2: '∂L/∂γ₂',
  dBeta2: '∂L/∂β₂',
  dZ2: '∂L/∂Z₂',
  dW2: '∂L/∂W₂',
  dZ1Tilde: '∂L/∂Z̃₁',
  dGamma1: '∂L/∂γ₁',
  dBeta1: '∂L/∂β₁',
  dZ1: '∂L/∂Z₁',
  dW1: '∂L/∂W₁',
};

export interface CheckRow {
  readonly key: GradKey;
  readonly name: string;
  /** Relative error of the engine's exact gradient, formatted, and whether it agrees. */
  readonly exact: string;
  readonly exactOk: boolean;
  /** The notes' form, and its relative error when it has a number to compare (else null). */
  readonly notesForm: string;
  readonly notes: string | null;
  readonly notesOk: boolean | null;
  /** Where the notes' form cannot even be compared: it has the wrong shape ("3 × 6 for 3 values"). */
  readonly notesShape: string | null;
}

const rel = (x: number) => fmt(x, 2);

/** One row per gradient of the backward pass: the engine's and the notes' error against central differences. */
export function checkRows(ctx: NotesContext): CheckRow[] {
  return BACKWARD_KEYS.map((key) => {
    const c: GradientCheck = ctx.checks[key];
    const notes = c.notes;
    return {
      key,
      name: GRAD_NAMES[key],
      exact: rel(c.exact),
      exactOk: c.exact < AGREE,
      notesForm: NOTES_FORMS[key],
      notes: notes === undefined ? null : rel(notes),
      notesOk: notes === undefined ? null : notes < AGREE,
      notesShape: wrongShape(ctx, key),
    };
  });
}

/** The notes' ∂L/∂γ is ∂L/∂Z̃ ∗ Zₙₒᵣₘ without the batch sum: a matrix [features × m] for a vector of features. */
function wrongShape(ctx: NotesContext, key: GradKey): string | null {
  const m = ctx.state.batch.x.rows;
  if (key === 'dGamma2') return `${ctx.state.net.bn2.gamma.length} × ${m} for ${ctx.state.net.bn2.gamma.length} values`;
  if (key === 'dGamma1') return `${ctx.state.net.bn1.gamma.length} × ${m} for ${ctx.state.net.bn1.gamma.length} values`;
  return null;
}
