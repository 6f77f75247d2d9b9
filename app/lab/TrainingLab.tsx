import { useEffect } from 'react';
import { useAppState } from '../state/store';
import { BoundaryPanel } from './BoundaryPanel';
import { labController } from './controller';
import { ExportRun } from './ExportRun';
import { GhostKey } from './GhostKey';
import { GradNormPanel } from './GradNormPanel';
import { KeptRunNotices } from './KeptRunNotices';
import { PairIntro } from './PairProse';
import { LabControls } from './LabControls';
import { LineKey } from './LineKey';
import { MountLater } from './MountLater';
import { MetricCharts } from './MetricCharts';
import { Presets } from './Presets';
import { QuantilePanel } from './QuantilePanel';
import { Readouts } from './Readouts';
import { RunBar } from './RunBar';
import { RunNotices } from './RunNotices';
import { RunStatus } from './RunStatus';
import { SweepPanel } from './SweepPanel';
import { SeedsPanel } from './SeedsPanel';
import { TrainCommand } from './TrainCommand';
import { Verdict } from './Verdict';
import { DriftLookFor, GradLookFor, LossLookFor } from './lookFors';
import { networkOf } from './model/labSettings';
import { layoutInfo, useRun } from './runStore';
import './lab.css';

/** A study the lab runs for the MLP only: the CNN's step costs about twenty of the 2-D MLP's, and these train hundreds of runs' worth. */
const MlpOnly = ({ what }: { what: string }) => (
  <p className="lab-hint" data-testid="mlp-only">
    {what} trains the MLP only: it runs the comparison many times over, which for the CNN would take minutes of this machine. Choose the MLP to
    use it.
  </p>
);

/**
 * Section 13: two networks, identical but for batch norm — same data, same initial weights, same
 * mini-batches in the same order — trained side by side in a Worker. This module and everything it
 * imports (Recharts included) is loaded only when the section is near the screen.
 */
export default function TrainingLab() {
  const fashion = useAppState((s) => s.labDataset === 'fashion');
  const bnAfter = useAppState((s) => s.labBn === 'after');
  const cnn = useAppState((s) => networkOf(s) === 'cnn');
  // The panels below take their layout from the run (the Worker's): until it is known, or has failed, they are not at their height.
  const laidOut = useRun((s) => layoutInfo(s) !== null || s.phase === 'error');
  useEffect(() => {
    labController();
  }, []);
  return (
    <div className="lab">
      <p>
        Two networks start from the <em>same</em> weights and see the <em>same</em> mini-batches in the same order. The only difference: one
        normalizes every hidden layer with batch norm (the CNN: a BatchNorm2d after every convolution). Press Play and watch what that one change does; every number comes from the engine, trained
        in a background thread, and the seed makes each run repeatable. Batch norm does not always help: the presets include setups where it
        does not, and the verdict under the Play button is computed from the run on screen.
      </p>
      <PairIntro />
      <Presets />
      <h3 className="lab-h">Settings</h3>
      <LabControls />
      <div className="lab-sticky">
        <RunBar />
        <RunStatus />
        <LineKey roles="networks" />
        <GhostKey />
      </div>
      <RunNotices />
      <KeptRunNotices />
      <Verdict />
      <h3 className="lab-h">Loss and accuracy</h3>
      <LineKey roles="train-test" />
      <MetricCharts />
      <LossLookFor />
      <Readouts />
      <MountLater settled={laidOut}>
        <h3 className="lab-h">Decision boundary</h3>
        <BoundaryPanel />
        <h3 className="lab-h">{cnn ? 'One channel’s input over training' : 'One unit’s input over training'}</h3>
        {cnn ? (
          <p data-testid="quantile-prose">
            Ioffe and Szegedy’s Figure 1 (b, c), per channel: the 15th, 50th and 85th percentiles of what output channel 1 of a convolution block feeds
            into ReLU, over all its positions in a fixed batch of 64 training images. Without BN that is the convolution’s output, which moves as
            its own filters and (in block 2) the block below learn; with BN it is BatchNorm2d’s output, re-standardised on every batch over the batch’s images and positions (its
            batch mean is β, which is learned), while BN’s input, the convolution’s output, may keep moving. Whether either drifts in this run, the
            charts and the line under them show. Many positions see only the images’ plain background, so in block 1 the median often reports
            the value every background position gets (without BN the convolution’s bias; with BN, which has no bias before it, what BN makes of 0: β − γ·μ_B/√(σ²_B + ε)) rather than a spread of inputs.
          </p>
        ) : (
          <p data-testid="quantile-prose">
            Ioffe and Szegedy’s Figure 1 (b, c): the 15th, 50th and 85th percentiles of what one hidden unit feeds into its activation, measured on a
            fixed batch of training examples. Without BN that distribution can drift as the layers below it learn (what Ioffe and Szegedy called
            “internal covariate shift”);{' '}
            {bnAfter
              ? 'here BN comes after the activation, so it normalizes the activation’s output, not this input: with BN the input can drift too.'
              : 'with BN before the activation this input is re-standardised on every batch (its batch mean is β, which is learned), while the input to BN itself may keep moving. Whether either drifts in this run, the charts and the line under them show.'}
          </p>
        )}
        <LineKey roles="quantiles" />
        <QuantilePanel />
        <DriftLookFor />
        <h3 className="lab-h">Gradient norms</h3>
        <GradNormPanel />
        <GradLookFor />
        <h3 className="lab-h">Five seeds</h3>
        {cnn ? <MlpOnly what="The five-seed study" /> : <SeedsPanel />}
        <h3 className="lab-h">Learning-rate sweep</h3>
        {cnn ? <MlpOnly what="The learning-rate sweep" /> : <SweepPanel />}
        <div className="lab-footer">
          <ExportRun />
          <TrainCommand />
          {fashion && (
            <p className="lab-credit">
              Fashion-MNIST © Zalando Research, MIT licence; a stratified subset of Debian’s <code>dataset-fashion-mnist</code>.
            </p>
          )}
        </div>
      </MountLater>
    </div>
  );
}
