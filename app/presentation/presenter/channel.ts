import { createContext } from 'react';
import type { DeckMessage, DeckMessageBody } from './messages';
import { CHANNEL_NAME, MESSAGE_VERSION } from './protocol';

/**
 * The pipe between the projected window and the presenter's window, as small as the two need: send a
 * message, hear the others' messages. BroadcastChannel in the browser; tests pass an in-memory pair
 * (jsdom does not have BroadcastChannel in every version).
 */
export interface DeckChannel {
  /** Sends to every other window on the channel (never to this one). */
  post(message: unknown): void;
  /** Calls `hear` with each message from the others; returns the removal. */
  listen(hear: (data: unknown) => void): () => void;
  close(): void;
}

/** The browser's channel, or null where there is none (then the deck works alone). */
export function openBroadcastChannel(name: string = CHANNEL_NAME): DeckChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(hear) {
      const onMessage = (e: MessageEvent) => hear(e.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}

/** How a window opens its channel: the browser's by default, an in-memory one in tests. */
export const DeckChannelOpener = createContext<() => DeckChannel | null>(openBroadcastChannel);

/** The message with the current version (see protocol.ts). */
export const stamp = (body: DeckMessageBody): DeckMessage => ({ v: MESSAGE_VERSION, ...body }) as DeckMessage;

/** Sends a message of the current version. */
export const send = (channel: DeckChannel | null, body: DeckMessageBody): void => channel?.post(stamp(body));

/** The validator (messages.ts, with zod), loaded with the first message heard: a deck never joined never loads it. */
let validator: Promise<typeof import('./messages')> | null = null;

/**
 * Listens for valid messages only (see parseMessage), in the order they came; returns the removal
 * (after which nothing more is heard, even a message still being checked).
 */
export function hearMessages(channel: DeckChannel, hear: (message: DeckMessage) => void): () => void {
  let listening = true;
  const unlisten = channel.listen((data) => {
    validator ??= import('./messages');
    void validator.then(({ parseMessage }) => {
      const message = parseMessage(data);
      if (message && listening) hear(message);
    });
  });
  return () => {
    listening = false;
    unlisten();
  };
}
