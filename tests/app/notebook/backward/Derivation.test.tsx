import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { Derivation } from '../../../../app/notebook/backward/Derivation';
import type { DerivationLayer } from '../../../../app/notebook/backward/derivationView';
import { notesContext } from '../../../../app/notebook/pass/notesContext';
import { fmt } from '../../../../app/ui/format';

function Harness({ steps }: { steps: number }) {
  const [sel, setSel] = useState<{ layer: DerivationLayer; neuron: number }>({ layer: 2, neuron: 0 });
  return <Derivation ctx={notesContext(steps, 1e-5)} layer={sel.layer} neuron={sel.neuron} onChange={(p) => setSel((s) => ({ ...s, ...p }))} />;
}

describe('section 12’s derivation of ∂L/∂Z through BN', () => {
  test('the table’s ∂L/∂zᵢ column is the engine’s exact ∂L/∂Z₂ row 1 to the shown decimals; σ² and μ as the engine computes them', () => {
    const ctx = notesContext(5, 1e-5);
    render(<Harness steps={5} />);
    const table = screen.getByRole('table', { name: /three paths of ∂L\/∂Z₂, row 1/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(6);
    const decimals = Number(/to (\d+) decimals/.exec(screen.getByText(/as the sum of its three paths, to/).textContent ?? '')?.[1]);
    rows.forEach((row, i) => {
      const cells = within(row).getAllByRole('cell');
      const shown = Number((cells[cells.length - 1].textContent ?? '').replace('−', '-'));
      expect(Math.abs(shown - ctx.grads.dZ2.data[i * 3])).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-15);
    });
    const mean = ctx.fwd.bn2.mean[0];
    expect(screen.getByTestId('derivation-shared')).toHaveTextContent(`μ = ${fmt(mean, 4)}`);
  });

  test('choosing layer Z₁ and its fourth neuron shows that row; the projection sentence follows the numbers', () => {
    render(<Harness steps={0} />);
    fireEvent.change(screen.getByLabelText('Layer'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('Neuron'), { target: { value: '3' } });
    expect(screen.getByRole('table', { name: /∂L\/∂Z₁, row 4/ })).toBeInTheDocument();
    expect(screen.getByTestId('derivation-projection')).toHaveTextContent(/zero up to rounding/);
    expect(screen.getByTestId('derivation-sum')).toHaveTextContent(/exact ∂L\/∂Z₁/);
  });
});
