import { DeckPart } from '../../ui/DeckPart';
import { ScrollX } from '../../ui/ScrollX';
import { LANDSCAPE_PRESET } from '../../../src/landscapeRun';
import { fmt } from '../../ui/format';
import { type LandscapeView, type VariantSummary, landscapeTask, roughness } from './landscapeView';
import { useChunkedTask } from '../shared/useChunkedTask';
import { useNearViewport } from '../shared/useNearViewport';
import { LandscapeChart } from '../shared/lazyCharts';

const med = (x: number | null) => (x === null ? 'no finite value' : fmt(x, 3));
const s = LANDSCAPE_PRESET.settings;

function SummaryRow({ name, v }: { name: string; v: VariantSummary }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="num">{med(v.lossRange)}</td>
      <td className="num">{med(v.gradChange)}</td>
      <td className="num">{med(v.beta)}</td>
    </tr>
  );
}

function Verdict({ r }: { r: ReturnType<typeof roughness> }) {
  if (r.loss === null || r.grad === null) return null;
  const smoother = r.loss > 1 && r.grad > 1;
  return (
    <p data-testid="landscape-verdict">
      {smoother
        ? `Along the same kind of step, the loss of the network without BN varies ${fmt(r.loss, 2)} times as much, and its gradient changes ${fmt(r.grad, 2)} times as much: with BN the landscape is smoother, as Santurkar et al. found.`
        : `In this run the network without BN is not the rougher one (loss range ratio ${fmt(r.loss, 2)}, gradient change ratio ${fmt(r.grad, 2)}): the effect is a tendency, not a law.`}
    </p>
  );
}

/** The two bands over training: the loss along the gradient, and the change of the gradient. */
function Charts({ view }: { view: LandscapeView }) {
  return (
    <div className="chart-pair">
      <LandscapeChart
        rows={view.rows}
        total={view.total}
        what="Loss"
        title="Loss along the gradient"
        label="Range of the loss along the gradient over training, with and without BN"
        caption="Band: lowest to highest loss among the trial steps. Narrow = the loss is predictable along the step."
      />
      <LandscapeChart
        rows={view.rows}
        total={view.total}
        what="Grad"
        title="Change of the gradient, ‖∇L(θ − ηg) − ∇L(θ)‖"
        label="Change of the gradient along the gradient over training, with and without BN"
        caption="Band: 0 to the largest change among the trial steps. Small = the gradient stays a good guide (predictive)."
      />
    </div>
  );
}

/** The medians over the checkpoints, and once the run is done, the verdict. */
function Results({ view, done }: { view: LandscapeView; done: boolean }) {
  return (
    <>
      <ScrollX label="Medians over the checkpoints">
        <table className="data-table" aria-label="Medians over the checkpoints" data-testid="landscape-summary">
          <caption>Medians over the checkpoints after the start</caption>
          <thead>
            <tr>
              <th scope="col">network</th>
              <th scope="col">loss range</th>
              <th scope="col">gradient change</th>
              <th scope="col">gradient Lipschitz constant*</th>
            </tr>
          </thead>
          <tbody>
            <SummaryRow name="without BN" v={view.summary.plain} />
            <SummaryRow name="with BN" v={view.summary.bn} />
          </tbody>
        </table>
      </ScrollX>
      <p className="table-note">* The paper calls it &ldquo;β-smoothness&rdquo;: how fast the gradient can change. Not BN&apos;s β.</p>
      {done && <Verdict r={roughness(view)} />}
      {view.summary.plain.nonFinite + view.summary.bn.nonFinite > 0 && (
        <p>
          At {view.summary.plain.nonFinite} checkpoint(s) without BN and {view.summary.bn.nonFinite} with BN, a trial step sent
          the loss beyond any finite number; those are left out of the bands and medians rather than drawn.
        </p>
      )}
    </>
  );
}

/**
 * Santurkar et al. (2018), live: the loss and its gradient along the gradient direction, with and without BN.
 * On a presentation slide, the charts show until part `chartsUntil` and the medians and verdict from `resultFrom`.
 */
export function Landscape({ chartsUntil, resultFrom = 0 }: { chartsUntil?: number; resultFrom?: number }) {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const { view, done } = useChunkedTask(landscapeTask, [], near);
  const etas = view?.etas.map((e) => fmt(e, 3)).join(', ');
  return (
    <div ref={ref} className="panel">
      <p>
        Two networks as in the training lab ({s.depth} ReLU layers of {s.width}, SGD at learning rate {s.lr}, the spiral), one with
        BN, from the same start. Every {LANDSCAPE_PRESET.every} steps, each takes trial steps of size η = {etas ?? '…'} along its
        own gradient on a fixed batch of {LANDSCAPE_PRESET.probeRows}, and we record how much the loss varies and how much the
        gradient changes.
      </p>
      <p className="progress" aria-live="polite" data-testid="landscape-progress">
        {!view ? (near ? 'Starting the run…' : 'The run starts when you scroll here.') : done ? `Measured up to step ${view.step}.` : `Training and probing… step ${view.step} of ${view.total}.`}
      </p>
      {view && (
        <DeckPart until={chartsUntil}>
          <Charts view={view} />
        </DeckPart>
      )}
      {view && (
        <DeckPart from={resultFrom}>
          <Results view={view} done={done} />
        </DeckPart>
      )}
    </div>
  );
}
