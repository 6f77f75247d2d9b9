import { describe, expect, test } from 'vitest';
import { STEPS } from '../../../../app/outline';
import { addStep, moveBy, removeAt, setNote, setPin } from '../../../../app/presentation/editor/draft';
import { DECK_MAX, type Deck } from '../../../../app/state/deck/deck';

const ids = (deck: Deck) => deck.map((e) => e.step);
const three = [2, 0, 5].reduce<Deck>((d, i) => addStep(d, STEPS[i]), []);

describe('the editor’s draft deck', () => {
  test('adds at the end, up to DECK_MAX steps', () => {
    expect(ids(three)).toEqual([STEPS[2].step.id, STEPS[0].step.id, STEPS[5].step.id]);
    const full = Array.from({ length: DECK_MAX + 2 }).reduce<Deck>((d) => addStep(d, STEPS[0]), []);
    expect(full).toHaveLength(DECK_MAX);
  });

  test('moves an entry up or down within the deck and says where it is', () => {
    expect(ids(moveBy(three, 2, -1).deck)).toEqual(ids([three[0], three[2], three[1]]));
    expect(moveBy(three, 2, -1).at).toBe(1);
    expect(moveBy(three, 0, -1)).toEqual({ deck: three, at: 0 });
    expect(moveBy(three, 2, 1)).toEqual({ deck: three, at: 2 });
  });

  test('removes, notes (one line, cut to length), pins and unpins one entry', () => {
    expect(ids(removeAt(three, 1))).toEqual(ids([three[0], three[2]]));
    expect(removeAt(three, 7)).toBe(three);
    expect(setNote(three, 1, 'a\nb')[1].note).toBe('a b');
    expect(setPin(three, 0, { seed: '3' })[0].pin).toEqual({ seed: '3' });
    expect(setPin(setPin(three, 0, { seed: '3' }), 0, null)[0].pin).toBeNull();
  });
});
