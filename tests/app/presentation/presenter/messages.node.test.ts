import { describe, expect, test } from 'vitest';
import { stamp } from '../../../../app/presentation/presenter/channel';
import { parseMessage, type DeckMessageBody } from '../../../../app/presentation/presenter/messages';
import { MESSAGE_VERSION } from '../../../../app/presentation/presenter/protocol';

const step = { index: 3, section: '§4', title: 'Centering: z − μ', reveals: [] };
const state: DeckMessageBody = { type: 'state', current: step, next: null, part: 0, total: 35, theme: 'projector', viewport: { width: 1280, height: 720 }, query: 'v=1&present=1&step=4' };

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
    ['a state with a zero-wide window', { ...stamp(state), viewport: { width: 0, height: 720 } }],
    ['a state with a fractional window', { ...stamp(state), viewport: { width: 1280.5, height: 720 } }],
    ['a state without its query', { ...stamp(state), query: undefined }],
    ['a state with a query too long to be an address', { ...stamp(state), query: 'a'.repeat(8001) }],
    ['a state without its step', { v: 1, type: 'state', part: 0, total: 3, theme: 'light', viewport: { width: 1280, height: 720 }, query: '', next: null }],
  ])('ignored: %s', (_, data) => {
    expect(parseMessage(data)).toBeNull();
  });
});
