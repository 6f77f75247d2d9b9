import { type RefObject, useCallback, useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ShownParts } from '../ui/DeckPart';
import { useMoreBelow } from './useMoreBelow';
import { appStore, useAppState } from '../state/store';
import { exitPresentation, focusHandoff, goToSlide, type DeckAction } from './control';
import { DeckBar, DeckNav } from './DeckParts';
import { toggleFullscreen } from './fullscreen';
import type { Slide } from './slides';
import { DeckLayers, DeckNote, DeckStatus, DeckTools, EditDeckButton, PresenterButton } from './DeckTools';
import { useDeckControls } from './useDeckControls';
import { type DeckParts, useDeckParts } from './useDeckParts';
import { revealNext } from './parts';
import type { Command } from './presenter/protocol';
import { MirrorLink, ProjectedLink } from './presenter/DeckLink';
import type { Mirror } from '../state/slices/nav';
import './presentation.css';
import './projector.css';
import './fit.css';
import './presenter/pointer.css';

/**
 * The instructor's view: one step per screen, large type, keyboard-driven, with "Step k of N".
 * The step's panel is the section's own live panel, so its controls still work.
 * `mirror`: this deck is a copy in the presenter's window, following the projected one (see presenter/).
 */
export function Presentation({ slides, mirror = 'off' }: { slides: readonly Slide[]; mirror?: Mirror }) {
  const step = useAppState((s) => s.step);
  const k = Math.min(Math.max(0, step), slides.length - 1);
  const slide = slides[k];
  const total = slides.length;
  const deck = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);

  const parts = useDeckParts(slides, k, body);
  const run = useDeckActions(slides, body, parts);
  const controls = useDeckControls(slides, run, heading);
  const more = useMoreBelow(body, k);
  const { act } = controls;
  const command = useCallback((c: Command) => (c === 'reveal' ? void revealNext(appStore, slides) : act(c)), [act, slides]);
  const laser = useStore(controls.ui, (s) => s.laser);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    return () => {
      focusHandoff.toNotebook = true;
    };
  }, []);
  useEffect(() => {
    // The previous step's control may have held focus and gone: keep the keyboard in the deck.
    if (!deck.current?.contains(document.activeElement)) heading.current?.focus({ preventScroll: true });
  }, [k]);

  if (!slide) return null;
  return (
    <div className="deck" ref={deck} role="region" aria-label="Presentation">
      <DeckBar
        slide={slide}
        k={k}
        total={total}
        heading={heading}
        run={run}
        actions={
          <>
            <EditDeckButton controls={controls} />
            <PresenterButton controls={controls} />
          </>
        }
      />
      <progress className="deck-progress" max={total} value={k + 1} aria-label={`Step ${k + 1} of ${total}`} />
      <main className="deck-body" ref={body}>
        <div className="deck-slide" data-slide={`${slide.sectionId}:${slide.step.id}`} data-shown={parts.shown}>
          <ErrorBoundary name={`Section ${slide.sectionNumber}: ${slide.sectionTitle}`}>
            <ShownParts.Provider value={parts.shown}>
              <slide.Component />
            </ShownParts.Provider>
          </ErrorBoundary>
        </div>
      </main>
      <DeckNote controls={controls} />
      <DeckNav k={k} total={total} more={more} parts={parts} run={run} status={<DeckStatus controls={controls} />} tools={<DeckTools controls={controls} />} />
      <DeckLayers controls={controls} slides={slides} current={k} />
      {mirror === 'off' ? <ProjectedLink slides={slides} k={k} command={command} laser={laser} /> : <MirrorLink mirror={mirror} />}
    </div>
  );
}

/** The deck's actions: move between steps (revealing a step's parts first), full screen, scroll a tall step, leave. */
function useDeckActions(slides: readonly Slide[], body: RefObject<HTMLDivElement | null>, { forward, back }: DeckParts): (action: DeckAction) => void {
  return useCallback(
    (action: DeckAction) => {
      const go = (n: number) => goToSlide(appStore, slides, n);
      if (action === 'next') forward();
      else if (action === 'previous') back();
      else if (action === 'first') go(0);
      else if (action === 'last') go(slides.length - 1);
      else if (action === 'fullscreen') toggleFullscreen();
      else if (action === 'scroll-down' || action === 'scroll-up') {
        const el = body.current;
        el?.scrollBy?.({ top: (action === 'scroll-down' ? 0.45 : -0.45) * el.clientHeight, behavior: 'instant' });
      }
      else exitPresentation(appStore);
    },
    [slides, body, forward, back],
  );
}
