import type { PointerEvent } from 'react';
import type { PointerAt, StateMessage, StepInfo } from './messages';
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
 * The current step as the class sees it, in the projected window's shape: its section, title and parts
 * (✓ shown, ○ still hidden). Moving the mouse, pen or a finger over it moves the audience's pointer dot
 * to the same place of the projected window.
 */
export function NowStep({ deck, point }: { deck: StateMessage; point: (at: PointerAt | null) => void }) {
  const { current, part } = deck;
  const onPointer = (e: PointerEvent<HTMLDivElement>) => point(relativePoint(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect()));
  return (
    <>
      <div
        className="presenter-screen"
        data-testid="presenter-screen"
        role="group"
        aria-label="Pointer pad: the projected screen (moving over it shows the class a dot)"
        style={{ aspectRatio: String(deck.aspect), ["--aspect" as string]: deck.aspect }}
        onPointerMove={onPointer}
        onPointerDown={onPointer}
      >
        <p className="presenter-screen-section">{current.section}</p>
        <p className="presenter-screen-title">{current.title}</p>
        {current.reveals.length > 0 && (
          <ul className="presenter-parts">
            {current.reveals.map((name, i) => (
              <li key={name} data-shown={i < part}>
                <span aria-hidden="true">{i < part ? '✓ ' : '○ '}</span>
                {name}
                <span className="deck-sr">{i < part ? ' (shown)' : ' (hidden)'}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="presenter-parts-line" data-testid="presenter-parts">
        {partsWords(current, part)}
      </p>
    </>
  );
}

/** The step after the current one: its section, title and what it will reveal; or that this is the last step. */
export function NextStep({ next }: { next: StepInfo | null }) {
  if (!next) return <p className="presenter-next-title">This is the last step.</p>;
  return (
    <div data-testid="presenter-next">
      <p className="presenter-next-section">
        Step {next.index + 1} · {next.section}
      </p>
      <p className="presenter-next-title">{next.title}</p>
      {next.reveals.length > 0 && <p className="presenter-next-reveals">Reveals {next.reveals.join(', then ')}.</p>}
    </div>
  );
}
