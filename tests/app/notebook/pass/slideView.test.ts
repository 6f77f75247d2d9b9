import { describe, expect, test } from 'vitest';
import { EXACT_VS_NOTES, passParts, slashFractions } from '../../../../app/notebook/pass/slideView';
import { sumLines } from '../../../../app/notebook/pass/notesMatrices';
import { D } from '../../../../app/notebook/backward/backwardSteps';

describe('a pass step on a slide', () => {
  test('a gradient’s name on one line: ∂L/∂X, braces inside X kept', () => {
    expect(slashFractions(D('\\tilde{Z}_{2\\,\\mathrm{norm}}'))).toBe('\\partial L/\\partial \\tilde{Z}_{2\\,\\mathrm{norm}}');
    expect(slashFractions(`${D('W_1')} = ${D('Z_1')} \\cdot X`)).toBe('\\partial L/\\partial W_1 = \\partial L/\\partial Z_1 \\cdot X');
    expect(slashFractions('Z_1 = W_1 X')).toBe('Z_1 = W_1 X');
  });

  test('a long sum in lines of at most n terms inside an aligned environment; short or unwrapped sums as before', () => {
    const terms = ['a', '+ b', '+ c', '+ d', '+ e'];
    expect(sumLines(terms)).toBe('a + b + c + d + e');
    expect(sumLines(terms, 5)).toBe('a + b + c + d + e');
    expect(sumLines(terms, 2)).toBe('a + b \\\\ &\\qquad + c + d \\\\ &\\qquad + e');
  });

  test('its parts: inputs, then the numbers and the result (in the inputs’ place if asked), then a verdict in the step’s place', () => {
    expect(passParts({ replace: false, thenVerdict: false })).toEqual({ inputs: [0, undefined], numbers: [1], output: [1], all: [0, undefined] });
    expect(passParts({ replace: true, thenVerdict: true })).toEqual({ inputs: [0, 0], numbers: [1], output: [1], all: [0, 1] });
    expect(EXACT_VS_NOTES.all).toEqual([0, 2]);
  });
});
