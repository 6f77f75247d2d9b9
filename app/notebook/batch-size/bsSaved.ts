import * as z from 'zod/mini';
import type { BsPoints } from './bsView';

/**
 * The batch-size sweep's finished points as this browser keeps them, keyed by their settings
 * (bsView.pointKey), so a reload does not train them again. Versioned JSON under one key, validated
 * on reading: anything else (not JSON, another app's data, another version, a damaged point) is
 * ignored with a notice, never a crash.
 */
export const BS_SAVED_KEY = 'bn-live:batch-size';
export const BS_SAVED_VERSION = 1;
const APP = 'bn-live-batch-size';
/** The most points kept: the oldest go first. */
export const BS_SAVED_MAX = 600;

const rate = z.number().check(z.minimum(0), z.maximum(1));
const Point = z.strictObject({
  batch: z.int().check(z.minimum(2)),
  norm: z.enum(['bn', 'group', 'layer']),
  lr: z.number(),
  steps: z.int().check(z.minimum(0)),
  trainLoss: z.nullable(z.number()),
  testAccuracy: z.nullable(rate),
  testAccuracyTrainMode: z.nullable(rate),
  trainModeRows: z.int().check(z.minimum(0)),
  diverged: z.nullable(z.strictObject({ step: z.int(), reason: z.string().check(z.maxLength(300)) })),
});
const Stored = z.strictObject({
  app: z.literal(APP),
  version: z.literal(BS_SAVED_VERSION),
  points: z.record(z.string().check(z.maxLength(120)), Point),
});

export interface Saved {
  readonly points: BsPoints;
  /** Why stored data was ignored, in words; null when there was none or it was read. */
  readonly notice: string | null;
}

const IGNORED = 'It was ignored: every point is trained afresh.';

/** Reads the stored text (null: nothing stored). */
export function readSaved(text: string | null): Saved {
  if (text === null) return { points: {}, notice: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { points: {}, notice: `The batch-size points saved in this browser are not valid JSON. ${IGNORED}` };
  }
  const o = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (o.app !== APP) return { points: {}, notice: `The data saved under this section’s key is not this notebook’s batch-size points. ${IGNORED}` };
  if (o.version !== BS_SAVED_VERSION) return { points: {}, notice: `The batch-size points saved in this browser have another version (${JSON.stringify(o.version) ?? 'none'}; this page reads ${BS_SAVED_VERSION}). ${IGNORED}` };
  const parsed = Stored.safeParse(data);
  if (!parsed.success) return { points: {}, notice: `The batch-size points saved in this browser are damaged. ${IGNORED}` };
  return { points: parsed.data.points as BsPoints, notice: null };
}

/** The text stored for these points (the newest BS_SAVED_MAX). */
export function writeSaved(points: BsPoints): string {
  const kept = Object.entries(points).slice(-BS_SAVED_MAX);
  return JSON.stringify({ app: APP, version: BS_SAVED_VERSION, points: Object.fromEntries(kept) });
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The points this browser has kept (with a notice if it had something unusable or refuses storage). */
export function loadSaved(): Saved {
  try {
    return readSaved(storage()?.getItem(BS_SAVED_KEY) ?? null);
  } catch {
    return { points: {}, notice: 'This browser does not let the page read its storage: points are kept until the page is closed.' };
  }
}

/** Keeps the points; returns a notice if the browser refused. */
export function storeSaved(points: BsPoints): string | null {
  try {
    const s = storage();
    if (Object.keys(points).length === 0) s?.removeItem(BS_SAVED_KEY);
    else s?.setItem(BS_SAVED_KEY, writeSaved(points));
    return null;
  } catch {
    return 'This browser did not let the page save the points: they are kept until the page is closed.';
  }
}
