import type { SectionOutline } from '../outline';
import { useAppState } from '../state/store';

/** The table of contents; the section being read is marked current (aria-current) and highlighted. */
export function Toc({ sections }: { sections: readonly SectionOutline[] }) {
  const current = useAppState((s) => s.section);
  return (
    <nav className="toc" aria-label="Sections">
      <ol>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} aria-current={s.id === current ? 'true' : undefined}>
              {s.number}. {s.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
