import { ScrollX } from '../../ui/ScrollX';
import { Select } from '../../ui/Select';
import { fmt, sub } from '../../ui/format';
import { useAppState } from '../../state/store';
import type { FoldView } from './foldView';

/** One k × k kernel of a conv weight [O × C·k·k]: output channel `out`, input channel `input`. */
export function kernelOf(W: { readonly cols: number; readonly data: Float64Array }, k: number, out: number, input: number): number[][] {
  const base = out * W.cols + input * k * k;
  return Array.from({ length: k }, (_, r) => Array.from(W.data.subarray(base + r * k, base + (r + 1) * k)));
}

function KernelTable({ caption, rows, testId }: { caption: string; rows: number[][]; testId: string }) {
  return (
    <table className="data-table wd-table" aria-label={caption} data-testid={testId}>
      <caption>{caption}</caption>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((v, c) => (
              <td key={c} className="num">
                {fmt(v, 3)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The CNN's fold of one block (chosen in the store, as fold-layer): per output channel j the scale
 * s_j and the folded bias b′_j, and one kernel before and after (channel 1's filter on input channel 1),
 * where every weight is multiplied by s₁.
 */
export function FoldedConv({ view, shown, compact = false }: { view: FoldView; shown: number; compact?: boolean }) {
  const chosen = useAppState((s) => s.foldLayer);
  const setBeyond = useAppState((s) => s.setBeyond);
  const layers = view.fold.folded;
  const at = Math.min(chosen, layers.length - 1);
  const layer = layers[at], before = view.fold.convBefore[at], k = view.fold.kernel;
  if (!layer || !before) return <p>No BatchNorm2d of this CNN follows a convolution, so none folds.</p>;
  const l = layer.index, O = layer.b.length, channels = Math.min(shown, O);
  const options = layers.map((f, i) => ({ value: String(i), label: `Conv${sub(f.index)} and BN${sub(f.index)}` }));
  return (
    <div className="fold-layer">
      {layers.length > 1 && <Select label="Folded layer" value={String(at)} options={options} onChange={(v) => setBeyond({ foldLayer: Number(v) })} />}
      <div className="fold-layer-parts">
        <ScrollX label={`s and b′ of convolution ${l}`}>
          <table className="data-table wd-table" aria-label={`The scales s and folded biases b′ of convolution ${l}, per output channel`} data-testid="fold-bias">
            <caption>
              {compact
                ? `${channels < O ? `Channels 1–${channels} of ${O}` : `All ${O} channels`}: s and b′ = β − μ_run·s`
                : `${channels < O ? `The first ${channels} of ${O} output channels` : `All ${O} output channels`}: s = γ/√(σ²_run + ε) and b′ = β − μ_run·s (the convolution has no bias before BN)`}
            </caption>
            <thead>
              <tr>
                <th scope="col">channel j</th>
                {Array.from({ length: channels }, (_, j) => (
                  <th key={j} scope="col">
                    {j + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(['scale', 'b'] as const).map((key) => (
                <tr key={key}>
                  <th scope="row">{key === 'scale' ? 's_j' : 'b′_j'}</th>
                  {Array.from({ length: channels }, (_, j) => (
                    <td key={j} className="num">
                      {fmt(layer[key][j], 3)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
        <div className="fold-kernels">
          <KernelTable caption={compact ? `W${sub(l)}, channel 1` : `W${sub(l)}: channel 1’s ${k} × ${k} kernel on input channel 1`} rows={kernelOf(before, k, 0, 0)} testId="fold-kernel-before" />
          <KernelTable caption={compact ? `W′${sub(l)} = W${sub(l)} · s₁` : `W′${sub(l)} = W${sub(l)} · s₁ (s₁ = ${fmt(layer.scale[0], 3)})`} rows={kernelOf(layer.W, k, 0, 0)} testId="fold-kernel-after" />
        </div>
      </div>
    </div>
  );
}
