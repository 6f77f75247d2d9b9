import { useSyncExternalStore } from 'react';
import { PROGRESS_KEY, readProgress, writeProgress, type Progress } from './model/progress';

/**
 * The exercises' progress for this page: read once from localStorage, written on every change. A
 * browser that refuses storage (private mode, a full quota) keeps progress for the page only, and says so.
 */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function load(): Progress {
  try {
    return readProgress(storage()?.getItem(PROGRESS_KEY) ?? null);
  } catch {
    return { done: new Set(), notice: 'This browser does not let the page read its storage: progress is kept until the page is closed.' };
  }
}

let progress: Progress | null = null;
const listeners = new Set<() => void>();

function current(): Progress {
  progress ??= load();
  return progress;
}

function save(next: Progress): void {
  progress = next;
  try {
    if (next.done.size === 0) storage()?.removeItem(PROGRESS_KEY);
    else storage()?.setItem(PROGRESS_KEY, writeProgress(next.done));
  } catch {
    progress = { ...next, notice: 'This browser did not let the page save progress: it is kept until the page is closed.' };
  }
  for (const l of listeners) l();
}

/** Marks an exercise answered right. */
export function markDone(id: string): void {
  const p = current();
  if (p.done.has(id)) return;
  save({ done: new Set([...p.done, id]), notice: null });
}

/**
 * The answers shown for each exercise, for the page's life (a reset keeps them: they were shown). An answer typed later
 * that is within the tolerance of one shown is not counted: moving a point away and back, Back after a new batch, or a
 * change too small to move the answer past the tolerance (a point nudged by 0.01) brings a shown answer back.
 */
const shownFor = new Map<string, number[]>();

export const wasShown = (id: string, answer: number, tolerance: number): boolean => (shownFor.get(id) ?? []).some((a) => Math.abs(a - answer) <= tolerance);

export function markShown(id: string, answer: number): void {
  shownFor.set(id, [...(shownFor.get(id) ?? []), answer]);
}

/** Forgets every shown answer (tests: each starts with a fresh page). */
export function forgetShownAnswers(): void {
  shownFor.clear();
}

/** How many resets this page has seen: the exercises' answer forms start empty again after each. */
let resets = 0;

/** Forgets every exercise done (and the notice); the forms' answers and feedback go with it. */
export function resetProgress(): void {
  resets += 1;
  save({ done: new Set(), notice: null });
}

/** The number of resets so far, re-rendering on change (a key for the answer forms). */
export function useResets(): number {
  return useSyncExternalStore(subscribe, () => resets, () => resets);
}

/** Reads storage again (tests, and another tab's change). */
export function reloadProgress(): void {
  progress = load();
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The progress, re-rendering on change. */
export function useProgress(): Progress {
  return useSyncExternalStore(subscribe, current, current);
}
