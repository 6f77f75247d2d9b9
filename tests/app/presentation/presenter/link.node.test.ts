import { describe, expect, test } from 'vitest';
import { HELLO_EVERY_MS, SILENCE_MS, WAITING, checkLink, hear, linkWords } from '../../../../app/presentation/presenter/link';
import { stamp } from '../../../../app/presentation/presenter/channel';
import type { StateMessage } from '../../../../app/presentation/presenter/messages';

const state = (index: number) =>
  stamp({ type: 'state', current: { index, section: '§1', title: 'Why', reveals: [] }, next: null, part: 0, total: 35, theme: 'light', viewport: { width: 1280, height: 720 }, query: '' }) as StateMessage;

describe('the presenter’s link to the projected window', () => {
  test('waits until a state arrives, then is live with that state', () => {
    expect(WAITING.status).toBe('waiting');
    const live = hear(WAITING, state(4), 1000);
    expect(live).toEqual({ status: 'live', deck: state(4), heardAt: 1000 });
    expect(hear(live, state(5), 1500).deck?.current.index).toBe(5);
  });

  test('other presenters’ messages (hello, command, pointer) change nothing', () => {
    const live = hear(WAITING, state(4), 1000);
    for (const m of [stamp({ type: 'hello' }), stamp({ type: 'command', command: 'next' }), stamp({ type: 'pointer', at: null })]) {
      expect(hear(live, m, 2000)).toBe(live);
    }
  });

  test('bye closes it and keeps the last state; a new state reopens it', () => {
    const closed = hear(hear(WAITING, state(7), 1000), stamp({ type: 'bye' }), 1200);
    expect(closed.status).toBe('closed');
    expect(closed.deck?.current.index).toBe(7);
    expect(hear(closed, state(7), 3000).status).toBe('live');
  });

  test(`silent for SILENCE_MS (${SILENCE_MS} ms = 3 hellos of ${HELLO_EVERY_MS} ms) it is lost, not before`, () => {
    const live = hear(WAITING, state(0), 1000);
    expect(checkLink(live, 1000 + SILENCE_MS - 1)).toBe(live);
    expect(checkLink(live, 1000 + SILENCE_MS).status).toBe('lost');
    expect(checkLink(WAITING, 1e9)).toBe(WAITING);
    expect(SILENCE_MS).toBe(3 * HELLO_EVERY_MS);
  });

  test('every status is said in words, and the gone ones say the window is gone', () => {
    expect(linkWords('live')).toBe('Connected to the presentation.');
    expect(linkWords('closed')).toMatch(/has closed/);
    expect(linkWords('lost')).toMatch(/does not answer/);
    expect(linkWords('unsupported')).toMatch(/BroadcastChannel/);
    expect(linkWords('waiting')).toMatch(/Waiting/);
  });
});
