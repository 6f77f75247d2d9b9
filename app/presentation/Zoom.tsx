import { useEffect, useLayoutEffect } from 'react';
import { ZOOM } from '../outline';
import { appStore, useAppState } from '../state/store';
import { controlOwnsKey } from './control';

/** The root's class while a deck is shown (fit.css sizes the deck's rem on it). */
const DECK_ROOT = 'deck-shown';

const clampZoom = (z: number) => Math.min(ZOOM.max, Math.max(ZOOM.min, Math.round(z)));
const zoomBy = (d: number) => appStore.getState().setNav({ zoom: clampZoom(appStore.getState().zoom + d) });

/** The key's change of zoom: + (or =) larger, − smaller. (Digits are the deck's "go to step".) */
function zoomKey(e: KeyboardEvent): number | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  if (e.key === '+' || e.key === '=') return ZOOM.step;
  return e.key === '-' || e.key === '_' ? -ZOOM.step : null;
}

/**
 * The presenter's zoom: the deck's text size (the root font size, which every panel's rem follows)
 * times `zoom` %, so a step reflows at the new size instead of being scaled as a picture. Keys + and −
 * (the deck's key routing leaves them alone; a focused control or text field keeps them).
 */
export function useDeckZoom(): void {
  const zoom = useAppState((s) => s.zoom);
  // The deck's root font size (fit.css) hangs on a class of the root, set before the first paint, not on :root:has(.deck):
  // with that rule every element put in anywhere on the page (an equation's sign, a chart's point) made Chromium look through
  // the whole document for a deck, about 0.8 ms per insertion in the notebook's 16,700 elements (issue 15).
  useLayoutEffect(() => {
    document.documentElement.classList.add(DECK_ROOT);
    return () => document.documentElement.classList.remove(DECK_ROOT);
  }, []);
  useEffect(() => {
    const root = document.documentElement.style;
    root.setProperty('--deck-zoom', String(clampZoom(zoom) / 100));
    return () => {
      root.removeProperty('--deck-zoom');
    };
  }, [zoom]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || controlOwnsKey(e.target, e.key)) return;
      const d = zoomKey(e);
      if (d === null) return;
      e.preventDefault();
      zoomBy(d);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** Smaller and larger text for the deck (also − and +), with the current size. */
export function ZoomButtons() {
  const zoom = useAppState((s) => s.zoom);
  return (
    <div className="deck-zoom" role="group" aria-label="Text size">
      <button type="button" onClick={() => zoomBy(-ZOOM.step)} disabled={zoom <= ZOOM.min} aria-keyshortcuts="-" aria-label="A− smaller text">
        A−
      </button>
      <output className="deck-zoom-value" aria-live="polite" aria-label={`Text size ${zoom} %`}>
        {zoom} %
      </output>
      <button type="button" onClick={() => zoomBy(ZOOM.step)} disabled={zoom >= ZOOM.max} aria-keyshortcuts="+" aria-label="A+ larger text">
        A+
      </button>
    </div>
  );
}
