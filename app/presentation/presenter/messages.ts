import { z } from 'zod';
import { THEMES } from '../../state/slices/nav';

/**
 * What the projected window (the deck on the projector) and the presenter's window (the instructor's
 * laptop) say to each other over one BroadcastChannel. Every message carries the schema's version `v`;
 * a message that does not match this schema exactly (another version, another app, a typo) is ignored.
 *
 * projected → presenter: `state` (where the deck is; on every change and in answer to `hello`),
 *   `bye` (the deck closed, or its window did).
 * presenter → projected: `hello` (who is presenting? answer with `state`), `command` (press a key),
 *   `pointer` (where the presenter points on the step, or nothing).
 */

/** The one channel both windows open (same origin, same browser). */
export const CHANNEL_NAME = 'bn-live-presenter';
/** The version of the messages below; a change that an older window could misread bumps it. */
export const MESSAGE_VERSION = 1;

const version = z.literal(MESSAGE_VERSION);
const count = z.number().int().min(0);

/** One step of the deck as the presenter shows it. */
const stepInfo = z.object({
  /** 0-based place in the deck. */
  index: count,
  /** The step's section, e.g. "§11 The forward pass, step by step", or "§3". */
  section: z.string(),
  title: z.string(),
  /** What → reveals on the step, in order (its outline's `reveals`). */
  reveals: z.array(z.string()),
});
export type StepInfo = z.infer<typeof stepInfo>;

const state = z.object({
  v: version,
  type: z.literal('state'),
  current: stepInfo,
  /** The step after it; null on the last step. */
  next: stepInfo.nullable(),
  /** How many of the current step's parts are shown. */
  part: count,
  /** The deck's length. */
  total: z.number().int().min(1),
  theme: z.enum(THEMES),
  /** The step's one-line note for the presenter (see note.ts); absent: none. */
  note: z.string().optional(),
  /** The projected window's size in CSS pixels: the presenter's copies of it are laid out at this size, then scaled. */
  viewport: z.object({ width: z.number().int().min(1).max(20000), height: z.number().int().min(1).max(20000) }),
  /** Everything the deck's address holds (its canonical query: step, part, the panels' settings), so a copy shows the same. */
  query: z.string().max(8000),
});
export type StateMessage = z.infer<typeof state>;

/** What the presenter can ask the deck to do: the deck's own keys (see keys.ts), and "reveal the next part". */
export const COMMANDS = ['next', 'previous', 'reveal', 'first', 'last', 'theme'] as const;
export type Command = (typeof COMMANDS)[number];

/** A point on the projected window, as fractions of its width and height (0 = left/top, 1 = right/bottom). */
const point = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) });
export type PointerAt = z.infer<typeof point>;

const message = z.discriminatedUnion('type', [
  state,
  z.object({ v: version, type: z.literal('bye') }),
  z.object({ v: version, type: z.literal('hello') }),
  z.object({ v: version, type: z.literal('command'), command: z.enum(COMMANDS) }),
  z.object({ v: version, type: z.literal('pointer'), at: point.nullable() }),
]);
export type DeckMessage = z.infer<typeof message>;

/** The message `data` is, or null if it is not one of ours (wrong version, shape or values). */
export function parseMessage(data: unknown): DeckMessage | null {
  const parsed = message.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Messages without their version: what the code builds; `stamp` adds it. */
type Unstamped<M> = M extends unknown ? Omit<M, 'v'> : never;
export type DeckMessageBody = Unstamped<DeckMessage>;

/** The message with this schema's version. */
export const stamp = (body: DeckMessageBody): DeckMessage => ({ v: MESSAGE_VERSION, ...body }) as DeckMessage;
