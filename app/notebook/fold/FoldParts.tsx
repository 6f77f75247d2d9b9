import { useMemo } from 'react';
import { FOLD_TRAIN_MODE_REASON } from '../../../src/foldCheck';
import { sectionNumber } from '../../outline';
import { ScrollX } from '../../ui/ScrollX';
import { Select } from '../../ui/Select';
import { fmt, sig, sub } from '../../ui/format';
import { useAppState } from '../../state/store';
import { MatrixView } from '../pass/MatrixView';
import { FOLD_TOLERANCE, MATES, ROUNDS, TIME_MS, type FoldView, afterActivationKept, weightCorner } from './foldView';
import type { LabSnapshot } from '../../lab/worker/messages';
import { FoldedConv } from './FoldedConv';
import { FOLD_TRAIN_STEPS, type LabFold } from './useLabFold';

const count = (n: number) => n.toLocaleString('en');
/** W′ shown: at most this many units × inputs (a Fashion-MNIST layer has 100 × 784). */
const CORNER = 8;

/** Where the lab is, and what to press: train it first, or fold again at its new step. */
export function FoldStatus({ fold }: { fold: LabFold }) {
  const { snapshot, asking, labPhase, labStep, replayingTo, view, done } = fold;
  const lab = sectionNumber('lab');
  let text: string;
  if (fold.noBn !== null)
    text = `The training lab (section ${lab}) compares networks ${fold.noBn}: neither has batch norm, so there is nothing to fold (LayerNorm, GroupNorm, InstanceNorm and RMSNorm use each sample's own statistics, in eval mode too, so they stay in the network). Choose BN for one of the lab's networks to fold it.`;
  else if (labPhase === 'error') text = `The training lab (section ${lab}) stopped with an error; there is no network to fold.`;
  else if (snapshot === null && replayingTo !== null)
    text = `The training lab is replaying its run to step ${count(replayingTo)} (now at ${count(labStep)}); its network will be folded when it gets there.`;
  else if (snapshot === null) text = asking || labPhase !== 'ready' ? 'Asking the training lab for its network…' : 'The training lab has no network yet.';
  else if (snapshot.diverged) text = `The lab's network with BN diverged at its step ${count(snapshot.step)}: its weights are not finite, so there is nothing to fold. Reset the lab (section ${lab}) or lower its learning rate.`;
  else if (snapshot.step === 0) text = `The training lab (section ${lab}) has not trained yet: its network with BN is at step 0. Train it here, with its current settings, or press Play there.`;
  else if (!view || !done) text = `Folding the lab's network with BN at step ${count(snapshot.step)} and checking it on the test set…`;
  else text = `Folded the lab's network with BN at step ${count(snapshot.step)} (${networkWords(snapshot)}).`;
  const untrained = snapshot !== null && snapshot.step === 0;
  const moved = snapshot !== null && labStep !== snapshot.step && labPhase === 'ready';
  return (
    <div className="wd-run-bar">
      <p className="progress" aria-live="polite" data-testid="fold-status">
        {text}
      </p>
      {untrained && (
        <button type="button" onClick={fold.train} disabled={asking}>
          Train the lab {count(FOLD_TRAIN_STEPS[snapshot.kind])} steps and fold
        </button>
      )}
      {!untrained && moved && (
        <button type="button" onClick={fold.refold} disabled={asking}>
          Fold again at the lab&apos;s step {count(labStep)}
        </button>
      )}
    </div>
  );
}

/** The lab's network in a few words: the MLP's layers and BN placement, or the CNN's blocks. */
function networkWords(s: LabSnapshot): string {
  if (s.kind === 'cnn') {
    const k = s.model.config.kernel;
    return `the CNN: ${s.model.config.channels.length} convolution blocks of ${s.model.config.channels.join(' and ')} channels, ${k} × ${k} kernels, each convolution followed by BatchNorm2d`;
  }
  return `${s.settings.depth} hidden layers of ${s.settings.width}, BN ${s.settings.bn} the activation`;
}

