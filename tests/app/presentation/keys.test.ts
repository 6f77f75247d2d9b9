import { describe, expect, test } from 'vitest';
import { routeKey, type FocusKind, type KeyInput, type KeyState } from '../../../app/presentation/keys';
import { jumpPrompt, jumpTarget } from '../../../app/presentation/jump';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });
const state = (s: Partial<KeyState> = {}): KeyState => ({ focus: 'other', grabbed: false, layer: 'none', typed: '', ...s });
/** What a key does: its action, and whether the focused control is kept from seeing it. */
const does = (k: string | KeyInput, s: Partial<KeyState> = {}) => {
  const r = routeKey(typeof k === 'string' ? key(k) : k, state(s));
  return `${r.action ?? '-'}${r.swallow ? '' : ' (passes)'}`;
};

describe('the deck owns its keys, whatever has the focus (except a text field or a grabbed control)', () => {
  const focuses: FocusKind[] = ['other', 'adjustable', 'checkbox'];
  test.each([
    ['ArrowRight', 'next'],
    ['PageDown', 'next'],
    [' ', 'next'],
    ['ArrowLeft', 'previous'],
    ['PageUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['ArrowDown', 'scroll-down'],
    ['ArrowUp', 'scroll-up'],
    ['o', 'overview'],
    ['O', 'overview'],
    ['b', 'blank'],
    ['B', 'blank'],
    ['.', 'blank'],
    ['t', 'theme'],
    ['p', 'presenter'],
    ['P', 'presenter'],
    ['l', 'laser'],
    ['L', 'laser'],
    ['T', 'theme'],
    ['?', 'help'],
    ['f', 'fullscreen'],
    ['Escape', 'exit'],
  ])('%j → %s', (k, action) => {
    for (const focus of focuses) expect(does(k, { focus })).toBe(action);
  });

  test('Shift+Space goes back; Ctrl, Alt and Meta keys are the browser’s', () => {
    expect(does(key(' ', { shiftKey: true }))).toBe('previous');
    expect(does(key('ArrowRight', { altKey: true }))).toBe('- (passes)');
    expect(does(key('t', { ctrlKey: true }))).toBe('- (passes)');
    expect(does(key('r', { metaKey: true }))).toBe('- (passes)');
  });

  test('other keys pass (Tab moves the focus, a letter without a job does nothing)', () => {
    expect(does('Tab', { focus: 'adjustable' })).toBe('- (passes)');
    expect(does('x')).toBe('- (passes)');
  });
});

describe('Enter and Esc', () => {
  test('Enter grabs a slider, a point or a select; ticks a checkbox; presses a button (passes)', () => {
    expect(does('Enter', { focus: 'adjustable' })).toBe('grab');
    expect(does('Enter', { focus: 'checkbox' })).toBe('tick');
    expect(does('Enter', { focus: 'other' })).toBe('- (passes)');
  });

  test('a grabbed control gets every key but Esc, which lets go; with nothing grabbed Esc leaves', () => {
    for (const k of ['ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageUp', ' ', 'Enter', 'Tab', '5', 't', 'b']) {
      expect(does(k, { focus: 'adjustable', grabbed: true })).toBe('- (passes)');
    }
    expect(does('Escape', { focus: 'adjustable', grabbed: true })).toBe('release');
    expect(does('Escape', { focus: 'adjustable', grabbed: false })).toBe('exit');
  });

  test('a text field gets every key; its Esc runs and then the deck takes the keyboard back', () => {
    for (const k of ['ArrowRight', ' ', 'PageDown', '1', 'Enter', 'b', 'o', '?']) expect(does(k, { focus: 'text' })).toBe('- (passes)');
    expect(does('Escape', { focus: 'text' })).toBe('leave-field (passes)');
  });
});

describe('go to step: digits, then Enter', () => {
  test('digits collect (at most 3), Backspace takes one back, Enter jumps, Esc forgets', () => {
    let typed = '';
    const press = (k: string, focus: FocusKind = 'other') => {
      const r = routeKey(key(k), state({ typed, focus }));
      typed = r.typed;
      return r.action;
    };
    expect([press('1'), typed]).toEqual(['typing', '1']);
    expect([press('2', 'adjustable'), typed]).toEqual(['typing', '12']);
    expect([press('Enter', 'adjustable'), typed]).toEqual(['jump', '']);
    for (const d of '12345') press(d);
    expect(typed).toBe('345');
    expect([press('Backspace'), typed]).toEqual(['typing', '34']);
    expect([press('Escape'), typed]).toEqual(['typing', '']);
    expect(press('Escape')).toBe('exit');
  });

  test('another key forgets the digits and does its own job', () => {
    expect(routeKey(key('ArrowRight'), state({ typed: '12' }))).toEqual({ action: 'next', typed: '', swallow: true });
    expect(routeKey(key('x'), state({ typed: '12' }))).toEqual({ action: null, typed: '', swallow: false });
  });

  test('jumpTarget counts from 1 and says when there is no such step; the prompt shows what is typed', () => {
    expect(jumpTarget('12', 35)).toEqual({ index: 11 });
    expect(jumpTarget('1', 35)).toEqual({ index: 0 });
    expect(jumpTarget('035', 35)).toEqual({ index: 34 });
    expect(jumpTarget('36', 35)).toEqual({ error: 'There is no step 36: the steps are 1 to 35.' });
    expect(jumpTarget('0', 35)).toEqual({ error: 'There is no step 0: the steps are 1 to 35.' });
    expect(jumpPrompt('1')).toBe('Go to step 1_');
  });
});

describe('layers', () => {
  test('a blank screen: any key brings the step back and goes no further (a lone modifier does nothing)', () => {
    for (const k of ['ArrowRight', 'Escape', 'b', 'Enter', '7']) expect(does(k, { layer: 'blank', focus: 'adjustable' })).toBe('unblank');
    expect(does('Shift', { layer: 'blank' })).toBe('- (passes)');
  });

  test('an open overview or list of keys handles its own keys', () => {
    for (const k of ['ArrowRight', 'Escape', 'Enter', 'o', '?', '3']) expect(does(k, { layer: 'overlay' })).toBe('- (passes)');
  });
});
