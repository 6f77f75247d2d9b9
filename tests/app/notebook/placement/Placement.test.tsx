import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { placementRun, summarize } from '../../../../src';
import { Placement } from '../../../../app/notebook/placement/Placement';
import { appStore } from '../../../../app/state/store';
import { fmt } from '../../../../app/ui/format';
import { PLACEMENT_SETUP } from '../../../../app/notebook/placement/placementView';
import { resetStore } from '../engineRef';

beforeEach(resetStore);

const engineOut = (placement: 'before' | 'after') => {
  const { m, inputs, features, activation } = PLACEMENT_SETUP;
  return placementRun({ seed: 1, m, inputs, features, activation, placement, eps: 1e-5 });
};

test('section 10 starts with BN before ReLU: three histograms, the output’s share of zeros from the engine', () => {
  render(<Placement />);
  const out = summarize(engineOut('before').out.data);
  expect(screen.getByRole('radio', { name: 'BN → ReLU' })).toBeChecked();
  expect(screen.getByRole('img', { name: /^Histogram of ReLU\(BN\(z\)\)/ })).toHaveAccessibleName(
    `Histogram of ReLU(BN(z)): mean ${fmt(out.mean, 3)}, std ${fmt(out.std, 3)}, ${fmt(100 * out.zeroFraction, 3)} % exactly 0`,
  );
  expect(out.min).toBe(0);
  const row = within(screen.getByTestId('placement-compare')).getByRole('row', { name: /BN → ReLU/ });
  expect(row).toHaveTextContent(`${fmt(100 * out.zeroFraction, 3)} %`);
  expect(row).toHaveAttribute('aria-current', 'true');
});

test('section 10: switching to ReLU → BN (keyboard) shows the engine’s centred output with negative values', async () => {
  const user = userEvent.setup();
  render(<Placement />);
  screen.getByRole('radio', { name: 'BN → ReLU' }).focus();
  await user.keyboard('{ArrowRight}');
  expect(appStore.getState().placement).toBe('after');
  const out = summarize(engineOut('after').out.data);
  expect(Math.abs(out.mean)).toBeLessThan(1e-12);
  expect(out.min).toBeLessThan(0);
  expect(screen.getByRole('img', { name: /^Histogram of BN\(ReLU\(z\)\)/ })).toHaveAccessibleName(
    `Histogram of BN(ReLU(z)): mean ${fmt(out.mean, 3)}, std ${fmt(out.std, 3)}, ${fmt(100 * out.zeroFraction, 3)} % exactly 0`,
  );
  expect(screen.getByTestId('placement-story')).toHaveTextContent(`the smallest output is ${fmt(out.min, 3)}`);
});
