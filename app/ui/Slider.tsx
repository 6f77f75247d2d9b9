import { useId } from 'react';

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

/** A labelled range input with its value shown; keyboard, mouse and touch come from the native control. */
export function Slider({ label, value, min, max, step, onChange, format = String, valueText, testId }: Props) {
  const id = useId();
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
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
      <output htmlFor={id} data-testid={testId}>
        {format(value)}
      </output>
    </div>
  );
}
