import type { Cnn } from '../../../src/cnn';
import type { Dataset } from '../../../src/datasets';
import type { ExperimentSettings } from '../../../src/experiment';
import type { Model } from '../../../src/model';
import type { SweepPoint } from '../../../src/sweep';
import type { Divergence, StepMetrics, VariantName } from '../../../src/train';

/**
 * The training lab's Worker protocol: what the page sends (LabRequest) and what the Worker answers
 * (LabEvent). Plain, structured-cloneable data only. Every message names the run it belongs to
 * (`runId`, chosen by the page): the page ignores events of a run it has replaced, and the Worker
 * ignores requests for a run it no longer has.
 */

/** Where a run's data comes from: the engine's seeded 2-D generator, or the Fashion-MNIST subset. */
export type LabData = { readonly kind: '2d' } | { readonly kind: 'fashion'; readonly url: string };

export interface LabRunSettings {
  /** The engine's experiment settings (the same as `npm run train`); dataset fields unused for Fashion. */
  readonly experiment: Partial<ExperimentSettings>;
  readonly data: LabData;
  /** Playing stops at this step (a run left open must not heat the machine forever). */
  readonly maxSteps: number;
  /** Cells per side of the decision-boundary grid (2-D data only). */
  readonly boundaryResolution: number;
}

export type LabRequest =
  /**
   * A new run at step 0 (replacing any other). Reset is `configure` again with the same settings.
   * `resumeAt`: replay it at once, as fast as it goes, to that step (at most the run's maxSteps), then
   * pause there: the run is deterministic, so this is the run a reader had reached (a reload, a link).
   * Its metrics come in a few large events, and no status until it is there; `play` is then ignored.
   */
  | { readonly type: 'configure'; readonly runId: number; readonly run: LabRunSettings; readonly play?: boolean; readonly resumeAt?: number }
  | { readonly type: 'play'; readonly runId: number }
  | { readonly type: 'pause'; readonly runId: number }
  /** Exactly `steps` shared steps, now (while paused). */
  | { readonly type: 'step'; readonly runId: number; readonly steps: number }
  /** Steps per second while playing; 0 = as fast as the machine goes. Does not restart the run. */
  | { readonly type: 'speed'; readonly stepsPerSecond: number }
  /** A learning-rate sweep of the run's settings (replacing any other sweep). */
  | { readonly type: 'sweep'; readonly runId: number; readonly run: LabRunSettings; readonly learningRates: readonly number[]; readonly steps: number }
  | { readonly type: 'cancel-sweep'; readonly runId: number }
  /** A copy of the BN network as it is now (answered by a 'snapshot' event with the same requestId). */
  | { readonly type: 'snapshot'; readonly runId: number; readonly requestId: number };

/** The BN network of a run at a step, as plain data (the fold section folds it), with the run's test set: an MLP or a CNN. */
export type LabSnapshot = (SnapshotBase & { readonly kind: 'mlp'; readonly model: Model }) | (SnapshotBase & { readonly kind: 'cnn'; readonly model: Cnn });

interface SnapshotBase {
  readonly step: number;
  /** The held-out set the lab evaluates on (null when the run has none). */
  readonly test: Dataset | null;
  /** The BN network diverged (its weights are not finite). */
  readonly diverged: boolean;
  readonly settings: ExperimentSettings;
}

/** The 2-D region the boundary grid covers (square, so the canvas keeps the data's aspect ratio). */
export interface Extent {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

export interface LabPoints {
  /** [n × 2] coordinates, row-major. */
  readonly xy: Float32Array;
  readonly labels: Uint8Array;
}

export interface RunInfo {
  readonly trainRows: number;
  readonly testRows: number;
  readonly inputs: number;
  readonly classes: number;
  /** Widths of the hidden layers (the CNN: output channels of its blocks); the network has hidden.length + 1 weight layers. */
  readonly hidden: readonly number[];
  readonly stepsPerEpoch: number;
  readonly logEvery: number;
  readonly evalEvery: number;
  /** The probed unit (its input's quantiles are measured in every hidden layer); the CNN's probed channel. */
  readonly probeUnit: number;
  readonly maxSteps: number;
  /** The settings actually used (defaults filled in). */
  readonly settings: ExperimentSettings;
  /** 2-D data only: the points, and the region the boundary covers. */
  readonly points: { readonly train: LabPoints; readonly test: LabPoints } | null;
  readonly extent: Extent | null;
}

/** One network's decision boundary: per grid cell (row-major, first row at y1), its class and confidence. */
export interface BoundaryImage {
  readonly classes: Uint8Array;
  /** max softmax probability, scaled to 0–255. */
  readonly confidence: Uint8Array;
}

export type LabEvent =
  | { readonly type: 'loading'; readonly runId: number; readonly what: string }
  | { readonly type: 'ready'; readonly runId: number; readonly info: RunInfo }
  /** Logged steps since the last metrics event, and where the run stands. */
  | {
      readonly type: 'metrics';
      readonly runId: number;
      readonly step: number;
      readonly logs: Readonly<Record<VariantName, StepMetrics[]>>;
      readonly diverged: Readonly<Record<VariantName, Divergence | null>>;
    }
  | {
      readonly type: 'boundary';
      readonly runId: number;
      readonly step: number;
      readonly resolution: number;
      readonly extent: Extent;
      /** null once that network has diverged (its last boundary stays meaningful). */
      readonly images: Readonly<Record<VariantName, BoundaryImage | null>>;
    }
  /** Playing or not, and why it stopped when it stopped by itself. */
  | {
      readonly type: 'status';
      readonly runId: number;
      readonly playing: boolean;
      readonly step: number;
      /** Steps per second of each network over the last second of play (0 for one that no longer trains). */
      readonly stepsPerSecond: Readonly<Record<VariantName, number>>;
      readonly stopped: 'both-diverged' | 'step-limit' | null;
    }
  | {
      readonly type: 'sweep';
      readonly runId: number;
      readonly done: boolean;
      readonly completedSteps: number;
      readonly totalSteps: number;
      readonly points: readonly SweepPoint[];
    }
  | { readonly type: 'error'; readonly runId: number; readonly job: 'run' | 'sweep'; readonly message: string }
  /** The answer to a 'snapshot' request: null while the run is loading or has been replaced. */
  | { readonly type: 'snapshot'; readonly runId: number; readonly requestId: number; readonly snapshot: LabSnapshot | null };
