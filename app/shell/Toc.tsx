import { PART_TITLES, type Part, type SectionOutline } from '../outline';
import { useAppState } from '../state/store';
import { DoneMark, ExerciseProgress } from '../exercises/ExerciseProgress';

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
 * A section whose exercises are all answered right is marked ✓; under the list, the exercises' progress and its reset.
 */
export function Toc({ sections }: { sections: readonly SectionOutline[] }) {
  const current = useAppState((s) => s.section);
  return (
    <nav className="toc" aria-label="Sections">
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
      <ExerciseProgress />
    </nav>
  );
}
