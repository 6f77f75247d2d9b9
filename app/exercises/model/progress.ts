import * as z from 'zod/mini';

/**
 * The exercises' progress as the browser keeps it: which exercises were answered right. Stored under
 * one key as versioned JSON and validated on reading; data that is not valid JSON, belongs to something
 * else, or has another version is ignored with a notice (never deleted, never a crash). No React here.
 */
export const PROGRESS_KEY = 'bn-live:exercises';
export const PROGRESS_VERSION = 1;
const APP = 'bn-live-exercises';

const Stored = z.strictObject({
  app: z.literal(APP),
  version: z.literal(PROGRESS_VERSION),
  done: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(500)),
});

export interface Progress {
  readonly done: ReadonlySet<string>;
  /** Why stored data was ignored, in words; null when there was none or it was read. */
  readonly notice: string | null;
}

const IGNORED = 'It was ignored (and is left as it was until you answer an exercise); your progress starts afresh.';

/** Reads the stored text (null: nothing stored). */
export function readProgress(text: string | null): Progress {
  if (text === null) return { done: new Set(), notice: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { done: new Set(), notice: `The exercise progress saved in this browser is not valid JSON. ${IGNORED}` };
  }
  const app = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).app : undefined;
  if (app !== APP) return { done: new Set(), notice: `The data saved under this notebook’s progress key is not this notebook’s exercise progress. ${IGNORED}` };
  const version = (data as Record<string, unknown>).version;
  if (version !== PROGRESS_VERSION) return { done: new Set(), notice: `The exercise progress saved in this browser has another version (${JSON.stringify(version) ?? 'none'}; this page reads ${PROGRESS_VERSION}). ${IGNORED}` };
  const parsed = Stored.safeParse(data);
  if (!parsed.success) return { done: new Set(), notice: `The exercise progress saved in this browser is damaged. ${IGNORED}` };
  return { done: new Set(parsed.data.done), notice: null };
}

/** The text stored for these exercises done. */
export function writeProgress(done: ReadonlySet<string>): string {
  return JSON.stringify({ app: APP, version: PROGRESS_VERSION, done: [...done].sort() });
}
