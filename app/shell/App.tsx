import { Fragment, Suspense, lazy, useEffect, useRef } from 'react';
import { CopyLink } from './CopyLink';
import { Section } from './Section';
import { ThemeButton } from './ThemeButton';
import { PartIntro } from './PartIntro';
import { NearViewport } from './NearViewport';
import { Toc } from './Toc';
import { SkipLink } from './SkipLink';
import { UrlNotice } from './UrlNotice';
import { scrollToSection, watchSections } from './scrollSpy';
import { watchChanges } from './changeFlash';
import { focusHandoff } from '../presentation/control';
import { useActiveSlides } from '../presentation/activeDeck';
import { PresentButton } from '../presentation/PresentButton';
import { DeckEditorButton } from '../presentation/editor/DeckEditorButton';
import { Presentation } from '../presentation/Presentation';
import { SECTIONS } from '../notebook/registry';
import { preloadOf } from '../notebook/lazySection';
import { appStore, useAppState } from '../state/store';
import './App.css';

/** The presenter's window: its own chunk, loaded only in that window. */
const Presenter = lazy(() => import('../presentation/presenter/Presenter').then((m) => ({ default: m.Presenter })));

/** Each section's exercises (app/exercises/): one chunk, loaded with the notebook, never part of a presented step. */
const SectionExercises = lazy(() => import('../exercises/SectionExercises'));
/** The one-screen summary after the last section (app/exercises/Summary.tsx): not a section, so not in the outline or the deck. */
const Summary = lazy(() => import('../exercises/Summary'));

/** The notebook, the instructor's presentation of it (every step, or their own deck), or the presenter's window beside it; the notice about the address over all. */
export function App() {
  const presenting = useAppState((s) => s.presenting);
  const presenter = useAppState((s) => s.presenter);
  const mirror = useAppState((s) => s.mirror);
  const slides = useActiveSlides();
  // What a move changed flashes for a moment, in the notebook and the deck (not in the presenter's copies).
  useEffect(() => (mirror === 'off' && !presenter ? watchChanges(document.body) : undefined), [mirror, presenter]);
  return (
    <>
      {mirror !== 'off' ? (
        // A copy in a frame of the presenter's window: inert inside too, or the deck's own focus calls would take the presenter's keyboard.
        <div inert>
          <Presentation slides={slides} mirror={mirror} />
        </div>
      ) : presenter ? (
        <Suspense fallback={null}>
          <Presenter />
        </Suspense>
      ) : presenting ? (
        <Presentation slides={slides} />
      ) : (
        <Notebook />
      )}
      <UrlNotice />
    </>
  );
}

function Notebook() {
  const content = useRef<HTMLElement>(null);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Open where the link (or the last slide shown) was: the first section is the top of the page.
    const { section } = appStore.getState();
    if (section !== SECTIONS[0]?.id) scrollToSection(section);
    if (focusHandoff.toNotebook) {
      focusHandoff.toNotebook = false;
      document.querySelector<HTMLElement>('.toc a[aria-current="true"]')?.focus({ preventScroll: true });
    }
    if (!content.current || !end.current) return;
    return watchSections(
      SECTIONS.map((s) => s.id),
      content.current,
      end.current,
      (id) => {
        if (appStore.getState().section !== id) appStore.getState().setNav({ section: id });
      },
    );
  }, []);
  return (
    <div className="layout">
      <SkipLink />
      <header className="masthead">
        <div className="masthead-text">
          <h1>Batch Normalization, live</h1>
          <p className="lede">The lecture notes, equation by equation, with every number computed by a real engine.</p>
        </div>
        <div className="masthead-actions">
          <CopyLink />
          <ThemeButton />
          <DeckEditorButton />
          <PresentButton />
        </div>
      </header>
      <Toc sections={SECTIONS} />
      <main className="content" ref={content}>
        {SECTIONS.map(({ id, number, title, part, Component }, i) => (
          <Fragment key={id}>
            {i > 0 && part && SECTIONS[i - 1].part !== part && <PartIntro part={part} />}
            <Section id={id} number={number} title={title} first={i === 0} preload={preloadOf(Component)}>
              <Component />
              <Suspense fallback={null}>
                <SectionExercises section={id} />
              </Suspense>
            </Section>
          </Fragment>
        ))}
        <NearViewport className="bn-summary-gate">
          <Suspense fallback={null}>
            <Summary />
          </Suspense>
        </NearViewport>
        <div ref={end} className="content-end" aria-hidden="true" />
      </main>
    </div>
  );
}
