import { useId } from 'react';
import './Select.css';

export interface SelectOption<T extends string | number> {
  readonly value: T;
  readonly label: string;
}

interface Props<T extends string | number> {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
  /** Shown under the control (e.g. why it is disabled). */
  hint?: string;
}

/** A labelled native select: keyboard, touch and screen readers come with it. */
export function Select<T extends string | number>({ label, value, options, onChange, disabled, hint }: Props<T>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const known = options.some((o) => o.value === value);
  const all = known ? options : [...options, { value, label: String(value) }];
  return (
    <div className="select-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        disabled={disabled}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => {
          const picked = all.find((o) => String(o.value) === e.currentTarget.value);
          if (picked) onChange(picked.value);
        }}
      >
        {all.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <small id={hintId} className="select-hint">
          {hint}
        </small>
      )}
    </div>
  );
}
