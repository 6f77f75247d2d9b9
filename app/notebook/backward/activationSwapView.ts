import type { NotesActivation } from '../../../src/notesNetwork';
import { BACKWARD_KEYS } from './backwardSteps';
import type { NotesContext } from '../pass/notesContext';

/** f′ of each hidden activation, written from its output a = f(z̃) where that is how it is computed. */
export const DERIVATIVE_TEX: Readonly<Record<NotesActivation, string>> = {
  relu: String.raw`\mathrm{ReLU}'(\tilde z) = \begin{cases} 1 & \tilde z > 0 \\ 0 & \text{otherwise} \end{cases}`,
  sigmoid: String.raw`\mathrm{sigmoid}'(\tilde z) = \mathrm{sigmoid}(\tilde z)\,\bigl(1 - \mathrm{sigmoid}(\tilde z)\bigr) = a\,(1-a)`,
  tanh: String.raw`\tanh'(\tilde z) = 1 - \tanh^2(\tilde z) = 1 - a^2`,
};

export const ACTIVATION_NAME: Readonly<Record<NotesActivation, string>> = { relu: 'ReLU', sigmoid: 'sigmoid', tanh: 'tanh' };

export interface ActivationSwapView {
  readonly activation: NotesActivation;
  /** One entry of ∂L/∂Z̃₁ = ∂L/∂A₁ ∘ f′(Z̃₁): sample 1, neuron 1. */
  readonly zTilde: number;
  readonly a: number;
  readonly dA: number;
  readonly fPrime: number;
  readonly dZTilde: number;
  /** The largest relative error of the 10 exact gradients against central differences. */
  readonly worstError: number;
  readonly loss: number;
}

/** What changes in the backward pass when the hidden activation changes: only the factor f′(Z̃₁). */
export function activationSwapView(ctx: NotesContext): ActivationSwapView {
  const { fwd, grads, activation } = ctx;
  const zTilde = fwd.bn1.y.data[0], a = fwd.a1.data[0], dA = grads.dA1.data[0];
  const fPrime = activation === 'relu' ? (zTilde > 0 ? 1 : 0) : activation === 'sigmoid' ? a * (1 - a) : 1 - a * a;
  const worstError = Math.max(...BACKWARD_KEYS.map((k) => ctx.checks[k].exact));
  return { activation, zTilde, a, dA, fPrime, dZTilde: grads.dZ1Tilde.data[0], worstError, loss: fwd.loss };
}
