import { type ReactNode, createContext, useContext } from 'react';

/**
 * How many of a presented step's hidden parts are shown (→ reveals them one at a time); null outside
 * a presentation, where every part shows. The deck provides it around the step it shows.
 */
export const ShownParts = createContext<number | null>(null);

interface Props {
  /** The part this shows from: 0 from the start, k once → has revealed k parts. */
  from?: number;
  /** The last part it shows during: it gives way to what comes after it. Open-ended when absent. */
  until?: number;
  children: ReactNode;
}

/**
 * Part of a presentation step that → reveals (a result the class guesses first, a verdict), or that
 * gives way to the next part (formula → numbers → verdict). Outside a presentation it is just its
 * children. Hidden parts stay mounted, so what a reader picked in them is kept.
 */
export function DeckPart({ from = 0, until, children }: Props) {
  const shown = useContext(ShownParts);
  if (shown === null) return <>{children}</>;
  const visible = shown >= from && (until === undefined || shown <= until);
  return (
    <div className="deck-part" data-part-from={from} data-part-until={until} hidden={!visible} style={visible ? { display: 'contents' } : undefined}>
      {children}
    </div>
  );
}

