import { useContext, useEffect, useState } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { STEPS } from '../../outline';
import type { Mirror } from '../../state/slices/nav';
import { appStore } from '../../state/store';
import { DeckChannelOpener, hearMessages, send } from './channel';
import { mirrorValues } from './mirror';
import type { PointerState } from './useProjectedSync';

/**
 * A copy's side of the link (see mirror.ts): it asks where the deck is, then follows every state the
 * deck sends (the deck's own steps read from its address, see mirror.ts); the copy of the current step also shows the presenter's pointer dot. It never speaks for
 * the deck (no state, no goodbye) and takes no commands. Returns the pointer's store.
 */
export function useMirrorSync(mirror: Exclude<Mirror, 'off'>): StoreApi<PointerState> {
  const open = useContext(DeckChannelOpener);
  const [pointer] = useState(() => createStore<PointerState>()(() => ({ at: null, movedAt: 0 })));
  useEffect(() => {
    const ch = open();
    if (!ch) return;
    const unlisten = hearMessages(ch, (m) => {
      if (m.type === 'state') appStore.setState(mirrorValues(m.query, mirror, STEPS));
      else if (m.type === 'pointer' && mirror === 'current') pointer.setState({ at: m.at, movedAt: Date.now() });
    });
    send(ch, { type: 'hello' });
    return () => {
      unlisten();
      ch.close();
    };
  }, [open, pointer, mirror]);
  return pointer;
}
