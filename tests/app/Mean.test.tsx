import { act, render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { batchStatistics, column, sampleMiniBatch } from '../../src';
import { Mean } from '../../app/sections/Mean';
import { appStore } from '../../app/state/store';
import { tex } from '../../app/lib/format';

test('section 3 shows the engine’s μ of the shared mini-batch, and follows a change of m', () => {
  render(<Mean />);
  const expected = (m: number) => {
    const { seed, shift, scale } = appStore.getState();
    return batchStatistics(column(sampleMiniBatch(seed, m, shift, scale))).mean[0];
  };
  expect(screen.getByTestId('mean-value')).toHaveTextContent(`μ = ${tex(expected(appStore.getState().m), 4)}`);
  act(() => appStore.getState().setBatch({ m: 20 }));
  expect(screen.getByTestId('mean-value')).toHaveTextContent(`μ = ${tex(expected(20), 4)} over m = 20`);
});
