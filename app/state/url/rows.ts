import * as z from 'zod/mini';
import type { BooleanProp, Bound, EnumProp, NumberProp } from '../props';
import type { State } from '../state';
import { decimalValue, formatNumber, numberLost, numberText } from './numbers';

type Action = (...args: never[]) => unknown;
/** Keys of the app state that hold data rather than actions. */
export type DataKey = { [K in keyof State]: State[K] extends Action ? never : K }[keyof State];
/** Data keys whose value is assignable to V. */
export type KeyOf<V> = { [K in DataKey]: State[K] extends V ? K : never }[DataKey];

/** What a row holds, with its bounds: what the docs, the notices and the property tests read. */
export type RowSpec =
  | { kind: 'number'; min: () => number; max: () => number; integer: boolean; oneBased: boolean }
  | { kind: 'enum'; values: () => readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'points'; maxIndex: () => number; min: number; max: number }
  | { kind: 'deck' };

/**
 * One piece of state that lives in the URL: its query name, its default, its allowed values, and how
 * it is read and written. Reading never throws: a bad value reports why and yields undefined (the
 * caller keeps the default); an out-of-range one reports the change and yields the repaired value.
 */
export interface UrlRow<K extends DataKey> {
  readonly key: K;
  /** The query parameter, lower case, unique in the table. */
  readonly param: string;
  readonly default: State[K];
  /** 'push': a change makes a history entry (back undoes it). 'replace': it only updates the address. */
  readonly history: 'push' | 'replace';
  /**
   * Whether repeated changes of this row, with pauses shorter than the sync's coalescing time, share
   * one history entry (a slider dragged with pauses). Off for discrete steps: each press is a step back.
   */
  readonly coalesce: boolean;
  /** Where the reader is (the section): kept when Back or Forward undo a setting (see ../props.ts). */
  readonly place: boolean;
  readonly spec: RowSpec;
  /** The allowed values as a zod schema (built on call: some bounds are read from the registry). */
  schema(): z.ZodMiniType<State[K]>;
  read(raw: string, report: (message: string) => void): State[K] | undefined;
  write(value: State[K]): string;
  same(a: State[K], b: State[K]): boolean;
}

/** Any row of the table (a union over the state's keys, so each row keeps its own value type). */
export type AnyRow = { [K in DataKey]: UrlRow<K> }[DataKey];

const bound = (b: Bound) => (typeof b === 'number' ? () => b : b);

/** A raw query value as it may appear in a notice: quoted, and cut short if long. */
export function quote(raw: string): string {
  const s = raw.length > 24 ? `${raw.slice(0, 23)}…` : raw;
  return `“${s}”`;
}

/** A row's options: its prop (../props.ts), whose kind is implied by the constructor. */
type Options<P> = Omit<P, 'kind'>;

/** A number: written in its shortest exact form, clamped into [min, max], rounded if integer. */
export function numberRow<K extends KeyOf<number>>(key: K, o: Options<NumberProp>): UrlRow<K> {
  const param = o.param ?? key.toLowerCase();
  const min = bound(o.min);
  const max = bound(o.max);
  const integer = o.integer ?? false;
  const shift = o.oneBased ? 1 : 0;
  // Adding 0 would turn −0 into 0: shift only when the URL counts from 1.
  const toUrl = (v: number) => (shift ? v + shift : v);
  const show = (v: number) => formatNumber(toUrl(v));
  const schema = () => (integer ? z.int() : z.number()).check(z.minimum(min()), z.maximum(max()));
  const row: UrlRow<KeyOf<number>> = {
    key,
    param,
    default: o.default,
    history: o.history ?? 'push',
    coalesce: o.coalesce ?? true,
    place: o.place ?? false,
    spec: { kind: 'number', min, max, integer, oneBased: shift === 1 },
    schema,
    read(raw, report) {
      // A number too large for a float64 (1e400) reads as ±Infinity and is clamped like any value out of range.
      const read = decimalValue(raw);
      if (read === null) {
        report(`${param}=${quote(raw)} is not a number; using the default, ${show(o.default)}.`);
        return undefined;
      }
      const x = shift ? read - shift : read;
      if (schema().safeParse(x).success) {
        // Too small for a float64 (1e-400) reads as 0: allowed here, but not what the address says.
        if (numberLost(raw) === 'underflow') report(`${param}=${quote(raw)} is too small for a 64-bit number (the smallest is about 5e-324); using ${show(x)}.`);
        return x;
      }
      const bad = o.invalid;
      if (bad && ((bad.below !== undefined && x < bad.below) || (bad.above !== undefined && x > bad.above))) {
        report(`${param}=${quote(raw)}: ${bad.why}; using the default, ${show(o.default)}.`);
        return undefined;
      }
      const lo = min();
      const hi = max();
      const y = Math.min(hi, Math.max(lo, integer ? Math.round(x) : x));
      if (x < lo) report(`${param}=${quote(raw)} is below the smallest allowed value; using ${show(y)}.`);
      else if (x > hi) report(`${param}=${quote(raw)} is above the largest allowed value; using ${show(y)}.`);
      else report(`${param}=${quote(raw)} is not a whole number; using ${show(y)}.`);
      return y;
    },
    write: (v) => z.encode(numberText, toUrl(v)),
    same: Object.is,
  };
  return row as unknown as UrlRow<K>;
}

/** One of a list of words, matched case-insensitively. */
export function enumRow<K extends KeyOf<string>>(key: K, o: Options<EnumProp<State[K] & string>>): UrlRow<K> {
  const param = o.param ?? key.toLowerCase();
  const values = typeof o.values === 'function' ? o.values : () => o.values as readonly string[];
  const schema = () => z.enum(values() as [string, ...string[]]);
  const row: UrlRow<KeyOf<string>> = {
    key,
    param,
    default: o.default,
    history: o.history ?? 'push',
    coalesce: o.coalesce ?? false,
    place: o.place ?? false,
    spec: { kind: 'enum', values },
    schema,
    read(raw, report) {
      const word = z.pipe(z.string().check(z.trim(), z.toLowerCase()), schema()).safeParse(raw);
      if (word.success) return word.data;
      const allowed = o.noun ?? `one of ${values().join(', ')}`;
      report(`${param}=${quote(raw)} is not ${allowed}; using the default, ${o.default}.`);
      return undefined;
    },
    write: (v) => v,
    same: Object.is,
  };
  return row as unknown as UrlRow<K>;
}

const flag = z.stringbool({ truthy: ['1', 'true', 'yes', 'on'], falsy: ['0', 'false', 'no', 'off'] });
/** 1 or 0 (zod/mini types stringbool's text side as `unknown`: String() names it). */
const flagText = (v: boolean): string => String(z.encode(flag, v));

/** On or off: written as 1 or 0; a bare name ("?present") means on. */
export function booleanRow<K extends KeyOf<boolean>>(key: K, o: Options<BooleanProp>): UrlRow<K> {
  const param = o.param ?? key.toLowerCase();
  const row: UrlRow<KeyOf<boolean>> = {
    key,
    param,
    default: o.default,
    history: o.history ?? 'push',
    coalesce: o.coalesce ?? false,
    place: o.place ?? false,
    spec: { kind: 'boolean' },
    schema: () => z.boolean(),
    read(raw, report) {
      if (raw.trim() === '') return true;
      const on = z.safeDecode(flag, raw.trim());
      if (on.success) return on.data;
      report(`${param}=${quote(raw)} is not 1 or 0; using the default, ${flagText(o.default)}.`);
      return undefined;
    },
    write: flagText,
    same: Object.is,
  };
  return row as unknown as UrlRow<K>;
}
