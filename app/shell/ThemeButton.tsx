import { appStore, useAppState } from '../state/store';
import { THEME_LABELS, nextTheme } from './theme';

interface Props {
  /** The T key does it too (in the deck), which the button says with aria-keyshortcuts. */
  shortcut?: boolean;
  /** Instead of setting the next theme itself (the deck also announces it). */
  onCycle?: () => void;
}

/** "Theme: System" → Light → Dark → Projector (high contrast for a projector): one press, the next theme. */
export function ThemeButton({ shortcut = false, onCycle }: Props) {
  const theme = useAppState((s) => s.theme);
  return (
    <button
      type="button"
      className="theme-button"
      aria-keyshortcuts={shortcut ? 'T' : undefined}
      title="Change the theme: System, Light, Dark, Projector (high contrast)"
      onClick={onCycle ?? (() => appStore.getState().setNav({ theme: nextTheme(theme) }))}
    >
      Theme<span className="theme-state">: {THEME_LABELS[theme]}</span>
    </button>
  );
}
