import type { StoreApi } from 'zustand/vanilla';
import type { State } from '../state/store';
import type { NavData } from '../state/slices/nav';
import { pinnedValues } from '../state/deck/pins';
import type { Pin } from '../state/deck/deck';
import { URL_TABLE } from '../state/url/table';
import { stepIndexFor, stepPatch, type StepPlace } from '../outline';

/** A step of the deck, with the settings an own deck pinned to it (if any). */
export type PinnablePlace = StepPlace & { readonly pin?: Pin | null };

/** Set when the deck closes, so the notebook puts focus on the current section's link (not the page top). */
export const focusHandoff = { toNotebook: false };

/**
 * Shows slide k: its section and its step's panel state, and, when the deck pinned settings to it,
 * those settings (every other pinnable setting at its default, see app/state/deck/pins.ts). `nav`
 * adds to the move (presentation mode, the parts shown). One store update, so one history entry.
 */
export function enterSlide(store: StoreApi<State>, slides: readonly PinnablePlace[], k: number, nav: Partial<NavData> = {}): void {
  const pin = slides[k]?.pin;
  const pinned = pin ? pinnedValues(pin, URL_TABLE) : {};
  const patch = { ...pinned, ...stepPatch(slides, k), ...nav };
  // A step starts with its parts hidden, unless its pin or the move says otherwise (see setNav).
  store.setState({ part: 0, ...patch });
}

/** Starts presenting from where the reader is: the current section's step (see stepIndexFor). */
export function enterPresentation(store: StoreApi<State>, slides: readonly PinnablePlace[]): void {
  enterSlide(store, slides, stepIndexFor(slides, store.getState()), { presenting: true });
}

/** Shows slide k (clamped to the deck): its section, its step's panel state and its pinned settings. */
export function goToSlide(store: StoreApi<State>, slides: readonly PinnablePlace[], k: number): void {
  const target = Math.min(Math.max(0, k), slides.length - 1);
  if (target !== store.getState().step) enterSlide(store, slides, target);
}
/** Stops presenting; the notebook opens at the section of the last slide shown. */
export function exitPresentation(store: StoreApi<State>): void {
  if (typeof document !== 'undefined' && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  store.getState().setNav({ presenting: false, step: 0 });
}

/** True when a key pressed on `target` belongs to that control (typing, a slider, a button's Space). */
export function controlOwnsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  const role = target.getAttribute('role') ?? '';
  if (['slider', 'spinbutton', 'radio', 'tab', 'option', 'listbox', 'combobox', 'textbox', 'menuitem', 'grid', 'gridcell'].includes(role)) return true;
  const activates = key === ' ' || key === 'Enter';
  return activates && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'button' || role === 'link');
}

/** What the deck's bars and its moving keys do (the other keys' actions: see keys.ts). */
export type DeckAction = 'next' | 'previous' | 'first' | 'last' | 'exit' | 'fullscreen' | 'scroll-down' | 'scroll-up';
