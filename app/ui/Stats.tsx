import './Stats.css';
import type { ReactNode } from 'react';

export interface StatItem {
  /** What the number is, e.g. "μ" or "max |Z̃ − Z|". */
  label: ReactNode;
  /** The number, already formatted (words for non-finite values). */
  value: ReactNode;
  /** A short gloss under the number. */
  note?: ReactNode;
  testId?: string;
  tone?: 'z' | 'mean' | 'var' | 'norm' | 'out' | 'ok' | 'warn';
}

/** Big, labelled read-outs of the engine's numbers. */
export function Stats({ items, label }: { items: readonly StatItem[]; label?: string }) {
  return (
    <dl className="stats" aria-label={label}>
      {items.map((s, i) => (
        <div key={i} className={`stat${s.tone ? ` stat-${s.tone}` : ''}`}>
          <dt>{s.label}</dt>
          <dd data-testid={s.testId}>{s.value}</dd>
          {s.note ? <dd className="stat-note">{s.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
