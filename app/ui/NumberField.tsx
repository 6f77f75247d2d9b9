import { useId, useState } from 'react';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
}

/**
 * An integer input that lets the reader clear and retype: the text is a draft until it parses as an
 * integer in [min, max]; an invalid draft is marked, not applied, and says why (and what is kept).
 */
export function NumberField({ label, value, min, max, onChange }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(parsed) && parsed >= min && parsed <= max;
  return (
    <div className="number-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : errorId}
        onChange={(e) => {
          const t = e.currentTarget.value;
          const n = Number(t);
          if (t.trim() !== '' && Number.isInteger(n) && n >= min && n <= max) {
            setDraft(null);
            onChange(n);
          } else setDraft(t);
        }}
        onBlur={() => setDraft(null)}
      />
      {!valid && (
        <p id={errorId} className="field-error" role="status">
          {label} must be a whole number from {min} to {max}; {value} is kept.
        </p>
      )}
    </div>
  );
}
