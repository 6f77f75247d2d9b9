import { describe, expect, test } from 'vitest';
import { notesForward, notesNetworkAfter, transpose } from '../../../../src';
import { tex } from '../../../../app/ui/format';
import { FORWARD_TEX, FORWARD_STEPS, forwardStepView } from '../../../../app/notebook/forward/forwardSteps';
import { notesContext } from '../../../../app/notebook/pass/notesContext';
import { at } from '../../../../app/notebook/pass/notesMatrices';
import { FORWARD_TITLES } from '../../../../app/outline';

describe('the forward pass against the engine', () => {
  const ctx = notesContext(4, 1e-5);
  const { net, batch } = notesNetworkAfter(4, 1e-5);
  const f = notesForward(net, batch);

  test('the forward pass has 10 steps, each with a title and an equation', () => {
    expect(FORWARD_TITLES).toHaveLength(10);
    expect(FORWARD_TEX).toHaveLength(10);
    expect(() => forwardStepView(ctx, 10, { row: 0, col: 0 })).toThrow(RangeError);
  });

  test('one table entry per title of the outline', () => {
    expect(FORWARD_STEPS).toHaveLength(FORWARD_TITLES.length);
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
});
