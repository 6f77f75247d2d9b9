import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { createExperiment, foldBatchNorm, stepComparison } from '../../../../src';
import { FoldAway } from '../../../../app/notebook/fold/FoldAway';
import { FOLD_TRAIN_STEPS } from '../../../../app/notebook/fold/useLabFold';
import { resetLabController } from '../../../../app/lab/controller';
import { inPageTransport } from '../../../../app/lab/transport';
import { experimentSettings } from '../../../../app/lab/model/labSettings';
import { LAB_DEFAULTS } from '../../../../app/state/slices/lab';
import { appStore, createAppStore } from '../../../../app/state/store';

// The lab trains on timers, as in its Worker: updates arrive outside act(), as in the browser.
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
  resetLabController(inPageTransport);
});
afterEach(() => resetLabController());

test('an untrained lab: the section says so, trains the lab 500 steps on a click, folds its network and shows the engine’s numbers', async () => {
  const user = userEvent.setup();
  render(<FoldAway />);
  const train = await screen.findByRole('button', { name: `Train the lab ${FOLD_TRAIN_STEPS.mlp} steps and fold` }, { timeout: 10_000 });
  expect(screen.getByTestId('fold-status')).toHaveTextContent('has not trained yet');
  await user.click(train);
  await waitFor(() => expect(screen.getByTestId('fold-error')).toHaveTextContent(/within the tolerance 10⁻¹² ✓/), { timeout: 20_000 });
  // The lab's run is the engine's run of the same settings: the same network after 500 steps, folded.
  const e = createExperiment(experimentSettings(LAB_DEFAULTS));
  stepComparison(e.comparison, FOLD_TRAIN_STEPS.mlp);
  const fold = foldBatchNorm(e.comparison.variants.bn.model);
  expect(screen.getByTestId('fold-params')).toHaveTextContent(String(fold.parametersAfter));
  expect(screen.getByTestId('fold-status')).toHaveTextContent(`at step ${FOLD_TRAIN_STEPS.mlp}`);
  // W′₁ as the notes write it (units × inputs): the engine's first column is unit 1's weights.
  const grid = screen.getByRole('table', { name: /^W′₁/ });
  expect(grid).toHaveTextContent(fold.folded[0].W.data[0].toFixed(3).replace('-', '−'));
  await waitFor(() => expect(screen.getByTestId('fold-time')).toHaveTextContent('µs'), { timeout: 20_000 });
  await waitFor(() => expect(screen.getByTestId('fold-train-mode')).toHaveTextContent(/the folded network.s move by 0,/));
  expect(screen.getByTestId('fold-kept')).toHaveTextContent('BN1 comes after the activation (sigmoid)');
});

test('choosing another folded layer shows its W′ and puts it in the store (fold-layer in the URL)', async () => {
  const user = userEvent.setup();
  render(<FoldAway />);
  await user.click(await screen.findByRole('button', { name: /Train the lab/ }, { timeout: 10_000 }));
  const select = await screen.findByRole('combobox', { name: 'Folded layer' }, { timeout: 20_000 });
  await user.selectOptions(select, 'W₃ and BN₃');
  expect(appStore.getState().foldLayer).toBe(2);
  expect(screen.getByRole('table', { name: /^W′₃/ })).toBeInTheDocument();
});
