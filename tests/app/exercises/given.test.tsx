import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { Given } from '../../../app/exercises/Feedback';

/** Issue 15: a dragged point changes a question's given numbers at every move; its list items stay, only their text changes. */
test('new numbers in a given line change its text in the same list item', () => {
  const { rerender } = render(<Given lines={['z = [3.42, 1.05]', 'ε = 0.001']} />);
  const [first, second] = screen.getAllByRole('listitem');
  rerender(<Given lines={['z = [3.44, 1.05]', 'ε = 0.001']} />);
  const items = screen.getAllByRole('listitem');
  expect(items.map((li) => li.textContent)).toEqual(['z = [3.44, 1.05]', 'ε = 0.001']);
  expect(items[0]).toBe(first);
  expect(items[1]).toBe(second);
});
