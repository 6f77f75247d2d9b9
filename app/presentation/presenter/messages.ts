// zod/mini: the same checks as zod's classic API in fewer bytes; and this file is loaded only when a
// first message arrives (see channel.ts), so a deck that is never joined by a presenter never loads it.
import * as z from 'zod/mini';
import { THEMES } from '../../state/slices/nav';
import { COMMANDS, MESSAGE_VERSION } from './protocol';

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

const version = z.literal(MESSAGE_VERSION);
const count = z.int().check(z.minimum(0));
const pixels = z.int().check(z.minimum(1), z.maximum(20000));

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
  next: z.nullable(stepInfo),
  /** How many of the current step's parts are shown. */
  part: count,
  /** The deck's length. */
  total: z.int().check(z.minimum(1)),
  theme: z.enum(THEMES),
  /** The step's one-line note for the presenter (see note.ts); absent: none. */
  note: z.optional(z.string()),
  /** The projected window's size in CSS pixels: the presenter's copies of it are laid out at this size, then scaled. */
  viewport: z.object({ width: pixels, height: pixels }),
  /** Everything the deck's address holds (its canonical query: step, part, the panels' settings), so a copy shows the same. */
  query: z.string().check(z.maxLength(8000)),
});
export type StateMessage = z.infer<typeof state>;

/** A point on the projected window, as fractions of its width and height (0 = left/top, 1 = right/bottom). */
const fraction = z.number().check(z.minimum(0), z.maximum(1));
const point = z.object({ x: fraction, y: fraction });
export type PointerAt = z.infer<typeof point>;

const message = z.discriminatedUnion('type', [
  state,
  z.object({ v: version, type: z.literal('bye') }),
  z.object({ v: version, type: z.literal('hello') }),
  z.object({ v: version, type: z.literal('command'), command: z.enum(COMMANDS) }),
  z.object({ v: version, type: z.literal('pointer'), at: z.nullable(point) }),
]);
export type DeckMessage = z.infer<typeof message>;

/** The message `data` is, or null if it is not one of ours (wrong version, shape or values). */
export function parseMessage(data: unknown): DeckMessage | null {
  const parsed = message.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Messages without their version: what the code builds; `stamp` (channel.ts) adds it. */
type Unstamped<M> = M extends unknown ? Omit<M, 'v'> : never;
export type DeckMessageBody = Unstamped<DeckMessage>;
