import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { identityParams, maxDeviationFromInput, sampleMiniBatch } from '../../../../src';
import { Identity } from '../../../../app/notebook/identity/Identity';
import { appStore } from '../../../../app/state/store';
import { fmt } from '../../../../app/ui/format';
import { engineBatch, resetStore } from '../engineRef';

beforeEach(resetStore);

test('section 8: the undo button sets γ = √(σ² + ε), β = μ and max |Z̃ − Z| is at machine precision (m = 8)', async () => {
  const user = userEvent.setup();
  render(<Identity />);
  expect(screen.getByTestId('identity-max')).toHaveTextContent(fmt(maxDeviationFromInput(engineBatch(), { eps: 1e-5 }), 2));
  await user.click(screen.getByRole('button', { name: /Undo batch norm/ }));
  const z = engineBatch();
  const target = identityParams(z, 1e-5);
  expect(appStore.getState()).toMatchObject(target);
  const dev = maxDeviationFromInput(z, { eps: 1e-5, ...target });
  expect(dev).toBeLessThan(16 * Number.EPSILON * Math.max(...z.map(Math.abs)));
  expect(screen.getByTestId('identity-max')).toHaveTextContent(fmt(dev, 2));
  expect(screen.getByTestId('identity-max').parentElement).toHaveTextContent('machine precision');
  expect(screen.getByRole('img', { name: /lines are vertical/ })).toBeInTheDocument();
});

test('section 8: the undo holds per batch only — a new seed breaks it, and the evidence is the engine’s', async () => {
  const user = userEvent.setup();
  render(<Identity />);
  await user.click(screen.getByRole('button', { name: /Undo batch norm/ }));
  const target = identityParams(engineBatch(), 1e-5);
  const other = maxDeviationFromInput(sampleMiniBatch(2, 8, 2, 1.5), { eps: 1e-5, ...target });
  expect(screen.getByTestId('identity-other')).toHaveTextContent(fmt(other, 3));
  act(() => appStore.getState().setBatch({ seed: 2 }));
  expect(screen.getByTestId('identity-max')).toHaveTextContent(fmt(other, 2));
  expect(screen.getByTestId('identity-max').parentElement).toHaveTextContent('not the identity');
  await user.click(screen.getByRole('button', { name: 'Back to γ = 1, β = 0' }));
  expect(appStore.getState()).toMatchObject({ gamma: 1, beta: 0 });
});

test('section 8’s prose says the undo holds for this batch only, with the engine’s deviation on the next batch, and names eval mode as where it holds for every input', () => {
  render(<Identity />);
  const prose = screen.getByTestId('identity-prose');
  const z = engineBatch();
  const target = identityParams(z, 1e-5);
  const s = appStore.getState();
  const next = maxDeviationFromInput(sampleMiniBatch(s.seed + 1, s.m, s.shift, s.scale), { eps: 1e-5, ...target });
  expect(prose).toHaveTextContent(`max |Z̃ − Z| = ${fmt(next, 3)}`);
  expect(prose).toHaveTextContent(/for this batch/);
  expect(prose).toHaveTextContent(/running statistics/);
  expect(prose).not.toHaveTextContent(/never takes anything away/);
  act(() => appStore.getState().setBatch({ seed: 9 }));
  const moved = maxDeviationFromInput(sampleMiniBatch(10, s.m, s.shift, s.scale), { eps: 1e-5, ...identityParams(engineBatch(), 1e-5) });
  expect(prose).toHaveTextContent(`max |Z̃ − Z| = ${fmt(moved, 3)}`);
});
