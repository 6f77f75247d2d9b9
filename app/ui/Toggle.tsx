import { useId } from 'react';
import './Toggle.css';

interface Option<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  /** The group's accessible name (its legend). */
  label: string;
  value: T;
  options: readonly Option<T>[];
  onChange: (value: T) => void;
}

/** A segmented control: native radio buttons (arrow keys, touch, screen readers) drawn as one bar. */
export function Toggle<T extends string>({ label, value, options, onChange }: Props<T>) {
  const name = useId();
  return (
    <fieldset className="toggle">
      <legend>{label}</legend>
      <div className="toggle-options">
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'toggle-on' : undefined}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
