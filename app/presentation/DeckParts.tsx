import type { ReactNode, RefObject } from 'react';
import { CopyLink } from '../shell/CopyLink';
import type { DeckAction } from './control';
import { FullscreenButton } from './FullscreenButton';
import { stepLabels } from './numbering';
import type { Slide } from './slides';
import type { DeckParts } from './useDeckParts';
import { useFocusAdjustable } from './useFocusAdjustable';
import { ZoomButtons } from './Zoom';

interface BarProps {
  slide: Slide;
  k: number;
  total: number;
  heading: RefObject<HTMLHeadingElement | null>;
  run: (action: DeckAction) => void;
  /** More buttons, before Copy link (the deck editor's, the presenter's window's). */
  actions?: ReactNode;
}

/** The deck's top bar: the step's section (§) and title, "Step k of N", the deck editor and the presenter's window, copy link, full screen, exit. */
export function DeckBar({ slide, k, total, heading, run, actions }: BarProps) {
  const { section, title, full } = stepLabels(slide);
  return (
    <header className="deck-bar">
      <h2 ref={heading} tabIndex={-1} className="deck-title" title={full}>
        <span className="deck-context">
          {section}
          {slide.stepsInSection > 1 && ' ·'}
        </span>{' '}
        <span className="deck-step-title">{title}</span>
      </h2>
      <p className="deck-count" aria-live="polite">
        Step {k + 1} of {total}
        <span className="deck-sr">: {full}</span>
      </p>
      <div className="deck-actions">
        {actions}
        <CopyLink />
        <FullscreenButton />
        <button type="button" onClick={() => run('exit')} aria-keyshortcuts="Escape">
          Exit <kbd>Esc</kbd>
        </button>
      </div>
    </header>
  );
}

interface NavProps {
  k: number;
  total: number;
  more: boolean;
  parts: DeckParts;
  run: (action: DeckAction) => void;
  /** What the keyboard is doing (a live line: see DeckStatus). */
  status?: ReactNode;
  /** The deck's own buttons (overview, theme, keys), beside Next. */
  tools?: ReactNode;
}

/**
 * The deck's bottom bar: previous, the deck's status (or a cue: what → reveals next on this step, or that
 * it has more below; and a hint: Enter while the focus is on a control it grabs, else the keys' list), the tools and the text size, next.
 */
export function DeckNav({ k, total, more, parts, run, status, tools }: NavProps) {
  const adjustable = useFocusAdjustable();
  return (
    <footer className="deck-nav">
      <button type="button" onClick={() => run('previous')} disabled={k === 0 && parts.shown === 0} aria-keyshortcuts="ArrowLeft PageUp">
        ← Previous
      </button>
      <div className="deck-nav-middle">
        <p className="deck-keys" aria-hidden="true">
          {more && (
            <span className="deck-more" data-testid="deck-more">
              More below: <kbd>↓</kbd> <kbd>→</kbd>
            </span>
          )}
          {!more && parts.next && (
            <span className="deck-more" data-testid="deck-reveal">
              <kbd>→</kbd> {parts.next} <span className="deck-count-of">({parts.shown + 1} of {parts.reveals})</span>
            </span>
          )}{' '}
          <span className="deck-hint" data-testid="deck-hint">
            {adjustable ? (
              <>
                <kbd>Enter</kbd> adjusts it
              </>
            ) : (
              <>
                <kbd>?</kbd> keys
              </>
            )}
          </span>
        </p>
        {status}
      </div>
      <p className="deck-sr" aria-live="polite">
        {parts.shown > 0 ? `Shown: ${parts.revealed.join(', ')}` : ''}
      </p>
      <div className="deck-tools">
        {tools}
        <ZoomButtons />
      </div>
      <button type="button" onClick={() => run('next')} disabled={k === total - 1 && !more && !parts.next} aria-keyshortcuts="ArrowRight PageDown Space">
        Next →
      </button>
    </footer>
  );
}
