import type { NotesActivation } from '../../../src/notesNetwork';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { Select } from '../../ui/Select';
import { fmt, tex } from '../../ui/format';
import { factor } from '../pass/notesMatrices';
import { AGREE } from './gradChecks';
import { ACTIVATION_NAME, DERIVATIVE_TEX, activationSwapView } from './activationSwapView';
import type { NotesContext } from '../pass/notesContext';

interface Props {
  ctx: NotesContext;
  onActivation: (a: NotesActivation) => void;
}

/**
 * The notes: "any other activation, given a slight change to the derivation". Swap ReLU for sigmoid or
 * tanh: only the factor f′(Z̃₁) of ∂L/∂Z̃₁ changes, and every gradient still passes the check.
 */
export function ActivationSwap({ ctx, onActivation }: Props) {
  const v = activationSwapView(ctx);
  const name = ACTIVATION_NAME[v.activation];
  const ok = v.worstError < AGREE;
  return (
    <div className="activation-swap" role="group" aria-label="Another activation">
      <h3 className="subhead">Another activation</h3>
      <p>
        The notes say the derivation works for &ldquo;any other activation, given a slight change&rdquo;. The change is one
        factor: in ∂L/∂Z̃₁ = ∂L/∂A₁ ∘ f′(Z̃₁), f′ is ReLU′, sigmoid′ or tanh′. Everything else in the backward pass, batch norm
        included, stays as it is.
      </p>
      <Select<NotesActivation>
        label="Hidden activation"
        value={v.activation}
        options={(['relu', 'sigmoid', 'tanh'] as const).map((a) => ({ value: a, label: ACTIVATION_NAME[a] }))}
        onChange={onActivation}
      />
      <ScrollEquation tex={DERIVATIVE_TEX[v.activation]} label={`The derivative of ${name}`} />
      <ScrollEquation
        tex={String.raw`\frac{\partial L}{\partial \tilde z_{11}} = ${factor(v.dA, 4)} \cdot ${factor(v.fPrime, 4)} = ${tex(v.dZTilde, 4)}`}
        label={`Sample 1, neuron 1: ∂L/∂A₁ ${fmt(v.dA, 4)} times ${name}′ ${fmt(v.fPrime, 4)} is ${fmt(v.dZTilde, 4)}`}
      />
      <p data-testid="activation-check">
        With {name} (same initial weights, {ctx.steps} SGD steps, loss {fmt(v.loss, 4)}), the largest relative error of the ten
        exact gradients against central differences is {fmt(v.worstError, 2)}:{' '}
        {ok ? 'every one agrees.' : 'at least one does not agree — the check is failing.'}
      </p>
    </div>
  );
}
