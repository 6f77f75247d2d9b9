import { useMemo } from 'react';
import { type NotesContext, notesContext } from './notesContext';
import { useAppState } from '../../state/store';

/** The notes' network after the store's number of SGD steps, with the store's ε (sections 11, 12, 14). */
export function useNotesContext(): NotesContext {
  const steps = useAppState((s) => s.netSteps);
  const eps = useAppState((s) => s.eps);
  return useMemo(() => notesContext(steps, eps), [steps, eps]);
}
