import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, expect, test } from 'vitest';
import { summarize, varianceCancellation } from '../../../../src';
import { Variance } from '../../../../app/notebook/variance/Variance';
import { appStore } from '../../../../app/state/store';
import { fmt, tex } from '../../../../app/ui/format';
import { engineBatch, engineSteps, liveTex, resetStore } from '../engineRef';

beforeEach(resetStore);

test('section 5 shows the engine’s σ² (1/m), σ and the unbiased m/(m−1) value; one square per sample (m = 8)', () => {
  const { container } = render(<Variance />);
  const s = engineSteps();
  expect(screen.getByTestId('variance-value')).toHaveTextContent(fmt(s.variance, 4));
  expect(screen.getByTestId('sigma-value')).toHaveTextContent(fmt(summarize(engineBatch()).std, 4));
  expect(screen.getByTestId('unbiased-value')).toHaveTextContent(fmt(s.unbiasedVariance, 4));
  expect(liveTex(screen.getByTestId('variance-equation')).endsWith(`= ${tex(s.variance, 4)}`)).toBe(true);
  expect(container.querySelectorAll('rect.sq')).toHaveLength(8);
  expect(container.querySelectorAll('rect.sq-sigma')).toHaveLength(1);
});

test('section 5 cancellation: the offset slider (10⁴ → 10⁷ → 0) shows the engine’s four estimates', () => {
  render(<Variance />);
  const table = screen.getByTestId('onepass-table');
  const shown = () => within(table).getAllByRole('row').slice(1).map((r) => r.querySelectorAll('td')[0].textContent);
  const expected = (offset: number) => varianceCancellation(engineBatch(), offset).estimates.map((e) => fmt(e.value, 6));
  expect(shown()).toEqual(expected(1e4));
  expect(within(table).getAllByRole('row')[1]).toHaveTextContent('negative: impossible');
  const slider = screen.getByRole('slider', { name: 'Offset added to every zᵢ' });
  fireEvent.change(slider, { target: { value: '7' } });
  expect(appStore.getState().offset).toBe(1e7);
  expect(shown()).toEqual(expected(1e7));
  expect(screen.getByText(/Even two passes fail here/)).toBeInTheDocument();
  fireEvent.change(slider, { target: { value: '-1' } });
  expect(appStore.getState().offset).toBe(0);
  expect(shown()).toEqual(expected(0));
});

test('section 5 corrects the notes’ m at σ² with the live number of squares', () => {
  render(<Variance />);
  expect(screen.getByRole('complementary', { name: 'Correction to the notes: m in σ²' })).toHaveTextContent('divides the sum of m = 8 squares');
});
