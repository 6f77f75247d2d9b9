import { useId } from 'react';
import './Slider.css';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  /** How to print the value beside the slider. */
  format?: (value: number) => string;
  /** What a screen reader announces for the value (aria-valuetext), when the raw position reads poorly (a log scale). */
  valueText?: (value: number) => string;
  /** Test id of the printed value. */
  testId?: string;
}

/** One step of the slider from `value` in direction `dir`, on its grid of steps from `min`, kept in [min, max]. */
export function nudge(value: number, dir: 1 | -1, min: number, max: number, step: number): number {
  const k = Math.round((value - min) / step) + dir;
  // Written as min + k·step (not value ± step) so repeated presses stay on the grid the range input uses.
  const next = Number((min + k * step).toPrecision(12));
  return Math.min(max, Math.max(min, next));
}

/**
 * A labelled range input with its value shown; keyboard, mouse and touch come from the native control.
 * On a touch screen or a narrow one, − and + buttons beside it move it by one step: a finger on a
 * 300-pixel track cannot hit one step of a fine slider.
 */
export function Slider({ label, value, min, max, step, onChange, format = String, valueText, testId }: Props) {
  const id = useId();
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <span className="slider-track">
        <button type="button" className="slider-nudge" aria-label={`Decrease ${label}`} disabled={value <= min} onClick={() => onChange(nudge(value, -1, min, max, step))}>
          −
        </button>
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          aria-valuetext={valueText?.(value)}
          onChange={(e) => onChange(Number(e.currentTarget.value))}
        />
        <button type="button" className="slider-nudge" aria-label={`Increase ${label}`} disabled={value >= max} onClick={() => onChange(nudge(value, 1, min, max, step))}>
          +
        </button>
      </span>
      <output htmlFor={id} data-testid={testId}>
        {format(value)}
      </output>
    </div>
  );
}
