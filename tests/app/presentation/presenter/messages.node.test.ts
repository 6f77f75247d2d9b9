import { describe, expect, test } from 'vitest';
import { MESSAGE_VERSION, parseMessage, stamp, type DeckMessageBody } from '../../../../app/presentation/presenter/messages';

const step = { index: 3, section: '§4', title: 'Centering: z − μ', reveals: [] };
const state: DeckMessageBody = { type: 'state', current: step, next: null, part: 0, total: 35, theme: 'projector', aspect: 16 / 9 };

describe('the presenter link’s messages (schema version 1)', () => {
  test.each<[string, DeckMessageBody]>([
    ['state (no note, last step)', state],
    ['state with a note and a next step', { ...state, note: 'Ask first.', next: { ...step, index: 4, reveals: ['the numbers'] }, part: 0 }],
    ['hello', { type: 'hello' }],
    ['bye', { type: 'bye' }],
    ['command next', { type: 'command', command: 'next' }],
    ['command reveal', { type: 'command', command: 'reveal' }],
    ['pointer at a corner', { type: 'pointer', at: { x: 0, y: 1 } }],
    ['pointer hidden', { type: 'pointer', at: null }],
  ])('%s: stamped with the version, read back equal', (_, body) => {
    const message = stamp(body);
    expect(message.v).toBe(MESSAGE_VERSION);
    // Through structured clone, as BroadcastChannel delivers it.
    expect(parseMessage(structuredClone(message))).toEqual(message);
  });

  test.each<[string, unknown]>([
    ['nothing', undefined],
    ['a string', 'next'],
    ['no version', { type: 'hello' }],
    ['another version', { v: 2, type: 'hello' }],
    ['an unknown type', { v: 1, type: 'dance' }],
    ['an unknown command', { v: 1, type: 'command', command: 'exit' }],
    ['a pointer outside [0, 1]', { v: 1, type: 'pointer', at: { x: 1.2, y: 0.5 } }],
    ['a pointer with NaN', { v: 1, type: 'pointer', at: { x: Number.NaN, y: 0.5 } }],
    ['a state with a fractional step', { ...stamp(state), current: { ...step, index: 2.5 } }],
    ['a state with an empty deck', { ...stamp(state), total: 0 }],
    ['a state with an unknown theme', { ...stamp(state), theme: 'neon' }],
    ['a state with a zero aspect', { ...stamp(state), aspect: 0 }],
    ['a state without its step', { v: 1, type: 'state', part: 0, total: 3, theme: 'light', aspect: 1.5, next: null }],
  ])('ignored: %s', (_, data) => {
    expect(parseMessage(data)).toBeNull();
  });
});
