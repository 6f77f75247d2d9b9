import { type Dataset, selectRows } from '../../../src/datasets';
import { maxRelativeDot, maxResidualAfterEps, weightGradDots } from '../../../src/effectiveLr';
import { type DecayTrace, type EffectiveLrRun, createEffectiveLrRun, predictedNormSq } from '../../../src/effectiveLrRun';
import { type BatchNormLayer, type Model, cloneModel } from '../../../src/model';
import { backward, createWorkspace, forwardLoss } from '../../../src/modelPass';
import type { ExportTable } from '../../ui/export/table';

/**
 * The weight-decay section's pure view-models: the run of `createEffectiveLrRun` for the store's
 * settings, its charts' rows, the W·∂L/∂W read-out at the current step, and the one-step norm identity.
 */

/** The section's settings (the store's, see app/state/slices/beyond.ts). */
export interface WdSettings {
  readonly weightDecay: number;
  readonly lr: number;
  readonly eps: number;
  readonly steps: number;
}

/** The same BN network (2 → 16 → 16 → 3, BN before ReLU, the spiral) by plain SGD at λ = 0 and at the chosen λ. */
export function createWdRun(s: WdSettings): EffectiveLrRun {
  return createEffectiveLrRun({ lr: s.lr, eps: s.eps, steps: s.steps, weightDecays: [0, s.weightDecay] });
}

/** One point of the charts: ‖W‖ and η/‖W‖² of one layer at step t, at λ = 0 and at λ. */
export interface NormRow {
  readonly step: number;
  readonly norm0: number;
  readonly normDecay: number;
  readonly eff0: number;
  readonly effDecay: number;
}

/** Points per line: about one per three pixels of a chart on a laptop screen (the lines are smooth). */
export const MAX_POINTS = 200;

/** Steps 0 … last, every k-th so that at most `maxPoints` remain, plus the last one always. */
export function shownSteps(last: number, maxPoints = MAX_POINTS): number[] {
  const every = Math.max(1, Math.ceil((last + 1) / maxPoints));
  const out: number[] = [];
  for (let t = 0; t <= last; t += every) out.push(t);
  if (out.at(-1) !== last) out.push(last);
  return out;
}

const row = (run: EffectiveLrRun, layer: number, t: number): NormRow => {
  const [plain, decayed] = run.traces.map((tr) => tr.layers[layer]);
  return { step: t, norm0: plain.norm[t], normDecay: decayed.norm[t], eff0: plain.effectiveStep[t], effDecay: decayed.effectiveStep[t] };
};

/** The charts' rows for watched layer `layer` (0: W₁), thinned to `maxPoints`. */
export function normRows(run: EffectiveLrRun, layer: number, maxPoints = MAX_POINTS): NormRow[] {
  return shownSteps(run.step, maxPoints).map((t) => row(run, layer, t));
}

/** Every step's ‖W‖ and η/‖W‖² of layer `layer` (the charts' data table and downloads: not thinned). */
export function normTable(run: EffectiveLrRun, layer: number): ExportTable {
  const lam = run.traces[1].weightDecay;
  return {
    columns: [
      { key: 'step', label: 'training step' },
      { key: 'norm0', label: '‖W‖, λ = 0' },
      { key: 'normDecay', label: `‖W‖, λ = ${lam}` },
      { key: 'eff0', label: 'η/‖W‖², λ = 0' },
      { key: 'effDecay', label: `η/‖W‖², λ = ${lam}` },
    ],
    rows: Array.from({ length: run.step + 1 }, (_, t) => ({ ...row(run, layer, t) })),
  };
}

/** A fixed batch of m training points, spread over the (class-ordered) set: where the read-out's gradient is taken. */
export function probeBatch(train: Dataset, m: number): Dataset {
  const n = train.x.rows;
  return selectRows(train, Int32Array.from({ length: m }, (_, i) => Math.floor((i * n) / m)));
}

/** What W·∂L/∂W is for one output unit j of a layer BN follows, with the parts of BN's ε identity. */
export interface UnitDot {
  readonly unit: number;
  /** Σ_i W[i, j]·∂L/∂W[i, j], and its Cauchy–Schwarz scale ‖W_j‖·‖∂L/∂W_j‖. */
  readonly dot: number;
  readonly scale: number;
  /** γ_j·ε/(σ²_j + ε)·∂L/∂γ_j and its parts (σ²_j: the batch's biased variance). */
  readonly epsTerm: number;
  readonly gamma: number;
  readonly variance: number;
  readonly dGamma: number;
}

/** The read-out of one layer W_l: the largest |dot|/scale, |ε part|/scale and residual over its units, and the unit with the largest |dot|/scale. */
export interface LayerDots {
  readonly index: number;
  readonly maxDot: number;
  readonly maxEps: number;
  /** max_j |dot_j − ε part_j|/scale_j: rounding. */
  readonly residual: number;
  readonly worst: UnitDot;
}

