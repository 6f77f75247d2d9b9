import { EngineError } from './errors';
import type { LinearLayer, Model } from './model';
import type { Workspace } from './modelPass';

/**
 * Scale invariance, seen in the gradient. With BN directly after z = x·W (+ b), L(c·W) = L(W) for
 * c > 0 up to BN's ε, so d/dc L(c·W) at c = 1, which is Σ_i W[i, j]·∂L/∂W[i, j] for each output unit j,
 * vanishes: the gradient is orthogonal to W's columns. Exactly, with ε (z − μ = √(σ²+ε)·ẑ and
 * Σ_s ∂L/∂z·ẑ = (γ/√(σ²+ε))·(ε/(σ²+ε))·∂L/∂γ, see bnDerivation.ts):
 *
 *   Σ_i W[i, j]·∂L/∂W[i, j] = Σ_s z_sj·∂L/∂z_sj = γ_j·ε/(σ²_j + ε)·∂L/∂γ_j      (train mode, batch σ²)
 *
 * which is ε/(σ² + ε) times γ_j·∂L/∂γ_j (about 1e-5 of it when σ² ≈ 1, large where σ² nears ε; next to
 * ‖W_j‖·‖∂L/∂W_j‖ it can be much bigger) and 0 up to rounding (≈ 1e-16) when ε = 0. Without BN after the layer there is no such identity and the sum is of the size of its terms.
 * So plain SGD, W ← W − η·g with W·g ≈ 0, makes ‖W‖ grow every step: ‖W − ηg‖² = ‖W‖² + η²‖g‖²
 * (− 2η·W·g, the ε part), and since g scales as 1/‖W‖ the effective step η/‖W‖² shrinks.
 */
export interface WeightGradDot {
  /** Layer number l of W_l, and whether a BN directly follows it (the scale-invariant case). */
  readonly index: number;
  readonly bnFollows: boolean;
  /** Per output unit j: Σ_i W[i, j]·∂L/∂W[i, j]. */
  readonly dot: Float64Array;
  /** Per output unit j: ‖W[:, j]‖·‖∂L/∂W[:, j]‖, the largest |dot| could be (Cauchy–Schwarz). */
  readonly scale: Float64Array;
  /** Per output unit j: γ_j·ε/(σ²_j + ε)·∂L/∂γ_j, what BN's ε leaves of the dot; null without BN after W_l. */
  readonly epsTerm: Float64Array | null;
}

/** The dot and Cauchy–Schwarz scale of column j of W [in × out] with its gradient. */
function columnDot(layer: LinearLayer, j: number): { dot: number; scale: number } {
  const W = layer.W.data, G = layer.dW.data, n = layer.outputs;
  let dot = 0, ww = 0, gg = 0;
  for (let i = 0, at = j; i < layer.inputs; i++, at += n) {
    dot += W[at] * G[at];
    ww += W[at] * W[at];
    gg += G[at] * G[at];
  }
  return { dot, scale: Math.sqrt(ww) * Math.sqrt(gg) };
}

/**
 * Σ_i W[i, j]·∂L/∂W[i, j] per output unit, for every linear layer of `model`, from the gradients of the
 * last `forwardLoss` + `backward` on `ws` (train mode: the BN records hold the batch's σ²).
 * Allocates the result; does not modify the model or the workspace.
 * @throws EngineError unless `ws` holds a backward pass of this model.
 */
export function weightGradDots(model: Model, ws: Workspace): WeightGradDot[] {
  if (ws.model !== model || !ws.hasGrads) throw new EngineError('config', 'weightGradDots needs forwardLoss and backward of this model on the workspace first');
  const out: WeightGradDot[] = [];
  model.layers.forEach((layer, k) => {
    if (layer.kind !== 'linear') return;
    const next = model.layers[k + 1];
    const bn = next?.kind === 'batchnorm' ? next : null;
    const rec = bn ? ws.bn[k + 1] : null;
    const n = layer.outputs;
    const dot = new Float64Array(n), scale = new Float64Array(n);
    const epsTerm = bn && rec ? new Float64Array(n) : null;
    for (let j = 0; j < n; j++) {
      const c = columnDot(layer, j);
      dot[j] = c.dot;
      scale[j] = c.scale;
      if (epsTerm && bn && rec) epsTerm[j] = (bn.gamma[j] * bn.eps * bn.dGamma[j]) / (rec.variance[j] + bn.eps);
    }
    out.push({ index: layer.index, bnFollows: bn !== null, dot, scale, epsTerm });
  });
  return out;
}

/** max_j |dot_j| / scale_j: how far from orthogonal W's columns and their gradients are (0 when a scale is 0). */
export function maxRelativeDot(d: WeightGradDot): number {
  let worst = 0;
  for (let j = 0; j < d.dot.length; j++) if (d.scale[j] > 0) worst = Math.max(worst, Math.abs(d.dot[j]) / d.scale[j]);
  return worst;
}

/**
 * max_j |dot_j − epsTerm_j| / scale_j: what is left of the dot once BN's ε part is taken out, rounding
 * only (≈ 1e-15); null for a layer without BN after it.
 */
export function maxResidualAfterEps(d: WeightGradDot): number | null {
  const eps = d.epsTerm;
  if (!eps) return null;
  let worst = 0;
  for (let j = 0; j < d.dot.length; j++) if (d.scale[j] > 0) worst = Math.max(worst, Math.abs(d.dot[j] - eps[j]) / d.scale[j]);
  return worst;
}
