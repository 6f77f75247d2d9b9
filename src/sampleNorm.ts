import { EngineError } from './errors';

/**
 * The normalizations that take their statistics from ONE sample, never from the batch: LayerNorm,
 * GroupNorm, InstanceNorm and RMSNorm (PyTorch's nn.LayerNorm, nn.GroupNorm, nn.InstanceNorm2d,
 * nn.RMSNorm). They share one kernel. A sample is a contiguous block of C·P numbers: C "channels"
 * of P values each (NCHW: P = H·W pixels; a matrix row or a sample's whole [c, h, w] under LayerNorm or
 * RMSNorm: C = every element, P = 1, so γ and β are elementwise). The block is cut into G groups of
 * M = (C/G)·P consecutive numbers, and each group of each sample is normalized with its own
 *
 *   μ = (1/M) Σ x      σ² = (1/M) Σ (x − μ)²  (biased, two passes)      x̂ = (x − μ)/√(σ² + ε)
 *
 * (RMSNorm: no μ; x̂ = x/√((1/M) Σ x² + ε)), then y = γ_c·x̂ + β_c per channel c (γ, β absent: 1 and 0).
 * LayerNorm is G = 1; InstanceNorm is G = C with no γ, β; GroupNorm any G dividing C.
 * No running statistics: train and eval mode compute the same thing, so there is no mode.
 */
export type SampleNormKind = 'layer' | 'group' | 'instance' | 'rms';

export interface SampleNorm {
  readonly norm: SampleNormKind;
  /** C: channels (GroupNorm, InstanceNorm) or elements (LayerNorm, RMSNorm) per sample, one γ_c, β_c each. */
  readonly channels: number;
  /** G: groups per sample (1 for LayerNorm and RMSNorm, C for InstanceNorm). */
  readonly groups: number;
  eps: number;
  /** γ (PyTorch's weight), one per channel; null without the affine part. */
  readonly gamma: Float64Array | null;
  /** β (PyTorch's bias); null without the affine part, and always for RMSNorm. */
  readonly beta: Float64Array | null;
}

/** What the forward pass computed, reused across calls of the same batch size. */
export interface SampleNormForward {
  /** Samples n in the batch, and P, the values per channel per sample (H·W, or 1). */
  readonly n: number;
  readonly pixels: number;
  /** Output and x̂, n·C·P numbers each, laid out as the input. */
  readonly y: Float64Array;
  readonly xHat: Float64Array;
  /** Per sample and group (index i·G + g): μ (0 for RMSNorm) and 1/√(σ² + ε) (RMSNorm: 1/√(mean x² + ε)). */
  readonly mean: Float64Array;
  readonly invStd: Float64Array;
}

export interface SampleNormGrads {
  /** ∂L/∂x, laid out as the input. */
  readonly dx: Float64Array;
  /** ∂L/∂γ = Σ dy·x̂ and ∂L/∂β = Σ dy over samples and pixels; null where the layer has no such parameter. */
  readonly dGamma: Float64Array | null;
  readonly dBeta: Float64Array | null;
}

/** `out` if it fits n samples of P pixels, else a new record. */
function ensureForward(norm: SampleNorm, n: number, P: number, out?: SampleNormForward): SampleNormForward {
  const len = n * norm.channels * P;
  if (out && out.n === n && out.pixels === P && out.y.length === len && out.mean.length === n * norm.groups) return out;
  return { n, pixels: P, y: new Float64Array(len), xHat: new Float64Array(len), mean: new Float64Array(n * norm.groups), invStd: new Float64Array(n * norm.groups) };
}

/** `out` if its buffers fit, else new ones (γ, β gradients only where the layer has γ, β). */
function ensureGrads(norm: SampleNorm, len: number, out?: SampleNormGrads): SampleNormGrads {
  const fits = out && out.dx.length === len && (out.dGamma?.length ?? 0) === (norm.gamma?.length ?? 0) && (out.dBeta?.length ?? 0) === (norm.beta?.length ?? 0);
  if (out && fits) return out;
  return {
    dx: new Float64Array(len),
    dGamma: norm.gamma ? new Float64Array(norm.channels) : null,
    dBeta: norm.beta ? new Float64Array(norm.channels) : null,
  };
}

/** The statistics of one group, x[start … start + M): writes mean[s] and invStd[s]. */
function groupStats(norm: SampleNorm, X: Float64Array, start: number, M: number, s: number, f: SampleNormForward): void {
  const end = start + M;
  if (norm.norm === 'rms') {
    let q = 0;
    for (let k = start; k < end; k++) q += X[k] * X[k];
    f.mean[s] = 0;
    f.invStd[s] = 1 / Math.sqrt(q / M + norm.eps);
    return;
  }
  let sum = 0;
  for (let k = start; k < end; k++) sum += X[k];
  const mu = sum / M;
  let q = 0;
  for (let k = start; k < end; k++) {
    const d = X[k] - mu;
    q += d * d;
  }
  f.mean[s] = mu;
  f.invStd[s] = 1 / Math.sqrt(q / M + norm.eps);
}

