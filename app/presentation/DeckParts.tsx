import type { RefObject } from 'react';
import { CopyLink } from '../shell/CopyLink';
import type { DeckAction } from './control';
import { FullscreenButton } from './FullscreenButton';
import type { Slide } from './slides';

interface BarProps {
  slide: Slide;
  k: number;
  total: number;
  title: string;
  heading: RefObject<HTMLHeadingElement | null>;
  run: (action: DeckAction) => void;
}

/** The deck's top bar: the step's section and title, "Step k of N", copy link, full screen, exit. */
export function DeckBar({ slide, k, total, title, heading, run }: BarProps) {
  return (
    <header className="deck-bar">
      <h2 ref={heading} tabIndex={-1} className="deck-title">
        <span className="section-number">{slide.sectionNumber}</span>{' '}
        {slide.stepsInSection > 1 && <span className="deck-context">{slide.sectionTitle} · </span>}
        {title}
      </h2>
      <p className="deck-count" aria-live="polite">
        Step {k + 1} of {total}
        <span className="deck-sr">: {title}</span>
      </p>
      <div className="deck-actions">
        <CopyLink />
        <FullscreenButton />
        <button type="button" onClick={() => run('exit')} aria-keyshortcuts="Escape">
          Exit <kbd>Esc</kbd>
        </button>
      </div>
    </header>
  );
}

/** The deck's bottom bar: previous, the keys (and a cue while the step has more below), next. */
export function DeckNav({ k, total, more, run }: { k: number; total: number; more: boolean; run: (action: DeckAction) => void }) {
  return (
    <footer className="deck-nav">
      <button type="button" onClick={() => run('previous')} disabled={k === 0} aria-keyshortcuts="ArrowLeft PageUp">
        ← Previous
      </button>
      <p className="deck-keys" aria-hidden="true">
        {more && (
          <span className="deck-more" data-testid="deck-more">
            More below: <kbd>↓</kbd> ·{' '}
          </span>
        )}
        <kbd>←</kbd> <kbd>→</kbd> <kbd>Space</kbd> <kbd>PgUp</kbd> <kbd>PgDn</kbd> <kbd>Home</kbd> <kbd>End</kbd> · <kbd>↑</kbd> <kbd>↓</kbd> scroll ·{' '}
        <kbd>F</kbd> full screen · <kbd>Esc</kbd> leave
      </p>
      <button type="button" onClick={() => run('next')} disabled={k === total - 1} aria-keyshortcuts="ArrowRight PageDown Space">
        Next →
      </button>
    </footer>
  );
}
