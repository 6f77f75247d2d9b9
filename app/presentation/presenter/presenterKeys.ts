import type { FocusKind } from '../keys';
import { routeKey, type KeyInput } from '../keys';
import { COMMANDS, type Command } from './protocol';

/**
 * What a key does in the presenter's window: the deck's own moving keys (→ Space PgDn, ← Shift+Space
 * PgUp, Home, End, T: see keys.ts), sent to the projected window, and R to reveal the step's next part.
 * Null: the key is not the presenter's (a text field, a modifier, any other key).
 */
export function presenterCommand(e: KeyInput, focus: FocusKind): Command | null {
  if (e.altKey || e.ctrlKey || e.metaKey || focus === 'text') return null;
  if (e.key === 'r' || e.key === 'R') return 'reveal';
  const { action } = routeKey(e, { focus, grabbed: false, layer: 'none', typed: '' });
  return (COMMANDS as readonly string[]).includes(action ?? '') ? (action as Command) : null;
}
