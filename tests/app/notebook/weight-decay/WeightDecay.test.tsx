import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { stepEffectiveLrRun } from '../../../../src';
import { WeightDecay } from '../../../../app/notebook/weight-decay/WeightDecay';
import { createWdRun, normSummary } from '../../../../app/notebook/weight-decay/wdView';
import { fmt } from '../../../../app/ui/format';
import { appStore, createAppStore } from '../../../../app/state/store';

// The run trains on timers: updates arrive outside act(), as in the browser.
const actEnv = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
vi.setConfig({ testTimeout: 30_000 });
beforeAll(() => {
  actEnv.IS_REACT_ACT_ENVIRONMENT = false;
});
afterAll(() => {
  actEnv.IS_REACT_ACT_ENVIRONMENT = true;
});
beforeEach(() => {
  appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function')));
  appStore.getState().setBeyond({ wdSteps: 200 });
});

test('the run plays by itself to its 200 steps, and the sentences quote the engine’s ‖W₁‖ and η/‖W₁‖² at λ = 0 and 5e-4', async () => {
  render(<WeightDecay />);
  await waitFor(() => expect(screen.getByTestId('wd-progress')).toHaveTextContent('Trained 200 steps.'), { timeout: 20_000 });
  const r = createWdRun({ weightDecay: 5e-4, lr: 1, eps: 1e-5, steps: 200 });
  stepEffectiveLrRun(r, 200);
  const [plain, decayed] = normSummary(r, 0);
  expect(screen.getByTestId('wd-summary-0')).toHaveTextContent(`grew at every one of the 200 steps, from ${fmt(plain.norm0, 3)} to ${fmt(plain.norm, 3)}`);
  expect(screen.getByTestId('wd-summary-decay')).toHaveTextContent(`to ${fmt(decayed.norm, 3)}`);
  // BN's ε part, measured: not 0, and rounding once it is taken out.
  expect(screen.getByTestId('wd-dot-verdict')).toHaveTextContent(/^With ε = 10⁻⁵, W·∂L\/∂W is up to .* of its bound: not 0/);
  expect(screen.getByRole('table', { name: /The norm identity for W₁ from step 199 to 200/ })).toBeInTheDocument();
});

test('Reset goes back to step 0, paused; Play trains on; the ε toggle’s exact case gives a dot that is rounding', async () => {
  const user = userEvent.setup();
  render(<WeightDecay />);
  await user.click(screen.getByRole('button', { name: 'Reset the weight-decay run to step 0' }));
  await waitFor(() => expect(screen.getByTestId('wd-progress')).toHaveTextContent('Paused at step 0 of 200.'));
  await user.click(screen.getByRole('radio', { name: 'ε = 0 (exact)' }));
  expect(appStore.getState().wdEps).toBe('zero');
  await user.click(screen.getByRole('button', { name: 'Play the weight-decay run' }));
  await waitFor(() => expect(screen.getByTestId('wd-progress')).toHaveTextContent('Trained 200 steps.'), { timeout: 20_000 });
  expect(screen.getByTestId('wd-dot-verdict')).toHaveTextContent('With ε = 0 the ε part is 0 and W·∂L/∂W is rounding');
});

test('the λ slider steps through its 1-2-5 list (0 … 0.1) and sets the store (wd in the URL)', async () => {
  const user = userEvent.setup();
  render(<WeightDecay />);
  await user.click(screen.getByRole('button', { name: 'Increase Weight decay λ (compared with 0)' }));
  expect(appStore.getState().wdDecay).toBe(1e-3);
  expect(screen.getByTestId('wd-value')).toHaveTextContent(fmt(1e-3, 2));
  fireEvent.change(screen.getByRole('slider', { name: 'Weight decay λ (compared with 0)' }), { target: { value: '0' } });
  expect(appStore.getState().wdDecay).toBe(0);
  expect(screen.getByTestId('wd-value')).toHaveTextContent(/^0$/);
});
