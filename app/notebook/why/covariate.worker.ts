/// <reference lib="webworker" />
import { covariateShiftTask } from './covariateTask';
import { runCovariate } from './covariateRun';

/**
 * Section 1's training off the page's thread: one message `{ depth }` starts the run (a new one replaces it),
 * and the worker answers with the run's view every PUBLISH_MS and once more when it is done.
 */
let stop: () => void = () => {};
self.onmessage = (e: MessageEvent<{ depth: number }>) => {
  stop();
  stop = runCovariate(covariateShiftTask(e.data.depth), (view, done) => self.postMessage({ view, done }));
};
