import { type Ghost, type ReplacedRun, nextGhost } from './ghost';
import { type LabSettings, sameRun } from './labSettings';
import { count } from './labText';

/**
 * The step a new run is replayed to when the address asked for one (`asked`: a link, a reload, Back
 * or Forward; null: none), for a run of `settings` that stops at `maxSteps`: the step asked for, within
 * the limit (with a notice in words when it was past it); or the exact step of the ghost when that run
 * is the one asked for again (Back after a change: the address holds its step as last written, up to
 * a second before the run was replaced, or 0 if it was replaced before its first write). Pure.
 */
export function resumeTarget(asked: number | null, ghost: Ghost | null, settings: LabSettings, maxSteps: number): { step: number; notice: string | null } {
  if (asked === null) return { step: 0, notice: null };
  if (ghost && sameRun(ghost.settings, settings)) return { step: Math.min(ghost.step, maxSteps), notice: null };
  if (asked <= maxSteps) return { step: Math.max(0, asked), notice: null };
  return { step: maxSteps, notice: `lab-step=${asked} is past step ${count(maxSteps)}, the limit of one run on this data; the run resumes at step ${count(maxSteps)}.` };
}

/**
 * What a new run of `next` starts with: the step it replays to (0: none, see resumeTarget), the ghost
 * it shows (see nextGhost; a reset keeps the ghost there was, and replays nothing), and a notice.
 */
export function nextRun(o: { reset: boolean; asked: number | null; ghost: Ghost | null; replaced: ReplacedRun; next: LabSettings; maxSteps: number }): { resumeAt: number; ghost: Ghost | null; notice: string | null } {
  if (o.reset) return { resumeAt: 0, ghost: o.ghost, notice: null };
  const { step, notice } = resumeTarget(o.asked, o.ghost, o.next, o.maxSteps);
  return { resumeAt: step, ghost: nextGhost(o.ghost, o.replaced, o.next, step), notice };
}
