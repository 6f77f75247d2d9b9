/**
 * Props tables (after TF Playground's PROPS): each slice describes each piece of its data once — its
 * default, its query name, the range the URL accepts, and its control's label, step and, if narrower,
 * range. From that one table come the slice's initial state (defaultsOf), its URL rows
 * (url/table.ts) and the sections' slider props (sliderProps, logSliderProps).
 * Data and types only: nothing here imports the store or the URL code.
 */

import type { Deck } from './deck/deck';

/** A bound fixed in the table, or read when needed (e.g. the number of steps in the outline). */
export type Bound = number | (() => number);

/** Dragged points: sample index → value. */
export type Points = Readonly<Record<number, number>>;

interface Common<V> {
  /** The query name; defaults to the key in lower case. */
  readonly param?: string;
  readonly default: V;
  /** 'push' (the default): a change makes a history entry. 'replace': it only updates the address. */
  readonly history?: 'push' | 'replace';
  /**
   * Whether repeated changes with short pauses share one history entry (a slider dragged with
   * pauses). Defaults to yes for numbers and points, no for words and switches.
   */
  readonly coalesce?: boolean;
  /**
   * The value says where the reader is on the page (the section), not what the page computes: when
   * Back or Forward undo a setting, it keeps its current value, so the page stays where the reader is.
   * Only an entry that differs in nothing else (a table-of-contents click) brings it back.
   */
  readonly place?: boolean;
  /** The control's label, as the page prints it. */
  readonly label?: string;
}

/** A slider on a log scale: 10^minExp … 10^maxExp in steps of `step` decades, and 0 below if zeroBelow. */
export interface LogScale {
  readonly minExp: number;
  readonly maxExp: number;
  readonly step: number;
  readonly zeroBelow: boolean;
}

export interface NumberProp extends Common<number> {
  readonly kind: 'number';
  /** The range the URL accepts: a value outside is clamped into it. */
  readonly min: Bound;
  readonly max: Bound;
  readonly integer?: boolean;
  /** The URL counts from 1 while the state counts from 0 (steps: "step=3" is the third). */
  readonly oneBased?: boolean;
  /** The slider's step. */
  readonly step?: number;
  /** The slider's range, when narrower than the URL's (a link may hold values no slider reaches). */
  readonly slider?: { readonly min: number; readonly max: number };
  /** The control is a slider on this log scale (within [min, max]). */
  readonly log?: LogScale;
  /**
   * Values that make no sense at all (a convolution with 0 channels), as opposed to values past what
   * the controls offer: below `below` or above `above` the URL uses the default and says `why`.
   */
  readonly invalid?: { readonly below?: number; readonly above?: number; readonly why: string };
}

export interface EnumProp<V extends string> extends Common<V> {
  readonly kind: 'enum';
  readonly values: readonly V[] | (() => readonly V[]);
  /** How a notice names the allowed values, instead of listing them (for long lists). */
  readonly noun?: string;
}

export interface BooleanProp extends Common<boolean> {
  readonly kind: 'boolean';
}

export interface PointsProp extends Common<Points> {
  readonly kind: 'points';
  /** The largest index (0-based) a point may have. */
  readonly maxIndex: Bound;
  /** Values are clamped into [min, max]. */
  readonly min: number;
  readonly max: number;
  /** What an index counts, as the notices name it (default 'sample'; plural with an s). */
  readonly noun?: string;
}

/** An instructor's deck: one URL value that holds the steps, their notes and pinned settings (../url/deckRow.ts). */
export interface DeckProp extends Common<Deck> {
  readonly kind: 'deck';
}

export type Prop = NumberProp | EnumProp<string> | BooleanProp | PointsProp | DeckProp;

/** The kind of prop a value of type V needs (the brackets keep unions such as 'before' | 'after' whole). */
export type PropFor<V> = [V] extends [number]
  ? NumberProp
  : [V] extends [boolean]
    ? BooleanProp
    : [V] extends [string]
      ? EnumProp<V>
      : [V] extends [Points]
        ? PointsProp
        : [V] extends [Deck]
          ? DeckProp
          : never;

/** A slice's props table: one prop per key of its data D, in the order the URL writes them. */
export type PropsTable<D> = { readonly [K in keyof D]-?: PropFor<D[K]> };

/** The slice's initial state: every prop at its default. */
export function defaultsOf<D>(props: PropsTable<D>): D {
  return Object.fromEntries(Object.entries<Prop>(props).map(([key, p]) => [key, p.default])) as D;
}

export const resolveBound = (b: Bound): number => (typeof b === 'number' ? b : b());

/** A number prop that has a linear slider (or number field): a label and a step. */
export type SliderProp = NumberProp & { readonly label: string; readonly step: number };

/** Props for app/ui's Slider (and NumberField): the label, the slider's range and its step. */
export function sliderProps(p: SliderProp): { label: string; min: number; max: number; step: number } {
  return { label: p.label, min: p.slider?.min ?? resolveBound(p.min), max: p.slider?.max ?? resolveBound(p.max), step: p.step };
}

/** Props for app/ui's LogSlider: the label and the log scale. */
export function logSliderProps(p: NumberProp & { readonly label: string; readonly log: LogScale }): { label: string; spec: LogScale } {
  return { label: p.label, spec: p.log };
}
