import { ChartFrame } from '../ui/ChartFrame';
import { VARIANT_ORDER } from './model/variants';
import { usePair } from './usePair';
import { boundaryTable } from './model/labExport';
import { count } from './model/labText';
import { BoundaryCanvas } from './BoundaryCanvas';
import { runSettings } from './LiveLineChart';
import { layoutInfo, useRun } from './runStore';
import type { LabPoints } from './worker/messages';

const NO_POINTS: LabPoints = { xy: new Float32Array(0), labels: new Uint8Array(0) };
/** While a new run loads, its canvases stay (blank: no points, no boundary yet) in the replaced run's layout. */
const LOADING = { train: NO_POINTS, test: NO_POINTS };

/** The two networks' decision boundaries side by side (2-D data), each framed in its network's style. */
export function BoundaryPanel() {
  const pair = usePair();
  const boundary = useRun((s) => s.boundary);
  const info = useRun(layoutInfo);
  const ready = useRun((s) => s.info !== null);
  const diverged = useRun((s) => s.diverged);
  if (!info?.points || !info.extent) {
    return <p className="lab-hint">The decision boundary is drawn for the 2-D datasets; images have 784 inputs, too many to draw as a plane.</p>;
  }
  return (
    <div className="lab-pair lab-pair-keep">
      {VARIANT_ORDER.map((v) => {
        const d = diverged[v];
        return (
          <figure key={v} className={`lab-figure lab-frame-${v}`}>
            <figcaption>
              {pair.label[v]}
              {boundary && <span className="lab-at"> · step {count(boundary.step)}</span>}
            </figcaption>
            <ChartFrame
              title={`Decision boundary, ${pair.phrase[v]}`}
              data={() => (boundary?.images[v] ? boundaryTable(boundary.images[v], boundary.resolution, boundary.extent) : { columns: [], rows: [] })}
              config={runSettings}
            >
              <BoundaryCanvas
                label={`Decision boundary of the network ${pair.phrase[v]}${ready ? (d ? `, as it was before it diverged at step ${d.step}` : '') : ': not drawn yet, the new run is loading'}`}
                image={boundary?.images[v] ?? null}
                resolution={boundary?.resolution ?? 1}
                extent={boundary?.extent ?? info.extent!}
                classes={info.classes}
                points={ready ? info.points! : LOADING}
              />
            </ChartFrame>
            {d && <p className="lab-hint">Diverged at step {count(d.step)}: no boundary since.</p>}
          </figure>
        );
      })}
    </div>
  );
}
