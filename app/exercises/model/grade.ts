import { fmt } from '../../ui/format';
import type { ChoiceExercise, Feedback, Mistake, NumericExercise, PlacementExercise } from './types';

/** The tolerance of a numeric answer: 0.002, or 0.2 % of the answer when that is larger. */
export function toleranceFor(answer: number): number {
  return Math.max(0.002, 0.002 * Math.abs(answer));
}

/**
 * A tight tolerance, for answers that are small or whose typical mistakes lie close to them (the running
 * statistics, ∂L/∂β₂): `floor`, or `rel` of the answer rounded up to 2 significant digits, whichever is larger.
 * The numbers such questions give have enough decimals that their rounding stays inside it.
 */
export function tightTolerance(answer: number, floor: number, rel: number): number {
  const t = rel * Math.abs(answer);
  if (!(t > floor)) return floor;
  const unit = 10 ** (Math.floor(Math.log10(t)) - 1);
  return Number((Math.ceil(t / unit - 1e-9) * unit).toPrecision(2));
}

/** A tolerance as the page prints it: plain decimals (0.0001, not 10⁻⁴). */
export function fmtTolerance(t: number): string {
  return t >= 1e-3 ? fmt(t, 4) : String(Number(t.toPrecision(2)));
}

/** |a − b| within the tolerance, with room for the rounding of a ± tolerance itself. */
const within = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * (1 + 1e-9) + 1e-15;

/**
 * A typed number: accepts a leading − (the typographic minus too), a decimal comma, spaces and
 * exponents (1e-3). NaN when it is not one number.
 */
export function parseAnswer(text: string): number {
  const t = text.trim().replace(/[−–]/g, '-').replace(/\s+/g, '').replace(/^(-?\d*),(\d+)$/, '$1.$2');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return NaN;
  return Number(t);
}

/**
 * The typical mistake this value makes, if any: within the tolerance of what the mistake gives, and
 * that mistake is far enough from the answer to tell apart (more than twice the tolerance).
 */
export function matchMistake(value: number, answer: number, tolerance: number, mistakes: readonly Mistake[]): Mistake | undefined {
  return mistakes.find((m) => Number.isFinite(m.value) && Math.abs(m.value - answer) > 2 * tolerance && within(value, m.value, tolerance));
}

/** The verdict on a value for an exercise with a numeric answer (typed, or placed on an axis). */
export function gradeValue(ex: Pick<NumericExercise | PlacementExercise, 'answer' | 'tolerance' | 'mistakes' | 'hint'>, value: number): Feedback {
  const { answer, tolerance } = ex;
  if (!Number.isFinite(value)) return { status: 'invalid', message: 'Type one number, e.g. 1.234 or −0.5.' };
  if (within(value, answer, tolerance)) {
    return { status: 'right', message: tolerance === 0 ? `Right: ${fmt(answer)}.` : `Right: the engine gives ${fmt(answer, 4)}; yours is within ±${fmtTolerance(tolerance)}.` };
  }
  const mistake = matchMistake(value, answer, tolerance, ex.mistakes);
  if (mistake) return { status: 'mistake', message: `Not quite: ${mistake.name} That gives ${fmt(mistake.value, 4)}; the engine’s answer is ${fmt(answer, 4)}.` };
  const off = value - answer;
  const rel = answer !== 0 ? ` (${fmt(Math.abs(off / answer) * 100, 1)} % of the answer)` : '';
  return { status: 'off', message: `Not yet: ${off > 0 ? 'too high' : 'too low'} by ${fmt(Math.abs(off), 4)}${rel}. Hint: ${ex.hint}` };
}

/** The verdict on a typed answer. */
export function gradeNumeric(ex: NumericExercise, text: string): Feedback {
  return gradeValue(ex, parseAnswer(text));
}

/** The verdict on a chosen option (its index), with the option's reason. */
export function gradeChoice(ex: ChoiceExercise, index: number): Feedback {
  const option = ex.options[index];
  if (!option) return { status: 'invalid', message: 'Choose one of the options.' };
  return option.correct ? { status: 'right', message: `Right: ${option.why}` } : { status: 'mistake', message: `Not quite: ${option.why}` };
}
