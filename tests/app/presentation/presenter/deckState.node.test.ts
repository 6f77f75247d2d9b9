import { describe, expect, test } from 'vitest';
import { STEPS, placeSteps, type SectionOutline } from '../../../../app/outline';
import { deckState } from '../../../../app/presentation/presenter/deckState';
import { parseMessage, stamp } from '../../../../app/presentation/presenter/messages';

const sections: SectionOutline[] = [
  { id: 'a', number: 1, title: 'Alpha', steps: [{ id: 'a', title: 'Alpha', reveals: ['the guess', 'the answer'] }] },
  { id: 'p', number: 2, title: 'The pass', steps: [{ id: 'p1', title: 'Z = WX' }, { id: 'p2', title: 'A = ReLU(Z)', reveals: ['the numbers'] }] },
];
const slides = placeSteps(sections);

describe('what the projected window tells the presenter (3-step deck)', () => {
  test('step 1 of 3 with 1 of its 2 parts shown: this step, the next, the note, the theme and the window’s shape', () => {
    const s = deckState(slides, { step: 0, part: 1, theme: 'projector', aspect: 1280 / 720 });
    expect(s).toEqual({
      type: 'state',
      current: { index: 0, section: '§1', title: 'Alpha', reveals: ['the guess', 'the answer'] },
      next: { index: 1, section: '§2 The pass', title: 'Z = WX', reveals: [] },
      part: 1,
      total: 3,
      theme: 'projector',
      note: 'Before → ask the class to predict the guess and the answer, then reveal them one by one.',
      aspect: 1280 / 720,
    });
    expect(parseMessage(stamp(s!))).not.toBeNull();
  });

  test('the last step has no next; a step that hides nothing has no note; a step or part out of range is clamped', () => {
    const last = deckState(slides, { step: 9, part: 5, theme: 'light', aspect: 1.5 });
    expect(last?.current.index).toBe(2);
    expect(last?.next).toBeNull();
    expect(last?.part).toBe(1);
    const middle = deckState(slides, { step: 1, part: 0, theme: 'light', aspect: 1.5 });
    expect(middle && 'note' in middle).toBe(false);
  });

  test('a window with no height still sends a valid shape (16:9)', () => {
    expect(deckState(slides, { step: 0, part: 0, theme: 'dark', aspect: Number.POSITIVE_INFINITY })?.aspect).toBeCloseTo(16 / 9, 12);
    expect(deckState([], { step: 0, part: 0, theme: 'dark', aspect: 1 })).toBeNull();
  });

  test('every step of the notebook’s deck makes a valid message', () => {
    for (let k = 0; k < STEPS.length; k++) {
      const s = deckState(STEPS, { step: k, part: 0, theme: 'system', aspect: 16 / 9 });
      expect(parseMessage(stamp(s!)), STEPS[k]?.step.id).not.toBeNull();
    }
  });
});
