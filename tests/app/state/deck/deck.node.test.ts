import { describe, expect, test } from 'vitest';
import { STEPS } from '../../../../app/outline';
import { cleanNote, deckSteps, findStep, NOTE_MAX, stepRef } from '../../../../app/state/deck/deck';

describe('a deck’s steps', () => {
  test('every step of the outline has a short reference that names it back', () => {
    for (const p of STEPS) expect(findStep(stepRef(p.sectionId, p.step.id), STEPS)).toEqual({ section: p.sectionId, step: p.step.id });
    expect(STEPS.filter((p) => ['mean', 'variance-one-pass', 'forward-3'].includes(p.step.id)).map((p) => stepRef(p.sectionId, p.step.id))).toEqual(['mean', 'variance/one-pass', 'forward/3']);
    expect(['', 'mean/', 'forward/3/4', 'nowhere', 'forward/11'].map((r) => findStep(r, STEPS))).toEqual([null, null, null, null, null]);
  });

  test('the deck’s steps in its order with their notes and pins; the empty deck is every step', () => {
    const deck = [
      { section: 'forward', step: 'forward-3', note: 'n', pin: { seed: '2' } },
      { section: 'mean', step: 'mean', note: '', pin: null },
    ];
    expect(deckSteps(deck, STEPS).map((p) => [p.step.id, p.note, p.pin])).toEqual([['forward-3', 'n', { seed: '2' }], ['mean', '', null]]);
    expect(deckSteps([], STEPS)).toHaveLength(STEPS.length);
  });

  test(`a note is kept to one line of at most ${NOTE_MAX} code units, without a lone surrogate`, () => {
    expect(cleanNote('one\ntwo\r\n\tthree')).toBe('one two three');
    expect(cleanNote('x'.repeat(NOTE_MAX + 9))).toHaveLength(NOTE_MAX);
    expect(cleanNote(`${'x'.repeat(NOTE_MAX - 1)}😀`)).toBe('x'.repeat(NOTE_MAX - 1));
    expect(cleanNote('a\uD800b\uDC00')).toBe('a\uFFFDb\uFFFD');
  });
});
