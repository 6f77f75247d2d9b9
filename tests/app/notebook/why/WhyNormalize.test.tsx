import { configure, render, screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { WhyNormalize } from '../../../../app/notebook/why/WhyNormalize';
import { COVARIATE_STEPS, covariateShiftTask, medianDrift, percent } from '../../../../app/notebook/why/covariateShift';
import { fmt } from '../../../../app/ui/format';

configure({ defaultHidden: true });

test('section 1 trains both networks in slices to step 600, then shows the engine’s median drift and accuracies', async () => {
  render(<WhyNormalize />);
  const progress = screen.getByTestId('shift-progress');
  expect(progress).toHaveTextContent(/Starting the run…|Training… step \d+ of 600|Trained/);
  await waitFor(() => expect(progress.textContent).toBe(`Trained ${COVARIATE_STEPS} steps.`), { timeout: 15_000, interval: 200 });
  const task = covariateShiftTask();
  while (!task.step());
  const v = task.view();
  const plain = medianDrift(v.rows, 'plain'), bn = medianDrift(v.rows, 'bn');
  const summary = screen.getByTestId('shift-summary');
  expect(summary).toHaveTextContent(`moved from ${fmt(plain?.from ?? NaN, 3)} to ${fmt(plain?.to ?? NaN, 3)}: ${fmt(plain?.bands ?? NaN, 2)} times`);
  expect(summary).toHaveTextContent(`${fmt(bn?.bands ?? NaN, 2)} band widths`);
  expect(summary).toHaveTextContent(`${percent(v.accuracy.plain)} without BN, ${percent(v.accuracy.bn)} with`);
  expect(await screen.findAllByRole('figure')).toHaveLength(2);
}, 30_000);
