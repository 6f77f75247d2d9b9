import { useCallback, useContext, useEffect, useReducer, useRef } from 'react';
import { DeckChannelOpener, hearMessages, send, type DeckChannel } from './channel';
import { HELLO_EVERY_MS, WAITING, checkLink, hear, type PresenterLink } from './link';
import type { DeckMessage, PointerAt } from './messages';
import type { Command } from './protocol';

type LinkEvent = { kind: 'hear'; message: DeckMessage; now: number } | { kind: 'tick'; now: number } | { kind: 'unsupported' };

function reduce(link: PresenterLink, e: LinkEvent): PresenterLink {
  if (e.kind === 'unsupported') return { ...link, status: 'unsupported' };
  return e.kind === 'hear' ? hear(link, e.message, e.now) : checkLink(link, e.now);
}

export interface PresenterSync {
  link: PresenterLink;
  /** Asks the projected window to do what its key would. */
  command: (c: Command) => void;
  /** Moves (or, with null, hides) the audience's pointer dot. */
  point: (at: PointerAt | null) => void;
}

/**
 * The presenter's side of the link: says hello every HELLO_EVERY_MS (the projected window answers with
 * its state; silence means it is gone, see link.ts), keeps the last state heard, and sends commands and
 * the pointer.
 */
export function usePresenterSync(): PresenterSync {
  const open = useContext(DeckChannelOpener);
  const [link, dispatch] = useReducer(reduce, WAITING);
  const channel = useRef<DeckChannel | null>(null);
  useEffect(() => {
    const ch = open();
    channel.current = ch;
    if (!ch) return dispatch({ kind: 'unsupported' });
    const unlisten = hearMessages(ch, (message) => dispatch({ kind: 'hear', message, now: Date.now() }));
    const hello = () => send(ch, { type: 'hello' });
    hello();
    const timer = setInterval(() => {
      dispatch({ kind: 'tick', now: Date.now() });
      hello();
    }, HELLO_EVERY_MS);
    return () => {
      clearInterval(timer);
      unlisten();
      ch.close();
      channel.current = null;
    };
  }, [open]);
  const command = useCallback((c: Command) => send(channel.current, { type: 'command', command: c }), []);
  const point = useCallback((at: PointerAt | null) => send(channel.current, { type: 'pointer', at }), []);
  return { link, command, point };
}
