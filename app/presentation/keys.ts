/**
 * The deck's keys as a pure function: which key does what, given what has the focus and what is open.
 * The deck owns → ← Space PgUp PgDn Home End; a control that uses the arrows (a slider, a dragged
 * point, a select) only gets them while it is grabbed (Enter); Esc steps out one level at a time.
 */

/**
 * What has the keyboard focus, as the deck's keys care:
 * - 'text': a text field (typing goes to it, the deck's keys too);
 * - 'adjustable': a control whose own keys change a value (a slider, a dragged point, a select, radios, a grid);
 * - 'checkbox': a checkbox (Enter ticks it, since Space belongs to the deck);
 * - 'other': anything else (a button, a link, the deck's title).
 */
export type FocusKind = 'text' | 'adjustable' | 'checkbox' | 'other';

export interface KeyState {
  focus: FocusKind;
  /** The focused adjustable control has been grabbed: its keys reach it. */
  grabbed: boolean;
  /** An overlay (overview, help) has the keyboard, or the screen is blank. */
  layer: 'none' | 'overlay' | 'blank';
  /** Digits typed so far for "go to step", e.g. "12". */
  typed: string;
}

export type KeyInput = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>;

export type KeyAction =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'exit'
  | 'fullscreen'
  | 'scroll-down'
  | 'scroll-up'
  | 'overview'
  | 'help'
  | 'blank'
  | 'unblank'
  | 'theme'
  | 'presenter'
  | 'laser'
  | 'grab'
  | 'release'
  | 'leave-field'
  | 'tick'
  | 'jump'
  | 'typing';

export interface Route {
  /** What the deck does; null: nothing (the key goes where it would without the deck). */
  action: KeyAction | null;
  /** The "go to step" digits after this key. */
  typed: string;
  /** The deck takes the key: the focused control never sees it (no default action either). */
  swallow: boolean;
}

/** The longest step number one can type (the deck has fewer than 1000 steps). */
const MAX_DIGITS = 3;
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn']);

const pass = (typed: string): Route => ({ action: null, typed, swallow: false });
const take = (action: KeyAction | null, typed = ''): Route => ({ action, typed, swallow: true });

/** The deck's own keys, whatever has the focus (Enter and Esc are decided by routeKey). */
function deckKey(e: KeyInput): KeyAction | null {
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case ' ':
      return e.shiftKey ? 'previous' : 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'ArrowDown':
      return 'scroll-down';
    case 'ArrowUp':
      return 'scroll-up';
    case '?':
      return 'help';
    case '.':
      return 'blank';
  }
  const letter: Record<string, KeyAction> = { f: 'fullscreen', o: 'overview', b: 'blank', t: 'theme', p: 'presenter', l: 'laser' };
  return e.key.length === 1 ? (letter[e.key.toLowerCase()] ?? null) : null;
}

/** "Go to step": digits collect, Backspace takes one back, Enter jumps, Esc forgets them. Null: not such a key. */
function typingKey(e: KeyInput, typed: string): Route | null {
  if (/^[0-9]$/.test(e.key)) return take('typing', (typed + e.key).slice(-MAX_DIGITS));
  if (typed === '') return null;
  if (e.key === 'Enter') return take('jump');
  if (e.key === 'Backspace') return take('typing', typed.slice(0, -1));
  if (e.key === 'Escape') return take('typing');
  return null;
}

/** Enter: grabs an adjustable control, ticks a checkbox, else does what it does (a button presses). */
function enterKey(focus: FocusKind): Route | null {
  if (focus === 'adjustable') return take('grab');
  if (focus === 'checkbox') return take('tick');
  return null;
}

/** Esc steps out one level: a grabbed control lets go, a text field gives the keyboard back to the deck; else the deck closes. */
function escapeKey(s: KeyState): Route {
  // A text field's own Esc still runs (e.g. closing the copy-link box); then the deck has the keyboard.
  if (s.focus === 'text') return { action: 'leave-field', typed: '', swallow: false };
  return take(s.grabbed ? 'release' : 'exit');
}

/**
 * What a key press does in the deck. Keys with Ctrl, Alt or Meta are the browser's. On a blank
 * screen any key brings the step back; an open overlay handles its own keys; a text field gets
 * everything but Esc; a grabbed control gets everything but Esc (and Tab moves on, which releases it).
 */
export function routeKey(e: KeyInput, s: KeyState): Route {
  if (e.altKey || e.ctrlKey || e.metaKey) return pass(s.typed);
  if (s.layer === 'blank') return MODIFIERS.has(e.key) ? pass(s.typed) : take('unblank');
  if (s.layer === 'overlay') return pass('');
  if (s.focus === 'text' || s.grabbed) return e.key === 'Escape' ? escapeKey(s) : pass('');
  const typing = typingKey(e, s.typed);
  if (typing) return typing;
  if (e.key === 'Escape') return escapeKey(s);
  if (e.key === 'Enter') return enterKey(s.focus) ?? pass('');
  const action = deckKey(e);
  return action === null ? pass('') : take(action);
}
