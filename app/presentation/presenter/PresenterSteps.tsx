import type { PointerEvent } from 'react';
import type { PointerAt, StateMessage, StepInfo } from './messages';
import { MirrorFrame } from './MirrorFrame';
import { relativePoint } from './pointer';

/** "1 of 3 parts shown; next reveals the verdict.", or that all are shown, or that the step hides nothing. */
export function partsWords(step: StepInfo, part: number): string {
  const n = step.reveals.length;
  if (n === 0) return 'Nothing hidden on this step.';
  const next = step.reveals[part];
  if (next === undefined) return n === 1 ? 'Its one part is shown.' : `All ${n} parts shown.`;
  return `${part} of ${n} ${n === 1 ? 'part' : 'parts'} shown; next reveals ${next}.`;
}

/**
 * The current step as the class sees it: a live copy of the projected window (see MirrorFrame), with
 * its section and title above and its parts below. Moving the mouse, a pen or a finger over the copy moves
 * the audience's pointer dot to the same place of the projected window.
 */
export function NowStep({ deck, point }: { deck: StateMessage; point: (at: PointerAt | null) => void }) {
  const { current, part, viewport } = deck;
  const onPointer = (e: PointerEvent<HTMLDivElement>) => point(relativePoint(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect()));
  return (
    <>
      <p className="presenter-now-title">
        <span className="presenter-now-section">{current.section}</span> {current.title}
      </p>
      <div
        className="presenter-screen"
        data-testid="presenter-screen"
        role="group"
        aria-label="Pointer pad: the projected screen (moving over it shows the class a dot)"
        style={{ ['--aspect' as string]: viewport.width / viewport.height }}
        onPointerMove={onPointer}
        onPointerDown={onPointer}
      >
        <MirrorFrame mirror="current" viewport={viewport} title="The projected screen, as the class sees it" />
      </div>
      <p className="presenter-parts-line" data-testid="presenter-parts">
        {partsWords(current, part)}
      </p>
    </>
  );
}

/** The step after the current one: a copy of it as it will first show, its section, title and what it will reveal; or that this is the last step. */
export function NextStep({ next, viewport }: { next: StepInfo | null; viewport: StateMessage['viewport'] }) {
  if (!next) return <p className="presenter-next-title">This is the last step.</p>;
  return (
    <div data-testid="presenter-next">
      <MirrorFrame mirror="next" viewport={viewport} title="The next step, as it will first show" />
      <p className="presenter-next-section">
        Step {next.index + 1} · {next.section}
      </p>
      <p className="presenter-next-title">{next.title}</p>
      {next.reveals.length > 0 && <p className="presenter-next-reveals">Reveals {next.reveals.join(', then ')}.</p>}
    </div>
  );
}
