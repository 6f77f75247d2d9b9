import type { ComponentType, CSSProperties } from 'react';
import { StaticBodyOr } from '../ui/staticBody';
import { type CodeChunk, fromChunk } from './codeChunk';
import './lazySection.css';

/** A section's component, with what fetches its code ahead of its first render. */
export type LazySection<P extends object> = ComponentType<P> & { preload: () => Promise<unknown> };

/** What fetches `component`'s code ahead of its first render, if it is a lazy section. */
export const preloadOf = (component: object): (() => Promise<unknown>) | undefined =>
  'preload' in component && typeof component.preload === 'function' ? (component.preload as () => Promise<unknown>) : undefined;

/**
 * A section whose code arrives after the first screen: its module is a chunk shared with the other sections
 * of its group (`chunk`), requested when the first of them renders or is about to go live (`preload`, with the
 * chunks of its charts, `also`), so the first visit downloads and runs less JavaScript before the title and
 * sections 1–3 are on screen. Once the chunk has arrived, the section renders without suspending (codeChunk.tsx).
 *
 * Until it arrives a placeholder keeps about the section's height in the notebook (`height`: CSS
 * pixels at desktop width; taller on a phone, see lazySection.css), so the page does not jump; a
 * link's section is scrolled to at once and kept in place while the content grows (nav/scrollSpy.ts
 * pins it). In the presentation deck the placeholder is one line.
 */
export function lazySection<M, P extends object>(
  name: string,
  chunk: CodeChunk<M>,
  pick: (m: M) => ComponentType<P>,
  height: number,
  also: readonly CodeChunk<unknown>[] = [],
): LazySection<P> {
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
  const Section = fromChunk(name, chunk, pick, waiting);
  return Object.assign(Section, { preload: () => Promise.all([chunk, ...also].map((c) => c.load())) });
}
