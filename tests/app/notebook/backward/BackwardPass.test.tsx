import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { checkNotesGradients, notesBackward, notesForward, notesNetworkAfter, transpose } from '../../../../src';
import { BackwardPass } from '../../../../app/notebook/backward/BackwardPass';
import { appStore, createAppStore } from '../../../../app/state/store';
import { cellText } from '../../../../app/notebook/pass/notesMatrices';
import { fmt } from '../../../../app/ui/format';

// Role queries skip jsdom's slow visibility check (computed styles); the e2e test checks the real accessibility tree.
configure({ defaultHidden: true });
// A whole section renders dozens of KaTeX equations into jsdom: about a second alone, more on a loaded machine.
vi.setConfig({ testTimeout: 15_000 });
beforeEach(() => appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function'))));

const engine = (steps: number) => {
  const { net, batch } = notesNetworkAfter(steps, 1e-5);
  const f = notesForward(net, batch);
  const g = notesBackward(net, batch, f);
  return { g, checks: checkNotesGradients(net, batch, f, g) };
};
const gridNumbers = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('gridcell').map((c) => c.textContent));
const expected = (m: { rows: number; cols: number; data: Float64Array }) =>
  Array.from({ length: m.rows }, (_, r) => Array.from({ length: m.cols }, (_, c) => cellText(m.data[r * m.cols + c])));

describe('section 12, the backward pass', () => {
  test('step 4 shows the exact and the simplified ∂L/∂Z₂ [3 × 6] side by side, each equal to the engine’s', () => {
    render(<BackwardPass />);
    fireEvent.click(screen.getByRole('button', { name: /^Step 4: ∂L\/∂Z₂/ }));
    expect(appStore.getState().backwardStep).toBe(3);
    const { g } = engine(0);
    expect(gridNumbers(screen.getByRole('grid', { name: '∂L/∂Z₂ (exact), 3 × 6' }))).toEqual(expected(transpose(g.dZ2)));
    expect(gridNumbers(screen.getByRole('grid', { name: '∂L/∂Z₂ (simplified), 3 × 6' }))).toEqual(expected(transpose(g.dZ2Simplified)));
  });

  test('the finite-difference table shows the engine’s errors for all 10 gradients: exact agrees, the notes’ simplified ∂L/∂Z does not', () => {
    render(<BackwardPass />);
    const { checks } = engine(0);
    for (const key of ['dZ2Tilde', 'dGamma2', 'dBeta2', 'dZ2', 'dW2', 'dZ1Tilde', 'dGamma1', 'dBeta1', 'dZ1', 'dW1'] as const) {
      const row = screen.getByTestId(`check-${key}`);
      expect(row).toHaveTextContent(`${fmt(checks[key].exact, 2)} ✓ agrees`);
    }
    expect(screen.getByTestId('check-dZ1')).toHaveTextContent(`${fmt(checks.dZ1.notes as number, 2)} ✗ wrong`);
    expect(screen.getByTestId('check-dZ2Tilde')).toHaveTextContent('5 ✗ wrong');
    // The notes' ∂L/∂γ (no batch sum) is not even the right shape: [3 × 6] and [4 × 6] for vectors of 3 and 4.
    expect(screen.getByTestId('check-dGamma2')).toHaveTextContent('3 × 6 for 3 values ✗ wrong shape');
    expect(screen.getByTestId('check-dGamma1')).toHaveTextContent('4 × 6 for 4 values ✗ wrong shape');
  });

  test('Previous/Next move backwardStep; the first step’s callout quotes the notes’ A₂ − Y and the engine’s error m − 1 = 5', () => {
    act(() => appStore.getState().setNav({ backwardStep: 1 }));
    render(<BackwardPass />);
    fireEvent.click(screen.getByRole('button', { name: 'Previous step of the backward pass' }));
    expect(appStore.getState().backwardStep).toBe(0);
    const callout = screen.getByRole('complementary', { name: 'Correction to the notes: ∂L/∂Z̃₂' });
    expect(callout).toHaveTextContent('∂L/∂Z̃₂ = A₂ − Y.');
    expect(callout).toHaveTextContent('that is m − 1 = 5');
    expect(screen.getByRole('button', { name: 'Previous step of the backward pass' })).toBeDisabled();
  });

  test('after 9 SGD steps (store) the gradients shown are those of the trained network', () => {
    act(() => appStore.getState().setBn({ netSteps: 9 }));
    act(() => appStore.getState().setNav({ backwardStep: 9 }));
    render(<BackwardPass />);
    const { g } = engine(9);
    expect(gridNumbers(screen.getByRole('grid', { name: '∂L/∂W₁, 4 × 2' }))).toEqual(expected(transpose(g.dW1)));
  });
});
