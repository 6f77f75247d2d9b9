/**
 * The exercises' data: what a "predict, then check" question asks, its answer and the typical
 * mistakes, each a number or an option computed by the engine from the batch on screen. Data only.
 */

/** A typical wrong answer, computed by doing the mistake with the engine. */
export interface Mistake {
  /** Names the mistake, as feedback says it: "You divided by m − 1 …". */
  readonly name: string;
  /** What that mistake gives for this batch. */
  readonly value: number;
}

export interface NumericExercise {
  readonly kind: 'numeric';
  /** Unique across the notebook, stable across batches (progress is kept by it). */
  readonly id: string;
  /** The question, in plain text (the batch's numbers it needs are in `given`). */
  readonly prompt: string;
  /** What the answer box is called, e.g. "μ". */
  readonly symbol: string;
  /** Numbers the question gives, as "name = value" lines. */
  readonly given: readonly string[];
  /** The engine's answer. */
  readonly answer: number;
  /** Answers within ± this count as right (shown beside the box). */
  readonly tolerance: number;
  readonly mistakes: readonly Mistake[];
  /** Said when the answer is wrong and no typical mistake explains it. */
  readonly hint: string;
}

export interface ChoiceOption {
  readonly label: string;
  readonly correct: boolean;
  /** Why this option is wrong (the mistake it makes), or why it is right. */
  readonly why: string;
}

export interface ChoiceExercise {
  readonly kind: 'choice';
  readonly id: string;
  readonly prompt: string;
  readonly given: readonly string[];
  readonly options: readonly ChoiceOption[];
}

/** Drag a marker to where a value will land on the batch's axis (a dot plot). */
export interface PlacementExercise {
  readonly kind: 'placement';
  readonly id: string;
  readonly prompt: string;
  readonly symbol: string;
  readonly given: readonly string[];
  /** The values drawn on the axis (the batch). */
  readonly points: readonly number[];
  /** The axis's range. */
  readonly domain: readonly [number, number];
  /** Where the marker starts: away from the answer, so Check without moving it is not right. */
  readonly start: number;
  readonly answer: number;
  readonly tolerance: number;
  readonly mistakes: readonly Mistake[];
  readonly hint: string;
}

export type Exercise = NumericExercise | ChoiceExercise | PlacementExercise;

/** The verdict on one answer. */
export interface Feedback {
  /** 'right'; 'mistake': a typical mistake, named; 'off': wrong otherwise; 'invalid': not a number. */
  readonly status: 'right' | 'mistake' | 'off' | 'invalid';
  /** What the page says, in plain text. */
  readonly message: string;
}
