import { useEffect } from 'react';
import { deckAction, type DeckAction } from './control';

/** Runs the deck's key actions (see deckAction) while mounted; keys a focused control uses are left to it. */
export function usePresentationKeys(run: (action: DeckAction) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = deckAction(e);
      if (action === null) return;
      e.preventDefault();
      run(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [run]);
}
