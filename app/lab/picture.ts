import { type LabSettings, labRunSettings } from './model/labSettings';
import { applyRunEvent } from './runEvents';
import { runStore } from './runStore';
import { createRunUpdates } from './runUpdates';
import { createRun } from './worker/run';
import { createTrainer } from './worker/trainer';

/**
 * For the build's pre-render (app/prerender/render.tsx, in Node): the run of `settings` as the lab shows it once its
 * Worker has it ready and paused at step 0 — the Worker's own code run here, its events taken into the run store
 * as the page takes them. The lab's picture then has every panel the live lab draws (decision boundary,
 * quantiles, gradient norms) at its height, instead of the lines that stand in for them while no run is known.
 * The 2-D sets only (Fashion-MNIST is fetched by the page).
 */
export function pictureReadyRun(settings: LabSettings): void {
  const run = labRunSettings(settings, '');
  if (run.data.kind !== '2d') return;
  const updates = createRunUpdates(runStore);
  const post = (e: Parameters<typeof applyRunEvent>[0]) => applyRunEvent(e, updates, runStore);
  createRun(0, run, createTrainer(run.experiment), { post, now: () => performance.now() }).begin(false);
  updates.flush();
  updates.dispose();
}
