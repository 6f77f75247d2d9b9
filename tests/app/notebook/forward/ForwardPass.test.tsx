import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { notesForward, notesNetworkAfter, transpose } from '../../../../src';
import { ForwardPass } from '../../../../app/notebook/forward/ForwardPass';
import { appStore, createAppStore } from '../../../../app/state/store';
import { cellText, fixed } from '../../../../app/notebook/pass/notesMatrices';
import { fmt } from '../../../../app/ui/format';

/** Puts the shared store's data back to its initial values (its actions stay bound to it). */
// Role queries skip jsdom's slow visibility check (computed styles); the e2e test checks the real accessibility tree.
configure({ defaultHidden: true });
// A whole section renders dozens of KaTeX equations into jsdom: about a second alone, more on a loaded machine.
vi.setConfig({ testTimeout: 15_000 });
beforeEach(() => appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function'))));

/** The numbers a grid shows, row by row. */
const gridNumbers = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('gridcell').map((c) => c.textContent));

describe('section 11, the forward pass', () => {
  test('Next moves the store’s forwardStep and shows Z₁ [4 × 6] exactly as the engine computes it (transposed)', () => {
    render(<ForwardPass />);
    expect(screen.getByText('Step 1 of 10')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next step of the forward pass' }));
    expect(appStore.getState().forwardStep).toBe(1);
    expect(screen.getByText('Step 2 of 10')).toBeInTheDocument();
    const { net, batch } = notesNetworkAfter(0, 1e-5);
    const z1 = transpose(notesForward(net, batch).z1);
    const shown = gridNumbers(screen.getByRole('grid', { name: 'Z₁, 4 × 6' }));
    expect(shown).toEqual(Array.from({ length: 4 }, (_, r) => Array.from({ length: 6 }, (_, c) => cellText(z1.data[r * 6 + c]))));
  });

  test('clicking an entry selects it, the arrow keys move the selection, and the substituted equation follows', async () => {
    const user = userEvent.setup();
    act(() => appStore.getState().setNav({ forwardStep: 4 }));
    render(<ForwardPass />);
    const grid = screen.getByRole('grid', { name: 'A₁, 4 × 6' });
    const cells = within(grid).getAllByRole('gridcell');
    await user.click(cells[2 * 6 + 3]);
    expect(cells[2 * 6 + 3]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('step-substituted').textContent).toContain('(A1)3,4');
    await user.keyboard('{ArrowDown}{ArrowRight}');
    const after = within(screen.getByRole('grid', { name: 'A₁, 4 × 6' })).getAllByRole('gridcell');
    expect(after[3 * 6 + 4]).toHaveAttribute('aria-selected', 'true');
    expect(after[3 * 6 + 4]).toHaveFocus();
    expect(screen.getByTestId('step-substituted').textContent).toContain('(A1)4,5');
  });

  test('the equation list jumps to a step and marks it as current', () => {
    render(<ForwardPass />);
    fireEvent.click(screen.getByRole('button', { name: /^Step 9: A₂ = softmax/ }));
    expect(appStore.getState().forwardStep).toBe(8);
    expect(screen.getByRole('button', { name: /^Step 9: A₂ = softmax/ })).toHaveAttribute('aria-current', 'step');
    expect(screen.getByRole('button', { name: 'Next step of the forward pass' })).toBeEnabled();
    fireEvent.click(screen.getByRole('button', { name: /^Step 10:/ }));
    expect(screen.getByRole('button', { name: 'Next step of the forward pass' })).toBeDisabled();
  });

  test('the SGD-steps slider retrains the network: loss and β₁ (4 values) shown equal the engine’s after 12 steps', () => {
    render(<ForwardPass />);
    fireEvent.change(screen.getByRole('slider', { name: 'SGD steps already taken' }), { target: { value: '12' } });
    expect(appStore.getState().netSteps).toBe(12);
    const { net, losses } = notesNetworkAfter(12, 1e-5);
    expect(screen.getByTestId('net-summary')).toHaveTextContent(`loss ${fmt(losses[12], 4)}`);
    const table = screen.getByRole('table', { name: 'Batch mean of Z̃₁ with + β and with − β' });
    const rows = within(table).getAllByRole('row').slice(1);
    rows.forEach((row, j) => {
      const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
      expect(cells).toEqual([fixed(net.bn1.beta[j]), fixed(net.bn1.beta[j]), fixed(-net.bn1.beta[j])]);
    });
  });
});
