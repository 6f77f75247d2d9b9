import { type ReactNode, startTransition, useEffect, useRef, useState } from 'react';
import { StaticBody, StaticBodyId, adoptStaticBody, hasStaticBody } from '../ui/staticBody';
import { appStore } from '../state/store';
import { type GoLive, waitToGoLive } from './liveQueue';

/** How far ahead of the screen a section goes live: half a screen, so it is drawn before it is seen. */
const AHEAD = '50% 0px';

/**
 * A section's body: live (its React components) once it nears the screen, or when its turn comes while the
 * page is idle (liveQueue.ts: a few seconds after the first screen every section is live); until then the
 * pre-rendered body the page came with (ui/staticBody.tsx). Going live is a transition: React draws the section
 * in slices. The first section and the link's section are live at once; without a pre-rendered body
 * (`npm start`, tests in jsdom) every section is.
 */
export function LiveWhenNear({ id, first, children }: { id: string; first: boolean; children: ReactNode }) {
  const [live, setLive] = useState(() => {
    const now = first || !hasStaticBody(id) || appStore.getState().section === id;
    if (now) adoptStaticBody(id);
    return now;
  });
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current?.parentElement;
    if (live || !el) return;
    const goLive: GoLive = (urgent) => {
      adoptStaticBody(id);
      if (urgent) setLive(true);
      else startTransition(() => setLive(true));
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
  }, [id, live]);
  if (!live) {
    return (
      <div ref={ref} className="section-static-slot">
        <StaticBody id={id} />
      </div>
    );
  }
  return <StaticBodyId value={id}>{children}</StaticBodyId>;
}
