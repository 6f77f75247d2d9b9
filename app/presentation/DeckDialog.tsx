import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  /** Keys besides Esc that close it (the key that opened it: "o", "?"). */
  closeKeys: readonly string[];
  onClose: () => void;
  /** Where the focus starts (a selector inside the dialog); the first button by default. */
  initialFocus?: string;
  className?: string;
  children: ReactNode;
}

/** The focusable elements of `box`, in order (for keeping Tab inside it). */
function focusables(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])')];
}

/**
 * A modal layer over the deck: titled, focus inside it (Tab wraps), closed by Esc, its own key, a
 * click beside it or its Close button. The deck's keys are off while it is open (see routeKey).
 */
export function DeckDialog({ title, closeKeys, onClose, initialFocus = 'button', className = '', children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = box.current;
    if (el) (el.querySelector<HTMLElement>(initialFocus) ?? el).focus({ preventScroll: true });
  }, [initialFocus]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape' || closeKeys.includes(e.key.toLowerCase())) {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab' && box.current) {
      const all = focusables(box.current);
      const edge = e.shiftKey ? all[0] : all[all.length - 1];
      if (document.activeElement === edge || !box.current.contains(document.activeElement)) {
        e.preventDefault();
        (e.shiftKey ? all[all.length - 1] : all[0])?.focus();
      }
    }
  };
  return (
    <div className="deck-layer" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={box} className={`deck-dialog ${className}`} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        <div className="deck-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
            Close <kbd>Esc</kbd>
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
