import type { ReactNode } from 'react';
import './Notice.css';

interface Props {
  title: ReactNode;
  children: ReactNode;
  tone?: 'info' | 'warn';
  testId?: string;
}

/** An explanation in words where a number alone would mislead (0/0, rounding noise, a refused input). */
export function Notice({ title, children, tone = 'info', testId }: Props) {
  return (
    <div className={`notice notice-${tone}`} role="note" data-testid={testId}>
      <p className="notice-title">{title}</p>
      <div>{children}</div>
    </div>
  );
}
