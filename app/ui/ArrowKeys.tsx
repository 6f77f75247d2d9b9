import { useContext } from 'react';
import { ShownParts } from './DeckPart';

/**
 * How a focused control moves with ← →: directly in the notebook; in a presentation, where ← → change
 * the step, only once Enter has grabbed it (app/presentation/keys.ts).
 */
export function ArrowKeys() {
  const inDeck = useContext(ShownParts) !== null;
  return <>{inDeck ? 'press Enter, then ← →' : 'use ← →'}</>;
}