/** W′ and b′ of one folded layer (chosen in the store), with the scales s that made them; at most `shown` units and inputs. */
export function FoldedLayer({ view, shown = CORNER, compact = false }: { view: FoldView; shown?: number; compact?: boolean }) {
  if (view.fold.network === 'cnn') return <FoldedConv view={view} shown={shown} compact={compact} />;
  return <FoldedLinear view={view} shown={shown} />;
}

function FoldedLinear({ view, shown }: { view: FoldView; shown: number }) {
  const chosen = useAppState((s) => s.foldLayer);
  const setBeyond = useAppState((s) => s.setBeyond);
  const layers = view.fold.folded;
  const at = Math.min(chosen, layers.length - 1);
  const layer = layers[at];
  const corner = useMemo(() => (layer ? weightCorner(layer.W, shown, shown) : null), [layer, shown]);
  if (!layer || !corner) return <p>No BN of this network follows a linear layer directly, so none folds (see below).</p>;
  const l = layer.index;
  const units = Math.min(shown, layer.b.length);
  const options = layers.map((f, i) => ({ value: String(i), label: `W${sub(f.index)} and BN${sub(f.index)}` }));
  const shape = `${layer.W.cols} × ${layer.W.rows}`;
  return (
    <div className="fold-layer">
      {layers.length > 1 && <Select label="Folded layer" value={String(at)} options={options} onChange={(v) => setBeyond({ foldLayer: Number(v) })} />}
      <div className="fold-layer-parts">
      <MatrixView
        panel={{ tex: `W'_{${l}}`, name: `W′${sub(l)}${corner.rows < layer.W.cols || corner.cols < layer.W.rows ? `, its first ${corner.rows} × ${corner.cols} of ${shape}` : ''}`, matrix: corner, rowKind: 'neuron', samples: false }}
      />
      <ScrollX label={`s and b′ of layer ${l}`}>
        <table className="data-table wd-table" aria-label={`The scales s and folded biases b′ of layer ${l}`} data-testid="fold-bias">
          <caption>
            {units < layer.b.length ? `The first ${units} of ${layer.b.length} units` : `All ${units} units`}: s = γ/√(σ²_run + ε) and b′
          </caption>
          <thead>
            <tr>
              <th scope="col">unit j</th>
              {Array.from({ length: units }, (_, j) => (
                <th key={j} scope="col">
                  {j + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(['scale', 'b'] as const).map((k) => (
              <tr key={k}>
                <th scope="row">{k === 'scale' ? 's_j' : 'b′_j'}</th>
                {Array.from({ length: units }, (_, j) => (
                  <td key={j} className="num">
                    {fmt(layer[k][j], 3)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      </div>
    </div>
  );
}

/** The fold's check on the lab's test set, and what it saves: parameters and (roughly) time. */
export function FoldChecks({ view, done }: { view: FoldView; done: boolean }) {
  const f = view.fold;
  const ok = view.relative <= FOLD_TOLERANCE;
  const t = view.timing;
  const points = view.fold.network === 'cnn' ? 'images' : 'points';
  return (
    <>
      <p data-testid="fold-error">
      {view.compared < view.total
        ? `Comparing the logits of the ${count(view.total)} test ${points}: ${count(view.compared)} so far…`
        : `Largest |folded − unfolded| over the logits of the lab’s ${count(view.total)} test ${points}: ${fmt(view.maxAbs, 2)}, which is ${fmt(view.relative, 2)} of max(1, max |logit|) = ${fmt(Math.max(1, view.maxLogit), 3)}: ${ok ? `within the tolerance ${fmt(FOLD_TOLERANCE, 0)} ✓ (rounding).` : `above the tolerance ${fmt(FOLD_TOLERANCE, 0)} ✗.`}`}
    </p>
    <ScrollX label="The folded network against the original">
      <table className="data-table wd-table" aria-label="The folded network against the original" data-testid="fold-checks">
        <caption>What the fold saves</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">with BN</th>
            <th scope="col">folded</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">parameters (W, b, γ, β)</th>
            <td className="num">{count(f.parametersBefore)}</td>
            <td className="num" data-testid="fold-params">{count(f.parametersAfter)}</td>
          </tr>
          <tr>
            <th scope="row">numbers stored (parameters + μ_run, σ²_run)</th>
            <td className="num">{count(f.storedBefore)}</td>
            <td className="num">{count(f.storedAfter)}</td>
          </tr>
          <tr>
            <th scope="row">time per prediction (rough)</th>
            <td className="num">{t ? `${sig(t.unfolded * 1000)} µs` : done ? '–' : 'timing…'}</td>
            <td className="num" data-testid="fold-time">{t ? `${sig(t.folded * 1000)} µs` : done ? '–' : 'timing…'}</td>
          </tr>
        </tbody>
      </table>
    </ScrollX>
    </>
  );
}

/** How the timing was taken (it is rough: one browser, one machine, whatever else runs). */
export const timingNote = (view: FoldView): string => {
  const t = view.timing;
  const how = `Time: the median of ${ROUNDS} rounds per network, each timing eval-mode passes over ${view.timeRows} test ${view.fold.network === 'cnn' ? 'images' : 'points'} for about ${TIME_MS} ms in this browser, alternating the networks. Rough: it moves with the machine's load.`;
  // Folding removes work, but this coarse timer can still show the folded network slower: say so rather than let the sentence after it read as contradicted.
  const slower = t !== null && t.folded >= t.unfolded ? ' This time the folded network did not come out faster: each round is only a few milliseconds, and the browser’s coarse clock and other work on the machine can outweigh the small share of a pass that BN takes.' : '';
  return `${how}${slower} Folding saves BN’s share of a pass; the matrix products remain.`;
};

/** One test sample among two sets of batch-mates: the train-mode output moves, the folded one does not. */
export function TrainModeFold({ view }: { view: FoldView }) {
  const m = view.mates;
  if (view.fold.kept.length > 0) {
    return <p>This network keeps a BN that did not fold (below), so its folded version still depends on the batch in train mode.</p>;
  }
  if (!m) return <p>The test set is too small for two sets of {MATES} batch-mates.</p>;
  const point = view.fold.network === 'cnn' ? 'image' : 'point';
  return (
    <div data-testid="fold-train-mode">
      <p>
        Test {point} 1 in a batch of {MATES + 1}, first with test {point}s 2–{MATES + 1}, then with {point}s {MATES + 2}–{2 * MATES + 1} as its
        batch-mates. Its logits in train mode move by up to <strong className="num">{fmt(m.trainGap, 3)}</strong>; the folded
        network&apos;s move by <strong className="num">{fmt(m.foldedGap, 3)}</strong>, and equal eval mode&apos;s to {fmt(m.foldedVsEval, 2)}.
      </p>
      <p>{FOLD_TRAIN_MODE_REASON}</p>
    </div>
  );
}

/** A BN after the activation stays: the engine's reason, for a network like the lab's with BN placed there. */
export function KeptAfterActivation({ fold }: { fold: LabFold }) {
  const { snapshot, view } = fold;
  const kept = useMemo(() => (snapshot ? (view?.fold.kept.length ? view.fold.kept : afterActivationKept(snapshot)) : []), [snapshot, view]);
  if (snapshot?.kind === 'cnn') {
    return (
      <p data-testid="fold-kept">
        The lab&apos;s CNN puts each BatchNorm2d directly after its convolution, so every one folds. A BatchNorm2d after ReLU would
        stay, for the same reason: the nonlinearity would sit between it and the convolution.
      </p>
    );
  }
  if (kept.length === 0) return null;
  const own = view !== null && view.fold.kept.length > 0;
  return (
    <div data-testid="fold-kept">
      <p>
        {own ? `In the lab’s network, ${kept.length} BN layer${kept.length === 1 ? '' : 's'} after an activation stay${kept.length === 1 ? 's' : ''}.` : `Had the lab put BN after each activation, ${kept.length} BN layer${kept.length === 1 ? '' : 's'} would stay.`}{' '}
        The engine&apos;s reason, for BN{sub(kept[0].index)}:
      </p>
      <blockquote className="fold-reason">{kept[0].reason}</blockquote>
    </div>
  );
}
