import { type ReactNode, startTransition, useEffect, useRef, useState } from 'react';
import { StaticBody, StaticBodyId, adoptStaticBody, hasStaticBody } from '../ui/staticBody';
import { appStore } from '../state/store';
import { type GoLive, waitToGoLive } from './liveQueue';

/** How far ahead of the screen a section goes live: half a screen, so it is drawn before it is seen. */
const AHEAD = '50% 0px';

/**
 * A section's body: live (its React components) once it nears the screen, or when its turn comes while the
 * page is idle (liveQueue.ts: a few seconds after the first screen every section is live); until then the
 * pre-rendered body the page came with (ui/staticBody.tsx). Going live waits for the section's code (`preload`)
 * and is then a transition: React draws the section in slices. The first section and the link's section are live
 * at once; without a pre-rendered body (`npm start`, tests in jsdom) every section is.
 */
export function LiveWhenNear({ id, first, preload, children }: { id: string; first: boolean; preload?: () => Promise<unknown>; children: ReactNode }) {
  const [live, setLive] = useState(() => {
    const now = first || !hasStaticBody(id) || appStore.getState().section === id;
    if (now) adoptStaticBody(id);
    return now;
  });
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current?.parentElement;
    if (live || !el) return;
    const becomeLive = () => startTransition(() => setLive(true));
    const goLive: GoLive = (urgent) => {
      adoptStaticBody(id);
      if (urgent) setLive(true);
      // Its code first: the section then renders without suspending, and comes without React's 300 ms hold on
      // a boundary's content after a fallback (notebook/codeChunk.tsx). A failed fetch is the section's to report.
      else if (preload) void preload().then(becomeLive, becomeLive);
      else becomeLive();
    };
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) goLive(false);
      },
      { rootMargin: AHEAD },
    );
    io.observe(el);
    const leave = waitToGoLive(id, goLive);
    return () => {
      io.disconnect();
      leave();
    };
  }, [id, live, preload]);
  if (!live) {
    return (
      <div ref={ref} className="section-static-slot">
        <StaticBody id={id} />
      </div>
    );
  }
  return <StaticBodyId value={id}>{children}</StaticBodyId>;
}
