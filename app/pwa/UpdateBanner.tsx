import { useState } from 'react';
import { useAppState } from '../state/store';
import './UpdateBanner.css';

/** After Dismiss, the keyboard goes on in the notebook rather than at the page's top. */
function focusNotebook(): void {
  const main = document.querySelector<HTMLElement>('main');
  if (!main) return;
  if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
  main.focus({ preventScroll: true });
}

interface Props {
  /** Activates the waiting worker; the page reloads once it controls the page. */
  onReload: () => void;
  /** Hides the banner; the new version waits for the next visit. */
  onDismiss: () => void;
}

/**
 * "A new version is available — Reload": a small non-modal banner at the bottom of the notebook, announced
 * politely and never taking the focus. It waits out a presentation (and is never in the presenter's window
 * or its copies of the deck): the class keeps the page it sees, and the banner is back after Esc.
 */
export function UpdateBanner({ onReload, onDismiss }: Props) {
  const away = useAppState((s) => s.presenting || s.presenter || s.mirror !== 'off');
  const [reloading, setReloading] = useState(false);
  if (away) return null;
  return (
    <div className="update-banner-region" role="status" aria-live="polite">
      <section className="update-banner" aria-labelledby="update-banner-text">
        <p id="update-banner-text">A new version is available — reload to use it.</p>
        <button
          type="button"
          disabled={reloading}
          onClick={() => {
            setReloading(true);
            onReload();
          }}
        >
          {reloading ? 'Reloading…' : 'Reload'}
        </button>
        <button
          type="button"
          onClick={() => {
            onDismiss();
            focusNotebook();
          }}
        >
          Dismiss
        </button>
      </section>
    </div>
  );
}
