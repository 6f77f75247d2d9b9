import { describe, expect, test } from 'vitest';
import { matrix, notesForward, notesNetworkAfter, transpose } from '../../../../src';
import { backwardStepView } from '../../../../app/notebook/backward/backwardSteps';
import { BACKWARD_TITLES, FORWARD_TITLES } from '../../../../app/outline';
import { betaSignRows } from '../../../../app/notebook/forward/betaSign';
import { fmt, tex } from '../../../../app/ui/format';
import { FORWARD_TEX, forwardStepView } from '../../../../app/notebook/forward/forwardSteps';
import { checkRows } from '../../../../app/notebook/backward/gradChecks';
import { notesContext } from '../../../../app/notebook/pass/notesContext';
import { at, cellTint, cellText, clampCell, eq2, fixed, notesOrient } from '../../../../app/notebook/pass/notesMatrices';

describe('notesMatrices helpers', () => {
  test('notesOrient turns the engine’s [6 × 4] into the notes’ [4 × 6] (element (i, j) → (j, i))', () => {
    const a = matrix(6, 4, Array.from({ length: 24 }, (_, k) => k * 0.5 - 3));
    const t = notesOrient(a);
    expect([t.rows, t.cols]).toEqual([4, 6]);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 4; j++) expect(at(t, j, i)).toBe(a.data[i * 4 + j]);
  });

  test('cellText: whole numbers as they are (0, 1, −2), 3 decimals, rounding noise never "−0.000", huge values scientific, NaN in words', () => {
    expect([cellText(0), cellText(1), cellText(-2)]).toEqual(['0', '1', '−2']);
    expect(cellText(-1.23456)).toBe('−1.235');
    expect(cellText(-4.9e-4)).toBe('0.000');
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

describe('pass views against the engine', () => {
  const ctx = notesContext(4, 1e-5);
  const { net, batch } = notesNetworkAfter(4, 1e-5);
  const f = notesForward(net, batch);

  test('the forward pass has 10 steps, each with a title and an equation', () => {
    expect(FORWARD_TITLES).toHaveLength(10);
    expect(FORWARD_TEX).toHaveLength(10);
    expect(() => forwardStepView(ctx, 10, { row: 0, col: 0 })).toThrow(RangeError);
  });

  test('every forward step’s output is the engine’s matrix transposed, and its substitution ends with the selected value', () => {
    const engineOut = [batch.x, f.z1, f.bn1.zHat, f.bn1.y, f.a1, f.z2, f.bn2.zHat, f.bn2.y, f.a2];
    engineOut.forEach((m, step) => {
      const want = transpose(m);
      const v = forwardStepView(ctx, step, { row: want.rows - 1, col: 5 });
      expect(Array.from(v.output?.matrix.data ?? [])).toEqual(Array.from(want.data));
      if (step > 0) expect(v.substituted.endsWith(`&= ${tex(at(want, want.rows - 1, 5), 4)} \\end{aligned}`)).toBe(true);
    });
    const loss = forwardStepView(ctx, 9, { row: 0, col: 0 });
    expect(loss.output).toBeNull();
    expect(loss.substituted).toContain(`&= ${tex(f.loss, 4)}`);
  });

  test('every backward step’s output matches the engine’s gradient, and its substitution ends with the selected value', () => {
    const g = ctx.grads;
    const want = [g.dZ2Tilde, g.dGamma2, g.dBeta2, g.dZ2, g.dW2, g.dZ1Tilde, g.dGamma1, g.dBeta1, g.dZ1, g.dW1].map((x) =>
      x instanceof Float64Array ? Array.from(x) : Array.from(transpose(x).data),
    );
    expect(BACKWARD_TITLES).toHaveLength(10);
    want.forEach((data, step) => {
      const v = backwardStepView(ctx, step, { row: 0, col: 0 });
      expect(Array.from(v.output?.matrix.data ?? [])).toEqual(data);
      expect(v.substituted.endsWith(`&= ${tex(data[0], 4)} \\end{aligned}`)).toBe(true);
    });
    expect(backwardStepView(ctx, 3, { row: 0, col: 0 }).alternative?.output.matrix.data).toEqual(transpose(g.dZ2Simplified).data);
    expect(backwardStepView(ctx, 8, { row: 0, col: 0 }).alternative?.output.matrix.data).toEqual(transpose(g.dZ1Simplified).data);
  });

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

  test('betaSignRows: for each of the 4 hidden neurons, mean with +β is β and with −β is −β (1e-12)', () => {
    const rows = betaSignRows(ctx);
    expect(rows).toHaveLength(4);
    rows.forEach((r, j) => {
      expect(r.beta).toBe(net.bn1.beta[j]);
      expect(Math.abs(r.meanPlus - r.beta)).toBeLessThan(1e-12);
      expect(Math.abs(r.meanMinus + r.beta)).toBeLessThan(1e-12);
    });
  });

  test('notesContext reuses its last result for the same (steps, ε) and recomputes for another ε', () => {
    expect(notesContext(4, 1e-5)).toBe(ctx);
    expect(notesContext(4, 1e-3)).not.toBe(ctx);
  });
});
