import type { RefObject } from 'react';
import { CopyLink } from '../shell/CopyLink';
import type { DeckAction } from './control';
import { FullscreenButton } from './FullscreenButton';
import type { Slide } from './slides';
import type { DeckParts } from './useDeckParts';
import { ZoomButtons } from './Zoom';

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

interface NavProps {
  k: number;
  total: number;
  more: boolean;
  parts: DeckParts;
  run: (action: DeckAction) => void;
}

/** The deck's bottom bar: previous, the keys (and a cue while the step has more below or to reveal), next. */
export function DeckNav({ k, total, more, parts, run }: NavProps) {
  return (
    <footer className="deck-nav">
      <button type="button" onClick={() => run('previous')} disabled={k === 0 && parts.shown === 0} aria-keyshortcuts="ArrowLeft PageUp">
        ← Previous
      </button>
      {(more || parts.next) && (
        <p className="deck-cue" aria-hidden="true" data-testid={more ? 'deck-more' : 'deck-reveal'}>
          {more ? (
            <>
              More below: <kbd>↓</kbd> or <kbd>→</kbd>
            </>
          ) : (
            <>
              <kbd>→</kbd> {parts.next} ({parts.shown + 1} of {parts.reveals})
            </>
          )}
        </p>
      )}
      <p className="deck-keys" aria-hidden="true">
        <kbd>←</kbd> <kbd>→</kbd> <kbd>Space</kbd> <kbd>PgUp</kbd> <kbd>PgDn</kbd> <kbd>Home</kbd> <kbd>End</kbd> · <kbd>↑</kbd> <kbd>↓</kbd> scroll ·{' '}
        <kbd>F</kbd> full screen · <kbd>+</kbd> <kbd>−</kbd> text size · <kbd>Esc</kbd> leave
      </p>
      <ZoomButtons />
      <p className="deck-sr" aria-live="polite">
        {parts.shown > 0 ? `Shown: ${parts.revealed.join(', ')}` : ''}
      </p>
      <button type="button" onClick={() => run('next')} disabled={k === total - 1 && !more && !parts.next} aria-keyshortcuts="ArrowRight PageDown Space">
        Next →
      </button>
    </footer>
  );
}
