import { useEffect } from 'react';
import { appStore } from '../state/store';
import { controlOwnsKey, enterPresentation } from './control';
import { activeSlides } from './activeDeck';

const enter = () => enterPresentation(appStore, activeSlides());

/** "Present": the instructor's one-step-per-screen view (their own deck, if the link has one), from the current section. Also the P key. */
export function PresentButton() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'p' && e.key !== 'P')) return;
      if (controlOwnsKey(e.target, e.key)) return;
      e.preventDefault();
      enter();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <button type="button" className="present-button" onClick={enter} aria-keyshortcuts="P">
      ▶ Present
    </button>
  );
}
