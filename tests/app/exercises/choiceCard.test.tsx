import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { ChoiceCard } from '../../../app/exercises/ChoiceCard';
import type { ChoiceExercise } from '../../../app/exercises/model/types';

const exercise = (given: string): ChoiceExercise => ({
  kind: 'choice',
  id: 'test-choice',
  prompt: 'Which is the batch mean?',
  given: [given],
  options: [
    { label: 'the average of the m values', correct: true, why: 'μ is the mean.' },
    { label: 'the largest value', correct: false, why: 'That is the maximum.' },
  ],
});

/** Issue 15: an exercise built from the live batch is rebuilt at every move of a dragged point; its radios are not written again. */
test('a rebuilt exercise with the same options writes nothing to its radios, and the choice is kept', async () => {
  const user = userEvent.setup();
  const { rerender } = render(<ChoiceCard ex={exercise('z = [3.42, 1.05]')} />);
  await user.click(screen.getByRole('radio', { name: 'the largest value' }));
  const writes: string[] = [];
  const watch = new MutationObserver((records) => writes.push(...records.map((r) => `${(r.target as Element).tagName}:${r.attributeName}`)));
  watch.observe(document.body, { subtree: true, attributes: true });
  rerender(<ChoiceCard ex={exercise('z = [3.44, 1.05]')} />);
  await act(() => Promise.resolve());
  watch.disconnect();
  expect(writes).toEqual([]);
  expect(screen.getByRole('radio', { name: 'the largest value' })).toBeChecked();
});
