import { render, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { createEffectiveLrRun, stepEffectiveLrRun } from '../../../../src/effectiveLrRun';
import { NormIdentity } from '../../../../app/notebook/weight-decay/NormIdentity';

/**
 * Section 19's norm identity is there before the run's first step, with a dash in each cell: it used to be one line
 * that the equation and the table replaced when the run began, and the section grew 358 px under the reader.
 */
test('before the first step: the equation, and the table with its rows and λ columns, each cell a dash; after a step, the numbers', () => {
  const run = createEffectiveLrRun({ weightDecays: [0, 0.01], steps: 10 });
  const { rerender } = render(<NormIdentity run={run} version={0} />);
  expect(screen.getAllByLabelText('One SGD step with weight decay, in squared norms').length).toBeGreaterThan(0);
  const table = screen.getByRole('table', { name: 'The norm identity for W₁, no step taken yet' });
  expect(within(table).getByText(/no step taken yet: the cells fill in at the run’s first step/)).toBeInTheDocument();
  const cells = within(table).getAllByRole('cell');
  expect(cells.length).toBe(6 * run.traces.length);
  expect(cells.every((c) => c.textContent === '—')).toBe(true);
  expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['term', 'λ = 0', 'λ = 0.01']);
  stepEffectiveLrRun(run, 1);
  rerender(<NormIdentity run={run} version={1} />);
  const after = screen.getByRole('table', { name: 'The norm identity for W₁ from step 0 to 1' });
  expect(within(after).getAllByRole('cell').every((c) => /^[−-]?\d/.test(c.textContent ?? ''))).toBe(true);
});
