import { type CSSProperties, type KeyboardEvent, useRef } from 'react';
import type { StepPlace } from '../outline';
import { DeckDialog } from './DeckDialog';
import { stepLabels } from './numbering';

interface Props {
  slides: readonly StepPlace[];
  /** The step on screen (0-based). */
  current: number;
  onPick: (index: number) => void;
  onClose: () => void;
}

/** How many cells a row of the grid holds, as laid out (1 where there is no layout). */
function columns(list: HTMLElement): number {
  const tracks = getComputedStyle(list).gridTemplateColumns.trim().split(/\s+/).filter((t) => /^[\d.]+px$/.test(t));
  return Math.max(1, tracks.length);
}

/**
 * Columns for n cells on a 16:9 screen: about 16/9 as many columns as rows (cells a little wider than
 * tall), so 42 steps make 9 × 5 and still fit 1280×720; 8 for 35 steps, more for a longer deck.
 */
export function overviewColumns(n: number): number {
  return Math.max(1, Math.ceil(Math.sqrt((n * 16) / 9)));
}

/** The cell the arrow keys, Home and End move to from cell i (of n, in rows of `cols`); null: not such a key. */
export function overviewMove(key: string, i: number, n: number, cols: number): number | null {
  const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, ArrowDown: i + cols, ArrowUp: i - cols, Home: 0, End: n - 1 };
  const to = moves[key];
  return to === undefined ? null : Math.min(n - 1, Math.max(0, to));
}

/**
 * Every step at a glance: its number, section and title, the current one marked. Arrow keys move
 * between cells, Enter or a click opens one, Esc or O closes.
 */
export function Overview({ slides, current, onPick, onClose }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const el = list.current;
    const cells = el ? [...el.querySelectorAll<HTMLButtonElement>('button')] : [];
    const at = cells.indexOf(document.activeElement as HTMLButtonElement);
    if (!el || at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const to = overviewMove(e.key, at, cells.length, columns(el));
    if (to === null) return;
    e.preventDefault();
    cells[to].focus();
  };
  return (
    <DeckDialog title="All steps" closeKeys={['o']} onClose={onClose} initialFocus='[aria-current="step"]' className="deck-overview">
      <ol className="overview-grid" ref={list} onKeyDown={onKeyDown} style={{ '--overview-cols': overviewColumns(slides.length) } as CSSProperties}>
        {slides.map((slide, i) => {
          const { section, title } = stepLabels(slide);
          return (
            // A deck may show a step twice: its place in the deck is the key.
            <li key={i}>
              <button type="button" aria-current={i === current ? 'step' : undefined} onClick={() => onPick(i)}>
                <span className="overview-head">
                  <span className="overview-number">
                    <span className="deck-sr">Step</span> {i + 1}
                  </span>{' '}
                  <span className="overview-section">{section}</span>
                </span>{' '}
                <span className="overview-title">{title}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="overview-keys" aria-hidden="true">
        <kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
      </p>
    </DeckDialog>
  );
}
