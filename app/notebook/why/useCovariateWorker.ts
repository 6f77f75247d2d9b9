import { useEffect, useState } from 'react';
import type { ChunkedState } from '../shared/useChunkedTask';
import type { CovariateView } from './covariateShift';

/**
 * Section 1's run in its own Worker (covariate.worker.ts), started once `start` is true and restarted
 * for another depth: five seeds of two networks train there, off the page's thread, so the first screen
 * stays responsive while they do (on a phone the same work in slices on the page made a long task every slice).
 */
export function useCovariateWorker(depth: number, start: boolean): ChunkedState<CovariateView> {
  const [state, setState] = useState<ChunkedState<CovariateView>>({ view: null, done: false });
  useEffect(() => {
    if (!start) return;
    const worker = new Worker(new URL('./covariate.worker.ts', import.meta.url), { type: 'module', name: 'why-covariate' });
    worker.onmessage = (e: MessageEvent<ChunkedState<CovariateView>>) => setState(e.data);
    worker.postMessage({ depth });
    return () => worker.terminate();
  }, [depth, start]);
  return state;
}
