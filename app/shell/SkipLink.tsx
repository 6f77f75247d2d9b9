import type { MouseEvent } from 'react';
import { appStore } from '../state/store';
import { SECTIONS } from '../notebook/registry';
import './SkipLink.css';

/**
 * The page's first tab stop, shown when focused: past the masthead's buttons and the table of contents'
 * twenty-odd links, to the heading of the section on screen (the scroll spy's), whose controls come next.
 * Without scripts it is a plain link to the first section.
 */
export function SkipLink() {
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    const heading = document.getElementById(`${appStore.getState().section}-title`) ?? document.querySelector<HTMLElement>('.content h2');
    if (!heading) return;
    e.preventDefault();
    // A heading is no tab stop of its own: it takes the focus once, so the next Tab goes on from there.
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  };
  return (
    <a className="skip-link" href={`#${SECTIONS[0].id}`} onClick={skip}>
      Skip to the notebook
    </a>
  );
}
