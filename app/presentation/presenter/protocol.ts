/**
 * The presenter link's constants, apart from its schema (messages.ts), so the page can send without
 * loading the validator: the channel's name, the messages' version, the presenter's commands.
 */

/** The one channel both windows open (same origin, same browser). */
export const CHANNEL_NAME = 'bn-live-presenter';
/** The version of the messages (messages.ts); a change that an older window could misread bumps it. */
export const MESSAGE_VERSION = 1;

/** What the presenter can ask the deck to do: the deck's own keys (see keys.ts), and "reveal the next part". */
export const COMMANDS = ['next', 'previous', 'reveal', 'first', 'last', 'theme'] as const;
export type Command = (typeof COMMANDS)[number];
