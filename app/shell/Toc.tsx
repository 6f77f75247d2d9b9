import { useEffect, useRef } from 'react';
import { PART_TITLES, type Part, type SectionOutline } from '../outline';
import { useAppState } from '../state/store';
import { DoneMark, ExerciseProgress } from '../exercises/ExerciseProgress';
import { CopyLink } from './CopyLink';

/** The sections grouped by part, in order (a part with no section is left out). */
function byPart(sections: readonly SectionOutline[]): [Part, SectionOutline[]][] {
  const groups: [Part, SectionOutline[]][] = [];
  for (const s of sections) {
    const last = groups.at(-1);
    const part = s.part ?? 'notes';
    if (last?.[0] === part) last[1].push(s);
    else groups.push([part, [s]]);
  }
  return groups;
}

/**
 * The table of contents; the section being read is marked current (aria-current) and highlighted.
 * The notes' sections come first; a part past them (“Beyond the notes”) gets its heading and own list.
 * A section whose exercises are all answered right is marked ✓; under the list, the exercises' progress and its reset, and a
 * link to the state as it is, with the section being read.
 */
export function Toc({ sections }: { sections: readonly SectionOutline[] }) {
  const current = useAppState((s) => s.section);
  const nav = useRef<HTMLElement>(null);
  useEffect(() => keepInView(nav.current), [current]);
  // The footer grows after the first paint (the exercises' count, fonts): keep the entry above it then too.
  useEffect(() => {
    const el = nav.current, foot = el?.querySelector('.toc-foot');
    if (!el || !foot || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => keepInView(el));
    observer.observe(foot);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <nav className="toc" aria-label="Sections" ref={nav}>
      {byPart(sections).map(([part, list]) => (
        <div key={part} className="toc-group">
          {part !== 'notes' && (
            <p className="toc-part" id={`toc-part-${part}`}>
              {PART_TITLES[part]}
            </p>
          )}
          <ol aria-labelledby={part !== 'notes' ? `toc-part-${part}` : undefined}>
            {list.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} aria-current={s.id === current ? 'true' : undefined}>
                  {s.number}. {s.title}
                  <DoneMark section={s.id} />
                </a>
              </li>
            ))}
          </ol>
        </div>
      ))}
      <div className="toc-foot">
        <ExerciseProgress />
        {/* Beside what is being read: the masthead's Copy link is out of reach there, and scrolling up to it changes the section. */}
        <CopyLink label="Copy a link to this section" />
      </div>
    </nav>
  );
}

/**
 * Where the table of contents scrolls on its own (a laptop: sticky, as tall as the screen), the current
 * section's entry is kept in view above its sticky footer (the exercises' count): reading §21 on a
 * 768 px screen, its entry had been below the edge. Scrolls the list only, never the page.
 */
function keepInView(nav: HTMLElement | null): void {
  if (!nav || nav.scrollHeight <= nav.clientHeight) return;
  const entry = nav.querySelector<HTMLElement>('a[aria-current="true"]');
  if (!entry) return;
  const footer = nav.querySelector<HTMLElement>('.toc-foot')?.offsetHeight ?? 0;
  const box = nav.getBoundingClientRect(), at = entry.getBoundingClientRect();
  const margin = 8;
  if (at.bottom > box.bottom - footer - margin) nav.scrollTop += at.bottom - (box.bottom - footer - margin);
  else if (at.top < box.top + margin) nav.scrollTop -= box.top + margin - at.top;
}
