import type { RunState } from './runStore';
import { useRunView } from './useRunView';

/**
 * The “what to look for” line under a chart, with the run's own numbers (model/captions.ts);
 * nothing until the run has logged enough. `select` must be stable (module-level or useCallback).
 */
export function LookFor({ select, testId }: { select: (s: RunState) => string | null; testId: string }) {
  const text = useRunView(select, 250);
  if (!text) return null;
  return (
    <p className="lab-look" data-testid={testId}>
      {text}
    </p>
  );
}
