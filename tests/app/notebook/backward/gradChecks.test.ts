import { expect, test } from 'vitest';
import { checkRows } from '../../../../app/notebook/backward/gradChecks';
import { notesContext } from '../../../../app/notebook/pass/notesContext';

const ctx = notesContext(4, 1e-5);

test('checkRows: 10 rows, the engine agrees everywhere, the notes’ form is compared only where it is a number', () => {
  const rows = checkRows(ctx);
  expect(rows).toHaveLength(10);
  expect(rows.every((r) => r.exactOk)).toBe(true);
  expect(rows.filter((r) => r.notes !== null).map((r) => [r.key, r.notesOk])).toEqual([
    ['dZ2Tilde', false],
    ['dZ2', false],
    ['dW2', false],
    ['dZ1', false],
    ['dW1', false],
  ]);
});
