import { Notice } from '../../ui/Notice';

/** Shown instead of a section's panel when the engine refuses the batch (e.g. m = 1 in training mode). */
export function BatchRefused({ message }: { message: string }) {
  return (
    <Notice tone="warn" title="The engine refused this batch" testId="batch-refused">
      <p>{message}</p>
      <p>Batch norm in training mode needs at least two samples: with one, μ is the sample itself and σ² is 0.</p>
    </Notice>
  );
}
