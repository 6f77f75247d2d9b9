import { type ComponentType, type CSSProperties, Suspense, lazy } from 'react';
import { StaticBodyOr } from '../ui/staticBody';
import './lazySection.css';

/**
 * A section whose code arrives after the first screen: its module is a chunk of its own (shared with
 * the other sections of its group), requested when the section first renders, so the first visit
 * downloads and runs less JavaScript before the title and sections 1–3 are on screen.
 *
 * Until it arrives a placeholder keeps about the section's height in the notebook (`height`: CSS
 * pixels at desktop width; taller on a phone, see lazySection.css), so the page does not jump; a
 * link's section is scrolled to at once and kept in place while the content grows (nav/scrollSpy.ts
 * pins it). In the presentation deck the placeholder is one line.
 */
export function lazySection<P extends object>(name: string, load: () => Promise<ComponentType<P>>, height: number): ComponentType<P> {
  const Code = lazy(async () => ({ default: await load() }));
  // In the built notebook the section's pre-rendered body stays while its code arrives (ui/staticBody.tsx).
  const waiting = (
    <StaticBodyOr
      otherwise={
        <p className="section-waiting" style={{ '--section-height': `${height}px` } as CSSProperties}>
          Loading this section…
        </p>
      }
    />
  );
  const Section = (props: P) => (
    <Suspense fallback={waiting}>
      <Code {...props} />
    </Suspense>
  );
  Section.displayName = name;
  return Section;
}