/**
 * Forward pass over n samples of `x` (n·C·P numbers, sample after sample), P values per channel.
 * Writes into `out` when it fits (no allocation in a steady step). Mutates nothing else.
 */
export function sampleNormForward(norm: SampleNorm, x: Float64Array, n: number, P: number, out?: SampleNormForward): SampleNormForward {
  const C = norm.channels, G = norm.groups, S = C * P, M = S / G, perGroup = C / G;
  if (x.length !== n * S) throw new EngineError('shape', `expected ${n} samples of ${S} values (${n * S}), got ${x.length}`);
  const f = ensureForward(norm, n, P, out);
  const { y, xHat, mean, invStd } = f;
  const gamma = norm.gamma, beta = norm.beta;
  for (let i = 0; i < n; i++) {
    for (let g = 0; g < G; g++) {
      const s = i * G + g, start = i * S + g * M;
      groupStats(norm, x, start, M, s, f);
      const mu = mean[s], inv = invStd[s];
      for (let cc = 0; cc < perGroup; cc++) {
        const c = g * perGroup + cc, gc = gamma ? gamma[c] : 1, bc = beta ? beta[c] : 0;
        for (let k = start + cc * P, end = k + P; k < end; k++) {
          const h = (x[k] - mu) * inv;
          xHat[k] = h;
          y[k] = gc * h + bc;
        }
      }
    }
  }
  return f;
}

/** dγ_c = Σ dy·x̂ and dβ_c = Σ dy over every sample and pixel of channel c (overwritten). */
function paramGrads(norm: SampleNorm, f: SampleNormForward, DY: Float64Array, g: SampleNormGrads): void {
  const C = norm.channels, P = f.pixels, S = C * P;
  g.dGamma?.fill(0);
  g.dBeta?.fill(0);
  for (let i = 0; i < f.n; i++) {
    for (let c = 0; c < C; c++) {
      let sb = 0, sg = 0;
      for (let k = i * S + c * P, end = k + P; k < end; k++) {
        sb += DY[k];
        sg += DY[k] * f.xHat[k];
      }
      if (g.dBeta) g.dBeta[c] += sb;
      if (g.dGamma) g.dGamma[c] += sg;
    }
  }
}

/**
 * The exact backward pass. With ĝ = dy·γ_c, per group of M numbers and inv its 1/√(σ² + ε):
 *   mean-centred (Layer, Group, Instance):  dx = (inv/M)·(M·ĝ − Σ ĝ − x̂·Σ ĝ·x̂)
 *   RMSNorm:                                 dx = inv·(ĝ − x̂·(1/M)·Σ ĝ·x̂)
 * and dγ, dβ as paramGrads. Writes into `out` when it fits.
 */
export function sampleNormBackward(norm: SampleNorm, f: SampleNormForward, dy: Float64Array, out?: SampleNormGrads): SampleNormGrads {
  if (dy.length !== f.y.length) throw new EngineError('shape', `∂L/∂y has ${dy.length} values, the forward pass had ${f.y.length}`);
  const C = norm.channels, P = f.pixels, G = norm.groups, S = C * P, M = S / G, perGroup = C / G;
  const g = ensureGrads(norm, f.y.length, out);
  paramGrads(norm, f, dy, g);
  const gamma = norm.gamma, xHat = f.xHat, dx = g.dx, rms = norm.norm === 'rms';
  for (let i = 0; i < f.n; i++) {
    for (let gr = 0; gr < G; gr++) {
      const s = i * G + gr, start = i * S + gr * M;
      let s1 = 0, s2 = 0;
      for (let cc = 0; cc < perGroup; cc++) {
        const gc = gamma ? gamma[gr * perGroup + cc] : 1;
        for (let k = start + cc * P, end = k + P; k < end; k++) {
          const gh = dy[k] * gc;
          s1 += gh;
          s2 += gh * xHat[k];
        }
      }
      const inv = f.invStd[s];
      for (let cc = 0; cc < perGroup; cc++) {
        const gc = gamma ? gamma[gr * perGroup + cc] : 1;
        for (let k = start + cc * P, end = k + P; k < end; k++) {
          const gh = dy[k] * gc;
          dx[k] = rms ? inv * (gh - (xHat[k] * s2) / M) : (inv / M) * (M * gh - s1 - xHat[k] * s2);
        }
      }
    }
  }
  return g;
}
