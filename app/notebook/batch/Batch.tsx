import { ArrowKeys } from '../../ui/ArrowKeys';
import { DotPlot } from '../../ui/DotPlot';
import { ChartFrame } from '../../ui/ChartFrame';
import { EquationPair } from '../../ui/EquationPair';
import { NumberTable } from '../../ui/NumberTable';
import { useMiniBatch } from '../../state/useMiniBatch';
import { appStore, useAppState } from '../../state/store';
import { rowVectorTex } from '../shared/sumTex';
import { batchSettings, sampleTable } from '../shared/batchExport';
import { BatchControls } from './BatchControls';

/** Section 2's equation and live panel (its presentation step): the batch Z as draggable points, and its controls. */
export function BatchPanel() {
  const z = useMiniBatch();
  const m = useAppState((s) => s.m);
  return (
    <>
      <EquationPair
        symbolic={String.raw`Z = \begin{bmatrix} z_1 & z_2 & \cdots & z_m \end{bmatrix}`}
        numeric={`{Z = ${rowVectorTex(z, 2)}}`}
        testId="batch-equation"
      />
      <div className="panel">
        <ChartFrame title="The mini-batch z" data={() => sampleTable([{ key: 'z', label: 'z', values: z }])} config={batchSettings}>
          <DotPlot
            values={z}
            axis="z"
            label={`The mini-batch: ${m} values of z on a number line; each point is a slider`}
            onMove={(i, v) => appStore.getState().setPoint(i, v)}
            caption={
              <>
                Drag a point with the mouse or a finger, or Tab to it and <ArrowKeys /> (Shift for steps of 1).
              </>
            }
          />
        </ChartFrame>
        <BatchControls />
      </div>
    </>
  );
}

/** The batch as a row of numbers: its own reader of the batch, so a drag re-renders it and not the section's text. */
function BatchTable() {
  const z = useMiniBatch();
  const m = useAppState((s) => s.m);
  return (
    <NumberTable
      caption={`The batch: one neuron, m = ${m} examples`}
      rows={[{ label: <><var>z</var><sub>i</sub></>, values: z, digits: 3, tone: 'z', testId: 'batch-row' }]}
    />
  );
}

/** Section 2: the mini-batch — m samples of one neuron's pre-activation z, shared by sections 3–9. */
export function Batch() {
  return (
    <>
      <div className="bn-prose">
        <p>
          Batch norm works on one neuron at a time. Pick a neuron in a hidden layer and look at its pre-activation
          z = w·x + b, the number it computes before the activation function. Feed the network a <em>mini-batch</em> of m
          training examples and this one neuron produces m numbers, z₁ … z<sub>m</sub>: one per example.
        </p>
        <p>
          In training, those m numbers are all batch norm uses to normalize this neuron. Every section below, up to the bias in section 9, is computed from the
          batch on this plot. Drag a point (or focus it and use the arrow keys), change how the batch is drawn, and
          watch μ, σ², Z<sub>norm</sub> and Z̃ follow.
        </p>
      </div>
      <BatchPanel />
      <BatchTable />
      <div className="bn-prose">
        <p>
          <strong>m is the batch size</strong>: it counts examples, not neurons. Move the m slider and the number of points
          changes while there is still exactly one neuron. In the notes&apos; orientation a layer&apos;s Z is a matrix with one
          row per neuron and one column per example; this is one row of it. (Code such as PyTorch, and this notebook&apos;s
          engine, stores the transpose: one row per example.) The shift and scale slide and stretch the drawn batch — the
          two things batch norm is about to undo (the shift exactly; the scale nearly, as long as σ² is large next to ε).
        </p>
      </div>
    </>
  );
}
