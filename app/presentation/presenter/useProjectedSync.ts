import { useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StepPlace } from '../../outline';
import { appStore, useAppState } from '../../state/store';
import { serializeQuery } from '../../state/url/serialize';
import { urlValues } from '../../state/url/table';
import { hearMessages, send, DeckChannelOpener, type DeckChannel } from './channel';
import { deckState } from './deckState';
import type { DeckMessageBody, PointerAt } from './messages';
import type { Command } from './protocol';

/** Where the audience's pointer dot is (null: hidden), and when it last moved (ms). */
export interface PointerState {
  at: PointerAt | null;
  movedAt: number;
}

/** The window's size (CSS pixels), as it changes. */
function useViewport(): { width: number; height: number } {
  const read = () => ({ width: window.innerWidth, height: window.innerHeight });
  const [viewport, setViewport] = useState(read);
  useEffect(() => {
    const onResize = () => setViewport(read());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return viewport;
}

/** The store's URL values as the address would write them now (not after the address's debounce). */
const currentQuery = () => serializeQuery(urlValues(appStore.getState()));
const useDeckQuery = () => useSyncExternalStore(appStore.subscribe, currentQuery);

/**
 * The projected window's side of the presenter link: it tells the channel where the deck is and what its
 * panels are set to (on every change, and to a presenter that says hello), runs the presenter's commands through `run` (the deck's
 * own key actions), moves the audience's pointer dot, and says goodbye when the deck or its window closes.
 * Returns the pointer's store (see PointerDot).
 */
export function useProjectedSync(slides: readonly StepPlace[], k: number, run: (command: Command) => void): StoreApi<PointerState> {
  const open = useContext(DeckChannelOpener);
  const part = useAppState((s) => s.part);
  const theme = useAppState((s) => s.theme);
  const { width, height } = useViewport();
  const query = useDeckQuery();
  const [pointer] = useState(() => createStore<PointerState>()(() => ({ at: null, movedAt: 0 })));
  const channel = useRef<DeckChannel | null>(null);
  const latest = useRef<DeckMessageBody | null>(null);
  const runLatest = useRef(run);
  useEffect(() => {
    runLatest.current = run;
  }, [run]);

  useEffect(() => {
    const ch = open();
    channel.current = ch;
    if (!ch) return;
    const unlisten = hearMessages(ch, (m) => {
      if (m.type === 'hello' && latest.current) send(ch, latest.current);
      else if (m.type === 'command') runLatest.current(m.command);
      else if (m.type === 'pointer') pointer.setState({ at: m.at, movedAt: Date.now() });
    });
    const bye = () => send(ch, { type: 'bye' });
    window.addEventListener('pagehide', bye);
    if (latest.current) send(ch, latest.current);
    return () => {
      bye();
      window.removeEventListener('pagehide', bye);
      unlisten();
      ch.close();
      channel.current = null;
    };
  }, [open, pointer]);

  useEffect(() => {
    latest.current = deckState(slides, { step: k, part, theme, viewport: { width, height }, query });
    if (latest.current) send(channel.current, latest.current);
  }, [slides, k, part, theme, width, height, query]);
  return pointer;
}
