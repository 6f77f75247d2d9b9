import { ScrollX } from '../../ui/ScrollX';
import { useMemo } from 'react';
import { sampleMiniBatch } from '../../../src/minibatch';
import { type RunningStatsTrace, sampleInContexts } from '../../../src/runningStats';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { Notice } from '../../ui/Notice';
import { Toggle } from '../../ui/Toggle';
import { fmt } from '../../ui/format';
import { contextRows, outputText, sampleTex } from './trainEvalView';
import type { BnMode } from '../../state/slices/bn';
import { useAppState } from '../../state/store';
import { useMiniBatch } from '../../state/useMiniBatch';
import { useTrainedLayer } from './useRunningTrace';

const MODES = [
  { value: 'train', label: 'Train mode' },
  { value: 'eval', label: 'Eval mode' },
] as const satisfies readonly { value: BnMode; label: string }[];

/** Sample 1 of the shared batch in three batches, in the chosen mode; m = 1 in train mode is refused in words. */
export function SampleModes({ trace }: { trace: RunningStatsTrace }) {
  const mode = useAppState((s) => s.mode);
  const setBn = useAppState((s) => s.setBn);
  const seed = useAppState((s) => s.seed);
  const shift = useAppState((s) => s.shift);
  const scale = useAppState((s) => s.scale);
  const eps = useAppState((s) => s.eps);
  const gamma = useAppState((s) => s.gamma);
  const beta = useAppState((s) => s.beta);
  const bn = useTrainedLayer(trace);
  const z = useMiniBatch();
  const m = z.length;
  const others = useMemo(() => sampleMiniBatch(seed + 7, m - 1, shift, scale), [seed, m, shift, scale]);
  const c = sampleInContexts(bn, z, others, mode);
  const eq = sampleTex(c.inBatch, z[0], gamma, beta, eps, mode);
  return (
    <div className="panel sample-modes">
      <Toggle label="Batch norm mode" value={mode} options={MODES} onChange={(v) => setBn({ mode: v })} />
      <p>
        Sample 1 of the batch of section 2 has z₁ = <span className="num">{fmt(z[0], 4)}</span>. Its output in {mode} mode:
      </p>
      {eq && <ScrollEquation tex={eq} label={`Sample 1's output in ${mode} mode`} />}
      <ScrollX label="Sample 1's output in three batches">
        <table className="data-table" aria-label={`Sample 1's output in ${mode} mode, in three batches`}>
          <tbody>
            {contextRows(c, m).map(({ label, out }) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num" data-testid={`sample-${label.split(' ')[0]}`}>
                  {out.ok ? outputText(out.y) : 'refused (see below)'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      {mode === 'train' ? (
        <p>The same z₁ gets a different output in each batch: in training, a sample&apos;s output depends on who else is in its batch.</p>
      ) : (
        <p>The same number every time: eval mode is a fixed affine map, so one sample&apos;s output does not depend on the batch.</p>
      )}
      {c.inBatch.ok && !Number.isFinite(c.inBatch.y) && (
        <Notice tone="warn" title="0/0 has no value" testId="zero-over-zero">
          <p>
            Every sample of this batch is equal (scale 0) and ε = 0, so z₁ − μ = 0 and √(σ² + ε) = 0. With any ε &gt; 0 (section 6)
            it becomes 0/√ε = 0, and the output is β: that is what ε is for.
          </p>
        </Notice>
      )}
      {!c.alone.ok && (
        <Notice tone="warn" title="Batch size 1 in train mode: PyTorch refuses, and so does the engine" testId="m1-error">
          <p>
            <code>{c.alone.error}</code>
          </p>
          <p>With one sample, μ = z₁ and σ² = 0, so every output would be β: there is nothing to normalize against. Switch to eval mode, which needs no batch.</p>
        </Notice>
      )}
    </div>
  );
}
