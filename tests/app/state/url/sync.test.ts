import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createAppStore } from '../../../../app/state/store';
import { startUrlSync, type ReadEvent, type UrlSync } from '../../../../app/state/url/sync';
import { LAB_DEFAULTS } from '../../../../app/state/slices/lab';

const DELAY = 300;
let sync: UrlSync | undefined;
let reads: ReadEvent[];

function start(query: string, hash = '') {
  window.history.replaceState(null, '', `/notebook/${query}${hash}`);
  const store = createAppStore();
  reads = [];
  sync = startUrlSync({ store, delayMs: DELAY, coalesceMs: 1500, sectionIds: () => ['why', 'mean', 'variance'], onRead: (e) => reads.push(e) });
  return store;
}
const address = () => window.location.pathname + window.location.search + window.location.hash;
/** Resolves after the next popstate (jsdom traverses history asynchronously). */
const popped = () => new Promise<void>((resolve) => window.addEventListener('popstate', () => setTimeout(resolve, 0), { once: true }));

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => {
  sync?.stop();
  sync = undefined;
  vi.useRealTimers();
});

describe('URL sync with the browser history', () => {
  test('on load, the address is read into the store and rewritten canonically, with notices', () => {
    const store = start('?gamma=99&foo=1&m=16');
    expect(store.getState().gamma).toBe(60);
    expect(store.getState().m).toBe(16);
    expect(address()).toBe('/notebook/?v=1&m=16&gamma=60');
    expect(reads).toHaveLength(1);
    expect(reads[0].reason).toBe('load');
    expect(reads[0].notices).toEqual(['gamma=“99” is above the largest allowed value; using 60.', 'Ignored “foo”: not a setting of this notebook.']);
  });

  test('a hash naming a section sets it (it wins over the query), and is folded into the query', () => {
    const store = start('?section=variance', '#mean');
    expect(store.getState().section).toBe('mean');
    expect(address()).toBe('/notebook/?v=1&section=mean');
  });

  test('a slider drag (60 changes in 1 s of short pauses) becomes one history entry, written after the pause', () => {
    const store = start('');
    const before = window.history.length;
    for (let i = 1; i <= 60; i++) {
      store.getState().setBn({ gamma: 1 + i / 100 });
      vi.advanceTimersByTime(16);
    }
    expect(address()).toBe('/notebook/');
    vi.advanceTimersByTime(DELAY);
    expect(address()).toBe('/notebook/?v=1&gamma=1.6');
    expect(window.history.length).toBe(before + 1);
  });

  test('the same control moved again within 1.5 s extends its entry; later, or another control, makes a new one', () => {
    const store = start('');
    const before = window.history.length;
    store.getState().setBn({ gamma: 1.5 });
    vi.advanceTimersByTime(DELAY + 400); // a pause mid-drag: written...
    store.getState().setBn({ gamma: 2 });
    vi.advanceTimersByTime(DELAY); // ...and the rest of the drag extends the same entry
    expect(window.history.length).toBe(before + 1);
    expect(address()).toBe('/notebook/?v=1&gamma=2');
    store.getState().setBn({ beta: 1 });
    vi.advanceTimersByTime(DELAY);
    expect(window.history.length).toBe(before + 2);
    vi.advanceTimersByTime(2000);
    store.getState().setBn({ beta: 2 });
    vi.advanceTimersByTime(DELAY);
    expect(window.history.length).toBe(before + 3);
    expect(address()).toBe('/notebook/?v=1&gamma=2&beta=2');
  });

  test('a long continuous drag (4.5 s, two 450 ms pauses) is one entry, however long each stretch lasts', () => {
    const store = start('');
    const before = window.history.length;
    let gamma = 1;
    for (const stretch of [1500, 1500, 1500]) {
      for (let t = 0; t < stretch; t += 16) {
        gamma += 0.01;
        store.getState().setBn({ gamma });
        vi.advanceTimersByTime(16);
      }
      vi.advanceTimersByTime(450); // a pause: the change so far is written
    }
    expect(window.history.length).toBe(before + 1);
    expect(store.getState().gamma).toBe(gamma);
  });

  test('presentation steps never coalesce: five presses 200 ms apart are five entries, and back undoes one', async () => {
    const store = start('?present=1&step=12');
    const before = window.history.length;
    for (let k = 13; k <= 17; k++) {
      store.getState().setNav({ step: k - 1 });
      vi.advanceTimersByTime(DELAY + 200);
    }
    expect(window.history.length).toBe(before + 5);
    expect(new URLSearchParams(window.location.search).get('step')).toBe('17');
    vi.useRealTimers();
    const back = popped();
    window.history.back();
    await back;
    expect(new URLSearchParams(window.location.search).get('step')).toBe('16');
    expect(store.getState().step).toBe(15);
  });

  test('the section changing as the reader scrolls replaces the address without a history entry', () => {
    const store = start('?gamma=2');
    const before = window.history.length;
    store.getState().setNav({ section: 'mean' });
    vi.advanceTimersByTime(DELAY);
    store.getState().setNav({ section: 'variance' });
    vi.advanceTimersByTime(DELAY);
    expect(address()).toBe('/notebook/?v=1&gamma=2&section=variance');
    expect(window.history.length).toBe(before);
  });

  test('changes to state outside the URL never write, nor delay a pending write', () => {
    const store = start('');
    const replace = vi.spyOn(window.history, 'replaceState');
    const push = vi.spyOn(window.history, 'pushState');
    store.getState().setBn({ beta: 1 });
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(DELAY / 3);
      store.setState({}); // e.g. a training run's progress
    }
    expect(push).toHaveBeenCalledTimes(1);
    expect(replace).not.toHaveBeenCalled();
    expect(address()).toBe('/notebook/?v=1&beta=1');
  });

  test('back and forward read each entry back into the store', async () => {
    vi.useRealTimers();
    const store = start('');
    store.getState().setBn({ gamma: 2 });
    sync?.flush();
    store.getState().setBn({ beta: -1 });
    sync?.flush();
    expect(address()).toBe('/notebook/?v=1&gamma=2&beta=-1');
    let p = popped();
    window.history.back();
    await p;
    expect([store.getState().gamma, store.getState().beta]).toEqual([2, 0]);
    p = popped();
    window.history.back();
    await p;
    expect([store.getState().gamma, store.getState().beta]).toEqual([1, 0]);
    p = popped();
    window.history.forward();
    await p;
    expect(store.getState().gamma).toBe(2);
    expect(reads.at(-1)?.reason).toBe('popstate');
    expect(reads.at(-1)?.previous.gamma).toBe(1);
  });

  test('back undoing a setting keeps the section where the reader is now: the page does not move', async () => {
    vi.useRealTimers();
    const store = start('');
    // The reader reads §3 (written into the entry as they scroll), then a control is focused and
    // scrolled to in §5 and changed at once: one entry with both, the entry before still says §3.
    store.getState().setNav({ section: 'mean' });
    sync?.flush();
    store.getState().setNav({ section: 'variance' });
    store.getState().setBn({ gamma: 2 });
    sync?.flush();
    expect(address()).toBe('/notebook/?v=1&gamma=2&section=variance');
    const p = popped();
    window.history.back();
    await p;
    expect(store.getState().gamma).toBe(1);
    expect(store.getState().section).toBe('variance');
    expect(address()).toBe('/notebook/?v=1&section=variance');
    expect(reads.at(-1)).toMatchObject({ reason: 'popstate', previous: { section: 'variance', gamma: 2 } });
  });

  test('back to an entry that differs in the section alone (a move, not a setting) brings the section back', async () => {
    vi.useRealTimers();
    const store = start('?section=mean');
    window.history.pushState(null, '', '/notebook/?v=1&section=variance');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(store.getState().section).toBe('variance');
    const p = popped();
    window.history.back();
    await p;
    expect(store.getState().section).toBe('mean');
  });

  test('the lab’s step only replaces the address, never makes an entry, and back brings it back with the setting it belongs to', async () => {
    vi.useRealTimers();
    const store = start('?lab-step=40');
    expect(store.getState().labStep).toBe(40);
    const push = vi.spyOn(window.history, 'pushState');
    for (const step of [120, 480, 960]) {
      store.setState({ labStep: step });
      sync?.flush();
    }
    expect(push).not.toHaveBeenCalled();
    expect(address()).toBe('/notebook/?v=1&lab-step=960');
    store.setState({ labLr: 0.3, labStep: 0 });
    sync?.flush();
    expect(push).toHaveBeenCalledTimes(1);
    expect(address()).toBe('/notebook/?v=1&lab-lr=0.3');
    const p = popped();
    window.history.back();
    await p;
    expect([store.getState().labLr, store.getState().labStep]).toEqual([LAB_DEFAULTS.labLr, 960]);
  });

  test('a table-of-contents click (#section) moves only the section and keeps a pending change', () => {
    const store = start('?gamma=2');
    store.getState().setBn({ beta: 1 });
    window.location.hash = '#variance';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState().section).toBe('variance');
    expect(store.getState().beta).toBe(1);
    expect(address()).toBe('/notebook/?v=1&gamma=2&beta=1&section=variance');
    expect(reads.at(-1)?.reason).toBe('hashchange');
  });

  test('a hash that names no section is left alone', () => {
    const store = start('?gamma=2');
    window.location.hash = '#footnote-1';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState().section).toBe('why');
    expect(address()).toBe('/notebook/?v=1&gamma=2#footnote-1');
  });

  test('normalize sees the values read from the address (presentation: the step sets its section)', () => {
    window.history.replaceState(null, '', '/notebook/?present=1&step=2');
    const store = createAppStore();
    sync = startUrlSync({ store, normalize: (v) => (v.presenting ? { ...v, section: 'mean' } : v) });
    expect(store.getState().section).toBe('mean');
    expect(address()).toBe('/notebook/?v=1&section=mean&present=1&step=2');
  });

  test('what normalize reports joins the read’s notices, after the parser’s', () => {
    window.history.replaceState(null, '', '/notebook/?present=1&step=3&x=1');
    const store = createAppStore();
    const notices: string[][] = [];
    sync = startUrlSync({ store, normalize: (v, report) => (report('step 3 is beyond this deck; using 2.'), { ...v, step: 1 }), onRead: (e) => notices.push(e.notices) });
    expect(store.getState().step).toBe(1);
    expect(notices).toEqual([['Ignored “x”: not a setting of this notebook.', 'step 3 is beyond this deck; using 2.']]);
  });
});
