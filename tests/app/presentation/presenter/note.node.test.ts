import { describe, expect, test } from 'vitest';
import { STEPS, placeSteps } from '../../../../app/outline';
import { noteOf } from '../../../../app/presentation/presenter/note';

const place = (reveals?: string[]) => placeSteps([{ id: 's', number: 1, title: 'S', steps: [{ id: 's', title: 'S', ...(reveals ? { reveals } : {}) }] }])[0]!;

describe('the presenter’s note for a step', () => {
  test.each([
    [['the numbers'], 'Before → ask the class to predict the numbers, then reveal it.'],
    [['the numbers', 'the verdict'], 'Before → ask the class to predict the numbers and the verdict, then reveal them one by one.'],
    [['a', 'b', 'c'], 'Before → ask the class to predict a, b and c, then reveal them one by one.'],
  ])('a step that hides %j: what to ask first', (reveals, note) => {
    expect(noteOf(place(reveals))).toBe(note);
  });

  test('a step that hides nothing has no note', () => {
    expect(noteOf(place())).toBeUndefined();
    expect(noteOf(place([]))).toBeUndefined();
  });

  test('the notebook’s deck: a note exactly on the steps with hidden parts', () => {
    const noted = STEPS.filter((s) => noteOf(s) !== undefined).map((s) => s.step.id);
    expect(noted).toEqual(STEPS.filter((s) => (s.step.reveals?.length ?? 0) > 0).map((s) => s.step.id));
    expect(noted.length).toBeGreaterThan(0);
  });
});
