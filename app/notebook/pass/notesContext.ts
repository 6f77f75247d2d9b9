import {
  type NotesBackward,
  type NotesForward,
  type NotesGradientChecks,
  type NotesState,
  checkNotesGradients,
  notesBackward,
  notesForward,
  notesNetworkAfter,
} from '../../../src';

/** Everything sections 11, 12 and 14 show about the notes' network, computed by the engine. */
export interface NotesContext {
  readonly steps: number;
  readonly eps: number;
  readonly state: NotesState;
  readonly fwd: NotesForward;
  readonly grads: NotesBackward;
  readonly checks: NotesGradientChecks;
}

let last: NotesContext | null = null;

/**
 * The notes' network after `steps` SGD steps with BN's ε = `eps`: forward, backward and the
 * finite-difference checks (a few milliseconds). The last result is reused, since sections 11 and
 * 12 ask for the same one.
 */
export function notesContext(steps: number, eps: number): NotesContext {
  if (last && last.steps === steps && last.eps === eps) return last;
  const state = notesNetworkAfter(steps, eps);
  const fwd = notesForward(state.net, state.batch);
  const grads = notesBackward(state.net, state.batch, fwd);
  const checks = checkNotesGradients(state.net, state.batch, fwd, grads);
  last = { steps, eps, state, fwd, grads, checks };
  return last;
}
