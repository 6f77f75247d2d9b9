import { describe, expect, test } from 'vitest';
import { matrix } from '../../../../src';
import { fmt } from '../../../../app/ui/format';
import { at, cellTint, cellText, clampCell, eq2, fixed, notesOrient } from '../../../../app/notebook/pass/notesMatrices';

describe('notesMatrices helpers', () => {
  test('notesOrient turns the engine’s [6 × 4] into the notes’ [4 × 6] (element (i, j) → (j, i))', () => {
    const a = matrix(6, 4, Array.from({ length: 24 }, (_, k) => k * 0.5 - 3));
    const t = notesOrient(a);
    expect([t.rows, t.cols]).toEqual([4, 6]);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 4; j++) expect(at(t, j, i)).toBe(a.data[i * 4 + j]);
  });

  test('cellText: whole numbers as they are (0, 1, −2), 3 decimals, rounding noise never "−0.000", a small real value never "0.000", huge values scientific, NaN in words', () => {
    expect([cellText(0), cellText(1), cellText(-2)]).toEqual(['0', '1', '−2']);
    expect(cellText(-1.23456)).toBe('−1.235');
    expect(cellText(-4.9e-4)).toBe('−4.9×10⁻⁴');
    expect(cellText(-3e-17)).toBe('0.000');
    expect(cellText(123456)).toBe(fmt(123456, 3));
    expect(cellText(NaN)).toBe('undefined');
    expect(fixed(-3e-17)).toBe('0.0000');
  });

  test('clampCell keeps a selection inside a [3 × 1] matrix; cellTint scales |v| by the largest entry', () => {
    expect(clampCell({ row: 3, col: 5 }, 3, 1)).toEqual({ row: 2, col: 0 });
    expect(cellTint(-0.5, 2)).toEqual({ sign: 'neg', strength: 0.25 });
    expect(cellTint(3, 2)).toEqual({ sign: 'pos', strength: 1 });
    expect(cellTint(0, 2)).toEqual({ sign: 'zero', strength: 0 });
  });

  test('eq2 puts the substitution and the value on two aligned lines', () => {
    expect(eq2('a', 'b + c', '1')).toBe(String.raw`\begin{aligned} a &= b + c \\ &= 1 \end{aligned}`);
  });
});
