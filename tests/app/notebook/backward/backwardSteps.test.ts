import { describe, expect, test } from 'vitest';
import { transpose } from '../../../../src';
import { tex } from '../../../../app/ui/format';
import { BACKWARD_KEYS, BACKWARD_STEPS, backwardStepView } from '../../../../app/notebook/backward/backwardSteps';
import { notesContext } from '../../../../app/notebook/pass/notesContext';
import { BACKWARD_TITLES } from '../../../../app/outline';

describe('the backward pass against the engine', () => {
  const ctx = notesContext(4, 1e-5);

  test('every backward step’s output matches the engine’s gradient, and its substitution ends with the selected value', () => {
    const g = ctx.grads;
    const want = [g.dZ2Tilde, g.dGamma2, g.dBeta2, g.dZ2, g.dW2, g.dZ1Tilde, g.dGamma1, g.dBeta1, g.dZ1, g.dW1].map((x) =>
      x instanceof Float64Array ? Array.from(x) : Array.from(transpose(x).data),
    );
    expect(BACKWARD_TITLES).toHaveLength(10);
    want.forEach((data, step) => {
      const v = backwardStepView(ctx, step, { row: 0, col: 0 });
      expect(Array.from(v.output?.matrix.data ?? [])).toEqual(data);
      const withoutNote = v.substituted.replace(String.raw`\quad\text{(the terms nearly cancel)}`, '');
      expect(withoutNote.endsWith(`&= ${tex(data[0], 4)} \\end{aligned}`)).toBe(true);
      // Every TeX command keeps its backslash (a plain template string turned \cdot into the letters “cdot”), on a slide too.
      for (const t of [v.substituted, backwardStepView(ctx, step, { row: 0, col: 0 }, 30).substituted]) expect(t).not.toMatch(/(^|[^\\a-z])(cdot|frac|sqrt|quad)/);
    });
    expect(backwardStepView(ctx, 3, { row: 0, col: 0 }).alternative?.output.matrix.data).toEqual(transpose(g.dZ2Simplified).data);
    expect(backwardStepView(ctx, 8, { row: 0, col: 0 }).alternative?.output.matrix.data).toEqual(transpose(g.dZ1Simplified).data);
  });

  test('one table entry per title of the outline, each with its gradient-check key', () => {
    expect(BACKWARD_STEPS).toHaveLength(BACKWARD_TITLES.length);
    expect(BACKWARD_KEYS).toEqual(['dZ2Tilde', 'dGamma2', 'dBeta2', 'dZ2', 'dW2', 'dZ1Tilde', 'dGamma1', 'dBeta1', 'dZ1', 'dW1']);
  });
});
