import type { StoreApi } from 'zustand/vanilla';
import { THEMES, type Theme } from '../state/slices/nav';
import type { State } from '../state/store';

/** How each theme is named on its button and in announcements (Projector is the high-contrast one). */
export const THEME_LABELS: Readonly<Record<Theme, string>> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  projector: 'Projector',
};

/** The theme after `t` in the cycle System → Light → Dark → Projector → System (the T key, the Theme button). */
export function nextTheme(t: Theme): Theme {
  return THEMES[(THEMES.indexOf(t) + 1) % THEMES.length];
}

/**
 * Puts the theme on the page: `data-theme` on <html> (the stylesheets' palettes key on it); 'system'
 * removes it, so `color-scheme: light dark` lets the operating system choose.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

/** Applies the store's theme now and whenever it changes; returns the unsubscribe. */
export function watchTheme(store: StoreApi<State>, root?: HTMLElement): () => void {
  applyTheme(store.getState().theme, root);
  return store.subscribe((s, before) => {
    if (s.theme !== before.theme) applyTheme(s.theme, root);
  });
}
