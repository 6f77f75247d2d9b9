import { batchStatistics } from '../../../src/batchnorm';
import { notesMinusBetaOutput } from '../../../src/notesNetwork';
import type { NotesContext } from '../pass/notesContext';

export interface BetaSignRow {
  readonly beta: number;
  /** Batch mean of Z̃₁ for this neuron, as the engine (and PyTorch) compute it: γ·Zₙₒᵣₘ + β. */
  readonly meanPlus: number;
  /** The same with the notes' γ·Zₙₒᵣₘ − β. */
  readonly meanMinus: number;
}

/** Per hidden neuron: β₁, and the batch mean of Z̃₁ with +β (correct) and with the notes' −β. */
export function betaSignRows(ctx: NotesContext): BetaSignRow[] {
  const { net } = ctx.state;
  const plus = batchStatistics(ctx.fwd.bn1.y).mean;
  const minus = batchStatistics(notesMinusBetaOutput(net.bn1, ctx.fwd.bn1)).mean;
  return Array.from(net.bn1.beta, (beta, j) => ({ beta, meanPlus: plus[j], meanMinus: minus[j] }));
}
