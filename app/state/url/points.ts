import * as z from 'zod/mini';
import { DECIMAL, formatNumber, numberLost } from './numbers';
import type { Points, PointsProp } from '../props';
import { quote, type KeyOf, type UrlRow } from './rows';

/** "i:v" — a sample number (from 1) and its value, e.g. "3:-0.25". */
const PAIR = new RegExp(`^(\\d{1,9}):(${DECIMAL.source.slice(1, -1)})$`, 'i');
const pairText = z.codec(
  z.string().check(
    z.overwrite((s) => s.replace(/\s+/g, '').replace(/\u2212/g, '-')),
    z.regex(PAIR),
  ),
  z.tuple([z.int(), z.number()]),
  {
    decode: (s) => {
      const [i, v] = s.split(':');
      return [Number(i), Number(v)] as [number, number];
    },
    encode: ([i, v]) => `${i}:${formatNumber(v)}`,
  },
);

/**
 * Points the reader moved: index → value, written "3:1.25,5:-0.5" with indices counted from 1 (the
 * page's z₁ … z_m). Each pair is read on its own: a bad one is dropped and reported, the rest kept.
 * The default (in the props table) is no moved points.
 */
export function pointsRow<K extends KeyOf<Points>>(key: K, o: Omit<PointsProp, 'kind'>): UrlRow<K> {
  const param = o.param ?? key.toLowerCase();
  const maxIndex = typeof o.maxIndex === 'number' ? () => o.maxIndex as number : o.maxIndex;
  const clamp = (v: number) => Math.min(o.max, Math.max(o.min, v));
  const noun = o.noun ?? 'sample';
  const schema = () =>
    z.record(
      z.string().check(
        z.regex(/^(0|[1-9]\d*)$/),
        z.refine((k) => Number(k) <= maxIndex()),
      ),
      z.number().check(z.minimum(o.min), z.maximum(o.max)),
    );
  const row: UrlRow<KeyOf<Points>> = {
    key,
    param,
    default: o.default,
    history: o.history ?? 'push',
    coalesce: o.coalesce ?? true,
    place: o.place ?? false,
    spec: { kind: 'points', maxIndex, min: o.min, max: o.max },
    schema: () => schema() as unknown as z.ZodMiniType<Points>,
    read(raw, report) {
      const out: Record<number, number> = {};
      for (const part of raw.split(',')) {
        if (part.trim() === '') continue;
        const pair = z.safeDecode(pairText, part);
        if (!pair.success) {
          report(`${param}: ${quote(part)} is not “${noun}:value”; it was ignored.`);
          continue;
        }
        const [n, v] = pair.data;
        const i = n - 1;
        if (i < 0 || i > maxIndex()) report(`${param}: there is no ${noun} ${n} (${noun}s are 1 to ${maxIndex() + 1}); it was ignored.`);
        else if (i in out) report(`${param}: ${noun} ${n} is given twice; the first value was kept.`);
        else {
          out[i] = clamp(v);
          const text = part.slice(part.indexOf(':') + 1);
          if (!Object.is(out[i], v)) report(`${param}: ${noun} ${n} = ${quote(String(v))} is out of range; using ${formatNumber(out[i])}.`);
          else if (numberLost(text) === 'underflow') report(`${param}: ${noun} ${n} = ${quote(text.trim())} is too small for a 64-bit number; using 0.`);
        }
      }
      return out;
    },
    write: (points) =>
      Object.keys(points)
        .map(Number)
        .sort((a, b) => a - b)
        .map((i) => z.encode(pairText, [i + 1, points[i]]))
        .join(','),
    same(a, b) {
      const ka = Object.keys(a);
      return ka.length === Object.keys(b).length && ka.every((k) => k in b && Object.is(a[Number(k)], b[Number(k)]));
    },
  };
  return row as unknown as UrlRow<K>;
}
