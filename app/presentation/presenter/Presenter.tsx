import { useEffect } from 'react';
import { focusKind } from '../focusKind';
import { linkWords } from './link';
import type { Command } from './protocol';
import { PresenterClock } from './PresenterClock';
import { presenterCommand } from './presenterKeys';
import { NextStep, NowStep } from './PresenterSteps';
import { usePresenterSync } from './usePresenterSync';
import './presenter.css';

/** The presenter's keys (see presenterCommand), sent to the projected window while it is there. */
function usePresenterKeys(command: (c: Command) => void, live: boolean): void {
  useEffect(() => {
    if (!live) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const c = presenterCommand(e, focusKind(e.target));
      if (!c) return;
      e.preventDefault();
      command(c);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [command, live]);
}

/**
 * The presenter's window (opened from the deck with P): the step the class sees, the next one, the
 * step's note, a stopwatch, and Previous / Reveal / Next, kept in step with the projected window over
 * a BroadcastChannel (see usePresenterSync). Its pointer pad moves a dot on the projected step.
 */
export function Presenter() {
  const { link, command, point } = usePresenterSync();
  const deck = link.deck;
  const live = link.status === 'live';
  usePresenterKeys(command, live);
  useEffect(() => {
    const before = document.title;
    document.title = `Presenter · ${before}`;
    return () => {
      document.title = before;
    };
  }, []);
  const current = deck?.current;
  const canReveal = current !== undefined && deck !== null && deck.part < current.reveals.length;
  const atEnd = deck !== null && deck.next === null && !canReveal;
  return (
    <div className="presenter">
      <header className="presenter-bar">
        <h1>Presenter view</h1>
        <p className="presenter-link" role="status" data-status={link.status} data-testid="presenter-link">
          {linkWords(link.status)}
        </p>
      </header>
      <main className="presenter-main">
        <div className="presenter-left">
          <section className="presenter-now" aria-labelledby="presenter-now-title">
            <h2 id="presenter-now-title" aria-live="polite" data-testid="presenter-count">
              {deck && current ? `Now: step ${current.index + 1} of ${deck.total}` : 'Now: no step yet'}
            </h2>
            {deck && <NowStep deck={deck} point={point} />}
            <div className="presenter-controls">
              <button type="button" onClick={() => command('previous')} disabled={!live || (current?.index === 0 && deck?.part === 0)} aria-keyshortcuts="ArrowLeft PageUp">
                ← Previous
              </button>
              <button type="button" onClick={() => command('reveal')} disabled={!live || !canReveal} aria-keyshortcuts="R">
                Reveal
              </button>
              <button type="button" onClick={() => command('next')} disabled={!live || atEnd} aria-keyshortcuts="ArrowRight PageDown Space">
                Next →
              </button>
            </div>
            <p className="presenter-hint" aria-hidden="true">
              <kbd>→</kbd> <kbd>Space</kbd> next · <kbd>←</kbd> back · <kbd>R</kbd> reveal · <kbd>T</kbd> the class’s theme · <kbd>Enter</kbd> presses a button
            </p>
          </section>
          {/* Under the step, where a long note cannot push it off a 1366×768 laptop's screen. */}
          <PresenterClock />
        </div>
        <div className="presenter-side">
          <section className="presenter-next" aria-labelledby="presenter-next-title">
            <h2 id="presenter-next-title">Next</h2>
            {deck ? <NextStep next={deck.next} viewport={deck.viewport} /> : <p>—</p>}
          </section>
          <section className="presenter-note" aria-labelledby="presenter-note-title">
            <h2 id="presenter-note-title">Note</h2>
            <p data-testid="presenter-note">{deck ? (deck.note ?? 'No note for this step.') : '—'}</p>
          </section>
        </div>
      </main>
    </div>
  );
}
