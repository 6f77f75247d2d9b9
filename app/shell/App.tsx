import { Fragment, useEffect, useRef } from 'react';
import { CopyLink } from './CopyLink';
import { Section } from './Section';
import { ThemeButton } from './ThemeButton';
import { PartIntro } from './PartIntro';
import { Toc } from './Toc';
import { UrlNotice } from './UrlNotice';
import { scrollToSection, watchSections } from './scrollSpy';
import { focusHandoff } from '../presentation/control';
import { SLIDES } from '../presentation/deck';
import { PresentButton } from '../presentation/PresentButton';
import { Presentation } from '../presentation/Presentation';
import { SECTIONS } from '../notebook/registry';
import { appStore, useAppState } from '../state/store';
import './App.css';

/** The notebook, or the instructor's presentation of it; the notice about the address over both. */
export function App() {
  const presenting = useAppState((s) => s.presenting);
  return (
    <>
      {presenting ? <Presentation slides={SLIDES} /> : <Notebook />}
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
      <header className="masthead">
        <div className="masthead-text">
          <h1>Batch Normalization, live</h1>
          <p className="lede">The lecture notes, equation by equation, with every number computed by a real engine.</p>
        </div>
        <div className="masthead-actions">
          <CopyLink />
          <ThemeButton />
          <PresentButton />
        </div>
      </header>
      <Toc sections={SECTIONS} />
      <main className="content" ref={content}>
        {SECTIONS.map(({ id, number, title, part, Component }, i) => (
          <Fragment key={id}>
            {i > 0 && part && SECTIONS[i - 1].part !== part && <PartIntro part={part} />}
            <Section id={id} number={number} title={title}>
              <Component />
            </Section>
          </Fragment>
        ))}
        <div ref={end} className="content-end" aria-hidden="true" />
      </main>
    </div>
  );
}
