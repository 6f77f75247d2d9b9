import { expect, test } from 'vitest';
import { notesContext } from '../../../../app/notebook/pass/notesContext';

const ctx = notesContext(4, 1e-5);

test('notesContext reuses its last result for the same (steps, ε) and recomputes for another ε', () => {
  expect(notesContext(4, 1e-5)).toBe(ctx);
  expect(notesContext(4, 1e-3)).not.toBe(ctx);
});
