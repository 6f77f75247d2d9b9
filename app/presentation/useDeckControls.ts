import { type RefObject, useCallback, useEffect, useState } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { appStore } from '../state/store';
import { THEME_LABELS, nextTheme } from '../shell/theme';
import { goToSlide, type DeckAction } from './control';
import { focusKind } from './focusKind';
import { jumpTarget } from './jump';
import { PRESENTER_QUERY, openPresenter } from './presenter/openPresenter';
import { routeKey, type KeyAction } from './keys';
import { useGrab, type Grab } from './useGrab';
import type { StepPlace } from '../outline';

/** What the deck shows over or beside the step: an overlay, a blank screen, the typed step number, a message. */
export interface DeckUi {
  /** The overview, the list of keys, or the deck editor. */
  overlay: 'overview' | 'help' | 'editor' | null;
  blank: boolean;
  /** Digits typed for "go to step". */
  typed: string;
  /** The last thing the deck said (announced, and shown for a few seconds). */
  message: string;
  /** The laser pointer: the mouse (or a finger) over the step draws the audience's pointer dot. */
  laser: boolean;
  /** The step's note (an own deck's, see activeDeck.ts) is shown above the bottom bar. */
  note: boolean;
}

export interface DeckControls {
  ui: StoreApi<DeckUi>;
  grab: Grab;
  /** Does what a key or a button asks (see routeKey). */
  act: (action: KeyAction) => void;
  /** Closes the overview or the help, and gives the keyboard back to the deck. */
  closeOverlay: () => void;
  /** Opens step i (0-based) from the overview. */
  pick: (index: number) => void;
}

/** How long a message stays on screen. */
const MESSAGE_MS = 5000;

/** P: the presenter's window (said if the browser blocks it); L: the laser pointer on or off (see presenter/). */
function presenterAction(action: 'presenter' | 'laser', ui: StoreApi<DeckUi>, say: (message: string) => void): void {
  if (action === 'presenter') {
    if (!openPresenter()) say(`The browser blocked the presenter’s window: allow pop-ups here, or open ${PRESENTER_QUERY} in a new window.`);
    return;
  }
  const laser = !ui.getState().laser;
  ui.setState({ laser });
  say(laser ? 'Laser pointer on: the class sees a dot where the mouse is (L turns it off).' : 'Laser pointer off.');
}

/** The deck's state store, its key routing (a capture listener on the document) and its actions. */
export function useDeckControls(slides: readonly StepPlace[], run: (action: DeckAction) => void, heading: RefObject<HTMLElement | null>): DeckControls {
  const [ui] = useState(() => createStore<DeckUi>()(() => ({ overlay: null, blank: false, typed: '', message: '', laser: false, note: false })));
  const say = useCallback((message: string) => ui.setState({ message }), [ui]);
  const grab = useGrab(say);
  const act = useCallback(
    (action: KeyAction) => {
      const focusDeck = () => heading.current?.focus({ preventScroll: true });
      const toggle = (o: 'overview' | 'help') => ui.setState((s) => ({ overlay: s.overlay === o ? null : o }));
      switch (action) {
        case 'overview':
        case 'help':
          return toggle(action);
        case 'blank':
          ui.setState({ blank: true });
          return say('The screen is blank: press any key or click to bring the step back.');
        case 'unblank':
          return ui.setState({ blank: false });
        case 'theme': {
          const theme = nextTheme(appStore.getState().theme);
          appStore.getState().setNav({ theme });
          return say(`Theme: ${THEME_LABELS[theme]}.`);
        }
        case 'presenter':
        case 'laser':
          return presenterAction(action, ui, say);
        case 'grab':
          if (document.activeElement) grab.grab(document.activeElement);
          return;
        case 'release':
          return grab.release();
        case 'leave-field':
          // After the field's own Esc (which may close it), the deck has the keyboard.
          setTimeout(focusDeck, 0);
          return;
        case 'tick':
          return (document.activeElement as HTMLElement | null)?.click();
        case 'jump': {
          const target = jumpTarget(ui.getState().typed, slides.length);
          if ('index' in target) goToSlide(appStore, slides, target.index);
          else say(target.error);
          return;
        }
        case 'typing':
          return;
        default:
          return run(action);
      }
    },
    [ui, say, grab, run, slides, heading],
  );
  const closeOverlay = useCallback(() => {
    ui.setState({ overlay: null });
    heading.current?.focus({ preventScroll: true });
  }, [ui, heading]);
  const pick = useCallback(
    (index: number) => {
      goToSlide(appStore, slides, index);
      closeOverlay();
    },
    [slides, closeOverlay],
  );
  const { release } = grab;
  // A new step: whatever was grabbed on the last one is let go.
  useEffect(
    () =>
      appStore.subscribe((s, before) => {
        if (s.step !== before.step) release();
      }),
    [release],
  );
  useDeckKeys(ui, grab, act);
  useMessageTimeout(ui);
  return { ui, grab, act, closeOverlay, pick };
}

/** The keys, before any control sees them: routeKey decides, and what the deck takes goes no further. */
function useDeckKeys(ui: StoreApi<DeckUi>, grab: Grab, act: (action: KeyAction) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const s = ui.getState();
      const held = grab.held();
      const grabbed = held !== null && held === e.target;
      const layer = s.blank ? 'blank' : s.overlay ? 'overlay' : 'none';
      const route = routeKey(e, { focus: focusKind(e.target), grabbed, layer, typed: s.typed });
      if (grabbed && route.action === null) grab.touch();
      if (route.swallow) {
        e.preventDefault();
        e.stopPropagation();
      }
      if (route.action) act(route.action);
      if (route.typed !== ui.getState().typed) ui.setState({ typed: route.typed });
    };
    document.addEventListener('keydown', onKey, { capture: true });
    return () => document.removeEventListener('keydown', onKey, { capture: true });
  }, [ui, grab, act]);
}

/** A message goes away after MESSAGE_MS. */
function useMessageTimeout(ui: StoreApi<DeckUi>): void {
  const message = useStore(ui, (s) => s.message);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => ui.setState({ message: '' }), MESSAGE_MS);
    return () => clearTimeout(t);
  }, [ui, message]);
}
