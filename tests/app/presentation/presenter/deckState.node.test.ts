import { describe, expect, test } from 'vitest';
import { STEPS, placeSteps, type SectionOutline } from '../../../../app/outline';
import { deckState } from '../../../../app/presentation/presenter/deckState';
import { stamp } from '../../../../app/presentation/presenter/channel';
import { parseMessage } from '../../../../app/presentation/presenter/messages';

const sections: SectionOutline[] = [
  { id: 'a', number: 1, title: 'Alpha', steps: [{ id: 'a', title: 'Alpha', reveals: ['the guess', 'the answer'] }] },
  { id: 'p', number: 2, title: 'The pass', steps: [{ id: 'p1', title: 'Z = WX' }, { id: 'p2', title: 'A = ReLU(Z)', reveals: ['the numbers'] }] },
];
const slides = placeSteps(sections);

describe('what the projected window tells the presenter (3-step deck)', () => {
  test('step 1 of 3 with 1 of its 2 parts shown: this step, the next, the note, the theme and the window’s shape', () => {
    const s = deckState(slides, { step: 0, part: 1, theme: 'projector', viewport: { width: 1280, height: 720 }, query: 'v=1&present=1&part=1' });
    expect(s).toEqual({
      type: 'state',
      current: { index: 0, section: '§1', title: 'Alpha', reveals: ['the guess', 'the answer'] },
      next: { index: 1, section: '§2 The pass', title: 'Z = WX', reveals: [] },
      part: 1,
      total: 3,
      theme: 'projector',
      note: 'Before → ask the class to predict the guess and the answer, then reveal them one by one.',
      viewport: { width: 1280, height: 720 },
      query: 'v=1&present=1&part=1',
    });
    expect(parseMessage(stamp(s!))).not.toBeNull();
  });

  test('the last step has no next; a step that hides nothing has no note; a step or part out of range is clamped', () => {
    const last = deckState(slides, { step: 9, part: 5, theme: 'light', viewport: { width: 1280, height: 720 }, query: '' });
    expect(last?.current.index).toBe(2);
    expect(last?.next).toBeNull();
    expect(last?.part).toBe(1);
    const middle = deckState(slides, { step: 1, part: 0, theme: 'light', viewport: { width: 1280, height: 720 }, query: '' });
    expect(middle && 'note' in middle).toBe(false);
  });

  test('a window not laid out yet (0 × 0) is sent as 1280×720; a fractional size is rounded; an overlong query is sent empty', () => {
    const at = (viewport: { width: number; height: number }, query = '') => deckState(slides, { step: 0, part: 0, theme: 'dark', viewport, query });
    expect(at({ width: 0, height: 0 })?.viewport).toEqual({ width: 1280, height: 720 });
    expect(at({ width: 1366.4, height: 767.6 })?.viewport).toEqual({ width: 1366, height: 768 });
    expect(at({ width: 1280, height: 720 }, 'x'.repeat(8001))?.query).toBe('');
    expect(deckState([], { step: 0, part: 0, theme: 'dark', viewport: { width: 1, height: 1 }, query: '' })).toBeNull();
  });

  test('every step of the notebook’s deck makes a valid message', () => {
    for (let k = 0; k < STEPS.length; k++) {
      const s = deckState(STEPS, { step: k, part: 0, theme: 'system', viewport: { width: 1920, height: 1080 }, query: 'v=1&present=1' });
      expect(parseMessage(stamp(s!)), STEPS[k]?.step.id).not.toBeNull();
    }
  });
});