function unitDot(bn: BatchNormLayer, d: ReturnType<typeof weightGradDots>[number], variance: Float64Array, j: number): UnitDot {
  return { unit: j, dot: d.dot[j], scale: d.scale[j], epsTerm: d.epsTerm?.[j] ?? 0, gamma: bn.gamma[j], variance: variance[j], dGamma: bn.dGamma[j] };
}

/**
 * W·∂L/∂W per output unit of every layer BN follows, for `model` as it is now (a copy takes the
 * train-mode gradient on `batch`: the model, its running statistics and the run are not touched).
 */
export function dotReadout(model: Model, batch: Dataset): LayerDots[] {
  const copy = cloneModel(model);
  const ws = createWorkspace();
  forwardLoss(copy, batch.x, batch.y, ws, { mode: 'train', updateRunningStats: false });
  backward(copy, ws);
  return weightGradDots(copy, ws).flatMap((d) => {
    const k = copy.layers.findIndex((l) => l.kind === 'linear' && l.index === d.index);
    const bn = copy.layers[k + 1];
    const rec = ws.bn[k + 1];
    if (!d.bnFollows || bn?.kind !== 'batchnorm' || !rec || !d.epsTerm) return [];
    let worst = 0, maxEps = 0;
    for (let j = 0; j < d.dot.length; j++) {
      if (Math.abs(d.dot[j]) / d.scale[j] > Math.abs(d.dot[worst]) / d.scale[worst]) worst = j;
      if (d.scale[j] > 0) maxEps = Math.max(maxEps, Math.abs(d.epsTerm[j]) / d.scale[j]);
    }
    return [{ index: d.index, maxDot: maxRelativeDot(d), maxEps, residual: maxResidualAfterEps(d) ?? NaN, worst: unitDot(bn, d, rec.variance, worst) }];
  });
}

/** The one-step norm identity at the last step taken (t → t + 1), for one trace and watched layer. */
export interface NormStep {
  readonly t: number;
  readonly weightDecay: number;
  /** ‖W_t‖², (1 − ηλ)²‖W_t‖², ‖W_{t+1}‖² (measured), η²‖g_t‖² and −2η(1 − ηλ)·W_t·g_t. */
  readonly before: number;
  readonly decayed: number;
  readonly after: number;
  readonly gradPart: number;
  readonly dotPart: number;
  /** |after − the full identity| / after: rounding (≈ 1e-15). */
  readonly fullError: number;
  /** |after − (‖W_t‖² + η²‖g_t‖²)| / after: what the short form (λ = 0, W·g = 0) leaves out. */
  readonly shortGap: number;
}

/** The identity at the run's last step for trace `trace` and watched layer `layer`; null at step 0. */
export function normStep(run: EffectiveLrRun, trace: DecayTrace, layer: number): NormStep | null {
  const t = run.step - 1;
  if (t < 0) return null;
  const rec = trace.layers[layer];
  const lr = run.options.lr, keep = 1 - lr * trace.weightDecay;
  const before = rec.norm[t] ** 2, after = rec.norm[t + 1] ** 2;
  const gradPart = lr * lr * rec.gradNormSq[t];
  const full = predictedNormSq(trace, layer, t, lr);
  return {
    t, weightDecay: trace.weightDecay, before, decayed: keep * keep * before, after, gradPart,
    dotPart: -2 * lr * keep * rec.weightGradDot[t],
    fullError: Math.abs(after - full) / after,
    shortGap: Math.abs(after - (before + gradPart)) / after,
  };
}

/** The numbers the prose quotes for layer `layer`: ‖W‖ and η/‖W‖² at the start and now, for each λ. */
export function normSummary(run: EffectiveLrRun, layer: number) {
  return run.traces.map((tr) => {
    const rec = tr.layers[layer];
    return { weightDecay: tr.weightDecay, norm0: rec.norm[0], norm: rec.norm[run.step], eff0: rec.effectiveStep[0], eff: rec.effectiveStep[run.step] };
  });
}

/** At how many of the steps so far ‖W‖ grew (plain SGD with BN after W: at every one, unless BN's ε part outweighs η²‖g‖²). */
export function growingSteps(run: EffectiveLrRun, trace: DecayTrace, layer: number): number {
  const norm = trace.layers[layer].norm;
  let n = 0;
  for (let t = 0; t < run.step; t++) if (norm[t + 1] > norm[t]) n++;
  return n;
}

/**
 * A y range for a chart of `values` that changes only in jumps (so the axes are not redrawn at every
 * frame of a run): ends rounded outward to a multiple of a power of ten near a fifth of the spread;
 * from 0 when `fromZero`.
 */
export function roundAxis(values: readonly number[], fromZero: boolean): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = fromZero ? 0 : Math.min(...finite), hi = Math.max(...finite);
  const spread = hi - lo || Math.abs(hi) || 1;
  const unit = 10 ** Math.floor(Math.log10(spread / 2));
  return [Math.floor(lo / unit) * unit, Math.ceil(hi / unit) * unit];
}
