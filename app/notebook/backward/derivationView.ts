import { type BatchNormDerivation, batchNormDerivation } from '../../../src/bnDerivation';
import type { Matrix } from '../../../src/matrix';
import type { NotesContext } from '../pass/notesContext';

/** The BN layer of the notes' network whose ∂L/∂Z is derived: 1 (4 neurons) or 2 (3 classes). */
export type DerivationLayer = 1 | 2;

/** One sample's row of the derivation table, each number as shown. */
export interface DerivationRow {
  readonly i: number;
  readonly z: string;
  readonly zHat: string;
  readonly dy: string;
  readonly direct: string;
  readonly viaVariance: string;
  readonly viaMean: string;
  readonly dz: string;
}

export interface DerivationView {
  readonly layer: DerivationLayer;
  /** 0-based neuron (row of Z in the notes' orientation). */
  readonly neuron: number;
  readonly neurons: number;
  readonly d: BatchNormDerivation;
  /** Decimals of the table: enough that the shown terms add up to the shown ∂L/∂zᵢ (last digit ±1). */
  readonly decimals: number;
  readonly rows: readonly DerivationRow[];
  /** The row whose paths cancel most (largest |term| over |result|), when that ratio is over 10; else null. */
  readonly cancelRow: DerivationRow | null;
}

const column = (m: Matrix, j: number): Float64Array => Float64Array.from({ length: m.rows }, (_, i) => m.data[i * m.cols + j]);

/** x to `decimals` places as text, with a real minus sign. */
export const fixed = (x: number, decimals: number): string => {
  const s = x.toFixed(decimals);
  return (Number(s) === 0 ? s.replace('-', '') : s).replace('-', '−');
};

/**
 * The smallest number of decimals (3 … 12) at which, in every row, the three shown terms add up to the
 * shown result within one unit in the last place, and the smallest non-zero result keeps 2 significant digits.
 */
export function decimalsFor(d: Readonly<Record<'direct' | 'viaVariance' | 'viaMean' | 'dz', ArrayLike<number>>>): number {
  const smallest = Math.min(...Array.from(d.dz, (v) => (v === 0 ? Infinity : Math.abs(v))));
  const floor = Number.isFinite(smallest) ? Math.max(3, 1 - Math.floor(Math.log10(smallest))) : 3;
  for (let k = Math.min(floor, 12); k <= 12; k++) {
    const unit = 10 ** -k;
    const ok = Array.from(d.dz).every((dz, i) => {
      const shown = Number(d.direct[i].toFixed(k)) + Number(d.viaVariance[i].toFixed(k)) + Number(d.viaMean[i].toFixed(k));
      return Math.abs(shown - Number(dz.toFixed(k))) <= unit * 1.000001;
    });
    if (ok) return k;
  }
  return 12;
}

/**
 * ∂L/∂Z of one neuron of BN layer `layer`, derived path by path (src/bnDerivation.ts) on the notes' batch,
 * with the upstream ∂L/∂Z̃ of the backward pass the section shows.
 */
export function derivationView(ctx: NotesContext, layer: DerivationLayer, neuron: number): DerivationView {
  const { fwd, grads, state } = ctx;
  const z = layer === 1 ? fwd.z1 : fwd.z2;
  const upstream = layer === 1 ? grads.dZ1Tilde : grads.dZ2Tilde;
  const bn = layer === 1 ? state.net.bn1 : state.net.bn2;
  const j = Math.min(Math.max(0, Math.floor(neuron)), z.cols - 1);
  const d = batchNormDerivation(column(z, j), column(upstream, j), { gamma: bn.gamma[j], eps: bn.eps });
  const decimals = decimalsFor(d);
  const f = (x: number) => fixed(x, decimals);
  const rows = Array.from(d.dz, (dz, i) => ({
    i,
    z: fixed(column(z, j)[i], 3),
    zHat: fixed(d.zHat[i], 3),
    dy: f(d.dy[i]),
    direct: f(d.direct[i]),
    viaVariance: f(d.viaVariance[i]),
    viaMean: f(d.viaMean[i]),
    dz: f(dz),
  }));
  let worst = -1, worstRatio = 10;
  for (let i = 0; i < d.m; i++) {
    const term = Math.max(Math.abs(d.direct[i]), Math.abs(d.viaVariance[i]), Math.abs(d.viaMean[i]));
    const ratio = term / Math.abs(d.dz[i]);
    if (ratio > worstRatio) [worst, worstRatio] = [i, ratio];
  }
  return { layer, neuron: j, neurons: z.cols, d, decimals, rows, cancelRow: worst >= 0 ? rows[worst] : null };
}
