import { useEffect } from 'react';
import { ZOOM } from '../outline';
import { appStore, useAppState } from '../state/store';
import { controlOwnsKey } from './control';

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
