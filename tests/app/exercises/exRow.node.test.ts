import { expect, test } from 'vitest';
import { parseQuery } from '../../../app/state/url/parse';
import { serializeQuery } from '../../../app/state/url/serialize';
import { createAppStore } from '../../../app/state/store';
import { urlValues } from '../../../app/state/url/table';

test('the exercise seed is the URL row ex: read, written, and an unusable value is replaced by the default or clamped, with a notice', () => {
  expect(parseQuery('?ex=42').values.exSeed).toBe(42);
  const store = createAppStore();
  store.getState().setExercise({ exSeed: 42 });
  expect(serializeQuery(urlValues(store.getState()))).toContain('ex=42');
  const bad = parseQuery('?ex=banana');
  expect(bad.values.exSeed).toBe(1);
  expect(bad.notices).toEqual(['ex=“banana” is not a number; using the default, 1.']);
  const negative = parseQuery('?ex=-3');
  expect(negative.values.exSeed).toBe(0);
  expect(negative.notices).toEqual(['ex=“-3” is below the smallest allowed value; using 0.']);
});
