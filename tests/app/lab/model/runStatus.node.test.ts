import { describe, expect, test } from 'vitest';
import { divergenceMarks, marksText, runStatusText } from '../../../../app/lab/model/runStatus';

const d = (step: number) => ({ step, reason: 'the training loss 31.6 exceeded 20' });
const none = { plain: null, bn: null };

describe('runStatusText: the sticky bar’s one line', () => {
  test.each([
    ['nothing happened', none, null, null],
    ['without BN diverged', { plain: d(312), bn: null }, null, 'Without BN diverged at step 312.'],
    ['with BN diverged', { plain: null, bn: d(1234) }, null, 'With BN diverged at step 1,234.'],
    ['both diverged, training stopped', { plain: d(3), bn: d(5) }, 'both-diverged', 'Without BN diverged at step 3, with BN at step 5. Training stopped.'],
    ['the step limit', none, 'step-limit', 'Stopped at step 30,000, the limit of one run.'],
    ['one diverged, then the step limit', { plain: d(10), bn: null }, 'step-limit', 'Without BN diverged at step 10. Stopped at step 30,000, the limit of one run.'],
  ] as const)('%s', (_name, diverged, stopped, want) => {
    expect(runStatusText(diverged, stopped, 30_000)).toBe(want);
  });

  test('never the reason’s numbers or the current step: the line does not change while a run goes on', () => {
    expect(runStatusText({ plain: d(10), bn: null }, null, 30_000)).not.toMatch(/31\.6|exceeded/);
  });
});

describe('divergenceMarks: a mark per diverged network a chart draws', () => {
  test('only the networks the chart shows, in drawing order', () => {
    const diverged = { plain: d(7), bn: d(9) };
    expect(divergenceMarks(diverged, ['plain', 'bn'])).toEqual([{ variant: 'plain', step: 7 }, { variant: 'bn', step: 9 }]);
    expect(divergenceMarks(diverged, ['bn'])).toEqual([{ variant: 'bn', step: 9 }]);
    expect(divergenceMarks({ plain: null, bn: d(9) }, ['plain'])).toEqual([]);
  });

  test('in words for the chart’s description', () => {
    expect(marksText([{ variant: 'plain', step: 1200 }])).toBe(' Without BN diverged at step 1,200: its lines stop there.');
    expect(marksText([])).toBe('');
  });
});
