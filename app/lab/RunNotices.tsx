import { Notice } from '../ui/Notice';
import { VARIANT_ORDER } from './model/variants';
import { usePair } from './usePair';
import { count, divergenceText } from './model/labText';
import { useAppState } from '../state/store';
import { labController } from './controller';
import { useRun } from './runStore';
import { NOTICES_ID } from './RunStatus';

/** Loading, errors, divergence and why playing stopped: always in words, with the step. */
export function RunNotices() {
  const pair = usePair();
  const phase = useRun((s) => s.phase);
  const loading = useRun((s) => s.loading);
  const error = useRun((s) => s.error);
  const plain = useRun((s) => s.diverged.plain);
  const bn = useRun((s) => s.diverged.bn);
  const stopped = useRun((s) => s.stopped);
  const maxSteps = useRun((s) => s.info?.maxSteps ?? 0);
  const diverged = { plain, bn };
  // No hidden layer and no output BN: the BN network has nowhere to put BN, so it is the plain one.
  const identical = useAppState((s) => s.labDepth === 0 && !s.labOutputBn);
  return (
    // The one live region of the run's news: each notice is announced once, when it appears (the sticky
    // status line repeats it out of the live region). tabIndex −1: the status's “Show details” focuses it.
    <div className="lab-notices" id={NOTICES_ID} tabIndex={-1} aria-live="polite">
      {identical && (
        <Notice title="The two networks are the same here" testId="lab-identical">
          <p>
            {pair.isDefault ? 'BN normalizes' : 'The normalizations normalize'} the hidden layers, and with 0 hidden layers there are none: both networks are the same softmax regression, from the same
            weights, so their curves lie on top of each other. Add a hidden layer, or tick “{pair.isDefault ? 'BN' : 'Normalization'} on the output layer too”.
          </p>
        </Notice>
      )}
      {phase === 'loading' && loading && <p className="lab-loading">Loading {loading}…</p>}
      {phase === 'error' && error && (
        <Notice tone="warn" title="This run could not start" testId="lab-error">
          <p>{error}</p>
          <button type="button" onClick={() => labController().reset()}>
            Try again
          </button>
        </Notice>
      )}
      {VARIANT_ORDER.map((v) => {
        const d = diverged[v];
        if (!d) return null;
        const other = v === 'plain' ? 'bn' : 'plain';
        return (
          <Notice key={v} tone="warn" title={`${pair.label[v]}: diverged`} testId={`diverged-${v}`}>
            <p>
              {divergenceText(pair.label[v], d)} Its curves stop there; nothing after it is drawn.
              {!diverged[other] && ` The network ${pair.phrase[other]} keeps training.`}
            </p>
          </Notice>
        );
      })}
      {stopped === 'both-diverged' && <p>Both networks diverged, so training stopped. Try a smaller learning rate, then Reset.</p>}
      {stopped === 'step-limit' && <p>Stopped at step {count(maxSteps)}, the limit of one run. Reset replays it; a new setting starts another.</p>}
    </div>
  );
}
