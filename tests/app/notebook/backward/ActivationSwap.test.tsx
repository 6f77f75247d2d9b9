import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import type { NotesActivation } from '../../../../src';
import { ActivationSwap } from '../../../../app/notebook/backward/ActivationSwap';
import { activationSwapView } from '../../../../app/notebook/backward/activationSwapView';
import { notesContext } from '../../../../app/notebook/pass/notesContext';
import { fmt } from '../../../../app/ui/format';

function Harness() {
  const [a, setA] = useState<NotesActivation>('relu');
  return <ActivationSwap ctx={notesContext(3, 1e-5, a)} onActivation={setA} />;
}

describe('section 12: another activation', () => {
  test.each(['relu', 'sigmoid', 'tanh'] as const)('%s: ∂L/∂Z̃₁ = ∂L/∂A₁ ∘ f′ entry by entry (1e-15), and all ten gradients pass the check (< 1e-6)', (a) => {
    const ctx = notesContext(3, 1e-5, a);
    const v = activationSwapView(ctx);
    expect(Math.abs(v.dZTilde - v.dA * v.fPrime)).toBeLessThan(1e-15);
    expect(v.worstError).toBeLessThan(1e-6);
    expect(ctx.state.net.activation).toBe(a);
  });

  test('choosing tanh changes the factor and the sentence follows the engine’s check', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Hidden activation'), { target: { value: 'tanh' } });
    const v = activationSwapView(notesContext(3, 1e-5, 'tanh'));
    expect(screen.getByTestId('activation-check')).toHaveTextContent(`With tanh (same initial weights, 3 SGD steps, loss ${fmt(v.loss, 4)})`);
    expect(screen.getByTestId('activation-check')).toHaveTextContent('every one agrees');
    expect(screen.getByRole('group', { name: 'Another activation' })).toHaveTextContent(/tanh′/);
  });
});
