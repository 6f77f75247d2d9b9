import { type NotesGradientChecks, checkNotesGradients } from '../../../src/notesCheck';
import { type NotesActivation, type NotesBackward, type NotesForward, type NotesState, notesBackward, notesForward, notesNetworkAfter } from '../../../src/notesNetwork';

/** Everything sections 11, 12 and 14 show about the notes' network, computed by the engine. */
export interface NotesContext {
  readonly steps: number;
  readonly eps: number;
  /** The hidden activation: ReLU, as in the notes, unless section 12 swaps it. */
  readonly activation: NotesActivation;
  readonly state: NotesState;
  readonly fwd: NotesForward;
  readonly grads: NotesBackward;
  readonly checks: NotesGradientChecks;
}

const cache = new Map<string, NotesContext>();

/**
 * The notes' network after `steps` SGD steps with BN's ε = `eps`: forward, backward and the
 * finite-difference checks (a few milliseconds). The last result of each activation is reused, since
 * sections 11 and 12 ask for the same one.
 */
export function notesContext(steps: number, eps: number, activation: NotesActivation = 'relu'): NotesContext {
  const key = `${steps} ${eps} ${activation}`;
  const known = cache.get(key);
  if (known) return known;
  const state = notesNetworkAfter(steps, eps, undefined, undefined, activation);
  const fwd = notesForward(state.net, state.batch);
  const grads = notesBackward(state.net, state.batch, fwd);
  const checks = checkNotesGradients(state.net, state.batch, fwd, grads);
  const ctx = { steps, eps, activation, state, fwd, grads, checks };
  // One context per activation is enough: sections 11, 12 and 14 ask for the same ones.
  for (const k of cache.keys()) if (k.endsWith(` ${activation}`)) cache.delete(k);
  cache.set(key, ctx);
  return ctx;
}
