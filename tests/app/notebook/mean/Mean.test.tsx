import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { Mean } from '../../../../app/notebook/mean/Mean';
import { appStore } from '../../../../app/state/store';
import { fmt } from '../../../../app/ui/format';
import { engineSteps, resetStore } from '../engineRef';

beforeEach(resetStore);

test('section 3 shows the engine’s μ of the shared mini-batch (m = 8), and follows a change of m to 20', () => {
  render(<Mean />);
  expect(screen.getByTestId('mean-value')).toHaveTextContent(`μ = ${fmt(engineSteps().mean, 4)} over m = 8 samples`);
  act(() => appStore.getState().setBatch({ m: 20 }));
  expect(screen.getByTestId('mean-value')).toHaveTextContent(`μ = ${fmt(engineSteps().mean, 4)} over m = 20 samples`);
});

test('section 3: moving a point with the keyboard moves μ by 1/m of the step (m = 8); the μ line is drawn', async () => {
  const user = userEvent.setup();
  render(<Mean />);
  const before = engineSteps().mean;
  const point = screen.getByRole('slider', { name: /Sample 2/ });
  point.focus();
  await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
  const after = engineSteps().mean;
  expect(Math.abs(after - before - 1 / 8)).toBeLessThan(0.01 / 8 + 1e-12); // 1 minus the snap to 0.01
  expect(screen.getByTestId('mean-value')).toHaveTextContent(`μ = ${fmt(after, 4)}`);
  expect(screen.getByRole('group', { name: /mean μ = / })).toHaveAccessibleName(`The mini-batch with its mean μ = ${fmt(after, 4)} drawn as a line`);
});

test('section 3 corrects the notes: m is the batch size, with the live count of terms', () => {
  render(<Mean />);
  expect(screen.getByRole('complementary', { name: 'Correction to the notes: m is the batch size' })).toHaveTextContent('the sum above has m = 8 terms');
});
