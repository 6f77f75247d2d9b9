import type { StoreApi } from 'zustand/vanilla';
import type { State } from '../state/store';
import { stepIndexFor, stepPatch, type StepPlace } from '../outline';

/** Set when the deck closes, so the notebook puts focus on the current section's link (not the page top). */
export const focusHandoff = { toNotebook: false };

/** Starts presenting from where the reader is: the current section's step (see stepIndexFor). */
export function enterPresentation(store: StoreApi<State>, slides: readonly StepPlace[]): void {
  const s = store.getState();
  s.setNav({ presenting: true, ...stepPatch(slides, stepIndexFor(slides, s)) });
}

/** Shows slide k (clamped to the deck): its section, and its step's panel state. */
export function goToSlide(store: StoreApi<State>, slides: readonly StepPlace[], k: number): void {
  const target = Math.min(Math.max(0, k), slides.length - 1);
  if (target !== store.getState().step) store.getState().setNav(stepPatch(slides, target));
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
