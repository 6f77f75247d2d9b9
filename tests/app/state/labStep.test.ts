import { expect, test } from 'vitest';
import { MAX_STEPS } from '../../../app/lab/model/labSettings';
import { LAB_STEP_MAX } from '../../../app/state/slices/labStep';
import { parseQuery } from '../../../app/state/url/parse';

test('a link may ask for any step up to the longest run’s limit', () => {
  expect(LAB_STEP_MAX).toBe(Math.max(...Object.values(MAX_STEPS)));
  expect(parseQuery('?lab-step=1234')).toEqual({ values: expect.objectContaining({ labStep: 1234 }), notices: [] });
});

test.each([
  ['-5', 0, 'lab-step=“-5” is below the smallest allowed value; using 0.'],
  ['1e9', LAB_STEP_MAX, 'lab-step=“1e9” is above the largest allowed value; using 30000.'],
  ['abc', 0, 'lab-step=“abc” is not a number; using the default, 0.'],
  ['NaN', 0, 'lab-step=“NaN” is not a number; using the default, 0.'],
  ['12.5', 13, 'lab-step=“12.5” is not a whole number; using 13.'],
])('a broken lab-step=%s opens the page at step %d and says so', (raw, step, notice) => {
  const { values, notices } = parseQuery(`?lab-step=${raw}`);
  expect(values.labStep).toBe(step);
  expect(notices).toEqual([notice]);
});
