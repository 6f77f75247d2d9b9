import { type CSSProperties, memo, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { morph } from './morph';
import { observeAgain, observeSize } from './resizeWatch';
import { gestureNow } from './gesture';
import { reservedHeightEm } from './equationHeight';
import { katexLoaded, loadKatex, onKatexLoaded, typeset } from './typeset';
import './Equation.css';

interface Props {
  /** TeX source; built by the app from engine numbers, never from user text. */
  tex: string;
  display?: boolean;
  /** Accessible description when the TeX alone reads poorly. */
  label?: string;
}

/** What the deferred TeX is while a gesture goes on (never valid TeX). */
const HOLD = '\u0000hold';

const fontWaiters = new Set<() => void>();
let listening = false;

/**
 * Calls `f` whenever fonts finish loading (KaTeX's load as equations need them), until the returned
 * function is called. One 'loadingdone' listener for all equations: reading `document.fonts.ready` in
 * every equation's effect forced a style recalculation per re-typeset equation on each slider move.
 */
function afterFontsLoad(f: () => void): () => void {
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  if (!fonts) return () => {};
  if (!listening) {
    listening = true;
    fonts.addEventListener('loadingdone', () => fontWaiters.forEach((w) => w()));
  }
  fontWaiters.add(f);
  return () => fontWaiters.delete(f);
}

/**
 * A KaTeX-typeset equation. KaTeX also emits MathML, which screen readers read. Memoized: it re-renders
 * only when its TeX (or label) changes, and the typesetting itself is cached by TeX (typeset.ts).
 */
export const Equation = memo(function Equation({ tex: newTex, display = true, label }: Props) {
  // New TeX is typeset in a render of its own, after the one that answers the input (issue 15: typesetting
  // and inserting the changed equations doubled a γ key press's time to the panel's numbers). Not during a gesture
  // (a drag, a held key): there the second render was a second commit and layout at every move; one render does both.
  // During a gesture the deferred value is handed HOLD, which does not change from move to move: handing it each move's
  // TeX scheduled a second render and commit at every move, only to find the TeX already shown. (The first new TeX after
  // a gesture, met while the deferred value is still HOLD, is typeset in the render that brings it.)
  const gesture = gestureNow() !== 0;
  const deferred = useDeferredValue(gesture ? HOLD : newTex);
  const tex = gesture || deferred === HOLD ? newTex : deferred;
  const ref = useRef<HTMLDivElement & HTMLSpanElement>(null);
  // KaTeX arrives after the first screen's code (typeset.ts): until then the equation is an empty box
  // of about its height (equationHeight.ts, Equation.css), never raw TeX, and is typeset when KaTeX is here.
  // At build time (app/prerender/) KaTeX is loaded before the notebook is rendered: the static page holds typeset equations.
  const ready = useSyncExternalStore(onKatexLoaded, katexLoaded, katexLoaded);
  // An equation the pre-rendered page held is in typeset's cache already (adoptTypeset): KaTeX is loaded only for one that is not.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `ready`: typeset answers once KaTeX has arrived
  const html = useMemo(() => typeset(tex, display), [ready, tex, display]);
  useEffect(() => {
    if (html === null) void loadKatex();
  }, [html]);
  // React puts the first markup in (the pre-rendered page's too); a new one changes only what differs, before the
  // frame is drawn (morph.ts: a drag in section 2 re-made every element of its equation at each move).
  const [first] = useState(() => ({ __html: html ?? '' }));
  const shown = useRef(first.__html);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || html === null || html === shown.current) return;
    morph(el, html, shown.current);
    shown.current = html;
  }, [html]);
  // An equation wider than the screen scrolls sideways; it then has to be reachable by keyboard too,
  // so it joins the tab order only while it overflows (set on the element: no re-render). Measured
  // only in ResizeObserver callbacks, after the browser's own layout: reading scrollWidth right after
  // a render would force a layout per equation on every slider move.
  // One observer for the equation's life; each new markup observes afresh (observing reports once, at the next frame):
  // a new observer and font listener at every drag move cost more than the measuring.
  const overflow = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      // Only where the equation is the box that scrolls: inside a ScrollX (overflow: visible) the ScrollX is the tab
      // stop, and a second one on the equation did nothing (11 of them at 390 px).
      const overflowing = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible';
      if (overflowing !== el.hasAttribute('tabindex')) {
        if (overflowing) el.setAttribute('tabindex', '0');
        else el.removeAttribute('tabindex');
      }
    });
    overflow.current = ro;
    // Resting while the section is skipped (resizeWatch.ts). KaTeX's fonts arriving widen the content without resizing
    // the box: observe afresh to measure again.
    const off = observeSize(ro, el);
    const stop = afterFontsLoad(() => observeAgain(ro, el));
    return () => {
      stop();
      off();
      ro.disconnect();
      overflow.current = null;
    };
  }, []);
  useEffect(() => {
    const el = ref.current;
    const ro = overflow.current;
    if (!el || !ro || html === null) return;
    observeAgain(ro, el);
  }, [html]);
  const Tag = display ? 'div' : 'span';
  // role="math" gives the label a valid home (aria-label on a plain div is not allowed).
  return (
    <Tag
      ref={ref}
      className={`${display ? 'equation' : 'equation-inline'}${html === null ? ' equation-pending' : ''}`}
      role={label ? 'math' : undefined}
      aria-label={label}
      aria-busy={html === null || undefined}
      style={html === null && display ? ({ '--eq-height': reservedHeightEm(tex) } as CSSProperties) : undefined}
      dangerouslySetInnerHTML={first}
    />
  );
});
