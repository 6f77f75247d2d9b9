import { EngineError } from './errors';
import { type Matrix, ensure, matmul, matmulTransA, matmulTransB, zeros } from './matrix';
import { type Shape4, type Tensor4, assertShape4, ensure4, formatShape, zeros4 } from './tensor4';
import { col2im, im2col } from './im2col';

/**
 * A 2-D convolution with PyTorch's semantics (nn.Conv2d, groups = 1): cross-correlation, zero padding
 * p on every side, stride s. For x [n, C, H, W] and weight [O, C, kh, kw] the output is
 * y [n, O, OH, OW] with OH = ⌊(H + 2p − kh)/s⌋ + 1 (and OW likewise):
 *
 *   y[i, o, oy, ox] = b[o] + Σ_c Σ_ki Σ_kj W[o, c, ki, kj] · x[i, c, oy·s + ki − p, ox·s + kj − p]
 *
 * (x is 0 outside the image). Computed as one matrix product on the existing kernels: with
 * cols = im2col(x), [C·kh·kw × n·OH·OW], the product W · cols is [O × n·OH·OW]. The exact backward:
 *   dW = dY · colsᵀ,   db[o] = Σ dy[·, o, ·, ·],   dx = col2im(Wᵀ · dY).
 */
export interface Conv2d {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelH: number;
  readonly kernelW: number;
  readonly stride: number;
  readonly padding: number;
  /** The weight [O, C, kh, kw] row-major, which is the [O × C·kh·kw] matrix the product uses. */
  readonly W: Matrix;
  /** Bias, one per output channel; null without one (as before a BatchNorm2d). */
  readonly b: Float64Array | null;
}

export interface Conv2dOptions {
  /** Default 1. */
  stride?: number;
  /** Zeros added on every side; default 0. */
  padding?: number;
  /** Default true. */
  bias?: boolean;
}

/** A convolution with zero weights and bias (fill W with an initializer). */
export function createConv2d(inChannels: number, outChannels: number, kernel: number | readonly [number, number], options: Conv2dOptions = {}): Conv2d {
  const [kernelH, kernelW] = typeof kernel === 'number' ? [kernel, kernel] : kernel;
  const stride = options.stride ?? 1, padding = options.padding ?? 0;
  const positive = [inChannels, outChannels, kernelH, kernelW, stride];
  if (!positive.every((v) => Number.isInteger(v) && v >= 1) || !(Number.isInteger(padding) && padding >= 0)) {
    throw new EngineError(
      'config',
      `conv2d needs positive integer channels, kernel size and stride and an integer padding ≥ 0, got in ${inChannels}, out ${outChannels}, kernel ${kernelH}×${kernelW}, stride ${stride}, padding ${padding}`,
    );
  }
  const bias = options.bias ?? true;
  return { inChannels, outChannels, kernelH, kernelW, stride, padding, W: zeros(outChannels, inChannels * kernelH * kernelW), b: bias ? new Float64Array(outChannels) : null };
}

/**
 * @throws EngineError, with PyTorch's wording, when the channels of an input of `shape` do not match
 * the weight or the kernel is larger than the padded input.
 */
function checkConv2dInput(conv: Conv2d, shape: Shape4): void {
  const c = shape[1], h = shape[2], w = shape[3];
  const { inChannels, outChannels, kernelH: kh, kernelW: kw, padding: p } = conv;
  if (c !== inChannels) {
    throw new EngineError(
      'shape',
      `Given groups=1, weight of size ${formatShape([outChannels, inChannels, kh, kw])}, expected input${formatShape(shape)} to have ${inChannels} channels, but got ${c} channels instead`,
    );
  }
  if (h + 2 * p < kh || w + 2 * p < kw) {
    throw new EngineError(
      'shape',
      `Calculated padded input size per channel: (${h + 2 * p} x ${w + 2 * p}). Kernel size: (${kh} x ${kw}). Kernel size can't be greater than actual input size`,
    );
  }
}

/** ⌊(size + 2p − k)/s⌋ + 1. */
const outputSize = (size: number, k: number, s: number, p: number): number => Math.floor((size + 2 * p - k) / s) + 1;

/** The output shape [n, O, OH, OW] for an input of `shape`. @throws EngineError as `conv2dForward`. */
export function conv2dOutputShape(conv: Conv2d, shape: Shape4): Shape4 {
  checkConv2dInput(conv, shape);
  const { kernelH: kh, kernelW: kw, stride: s, padding: p } = conv;
  return [shape[0], conv.outChannels, outputSize(shape[2], kh, s, p), outputSize(shape[3], kw, s, p)];
}

/** Everything the forward pass keeps for the backward pass; reused across calls of the same shape. */
export interface Conv2dForward {
  /** The input of the last pass (a reference, not a copy). */
  x: Tensor4;
  /** Output [n, O, OH, OW]. */
  readonly y: Tensor4;
  /** im2col(x), [C·kh·kw × n·OH·OW]. */
  readonly cols: Matrix;
  /** W · cols, [O × n·OH·OW] (channel-major: the output before it is laid out as NCHW). */
  readonly yCols: Matrix;
  /** Backward scratch, allocated by the first backward pass: dY as [O × n·OH·OW], and Wᵀ · dY. */
  dyCols: Matrix | null;
  dCols: Matrix | null;
  /** Backward scratch: dWᵀ = cols · dYᵀ, [C·kh·kw × O]. */
  dWt: Matrix | null;
}

/**
 * Forward pass; x is [n, C, H, W]. Writes into `out` (no allocation) when it has the shapes.
 * @throws EngineError on a channel mismatch or a kernel larger than the padded input.
 */
export function conv2dForward(conv: Conv2d, x: Tensor4, out?: Conv2dForward): Conv2dForward {
  checkConv2dInput(conv, x.shape);
  const n = x.shape[0], O = conv.outChannels, K = conv.W.cols;
  const oh = outputSize(x.shape[2], conv.kernelH, conv.stride, conv.padding);
  const ow = outputSize(x.shape[3], conv.kernelW, conv.stride, conv.padding), P = oh * ow;
  let f = out;
  const y = f?.y.shape;
  if (!f || !y || y[0] !== n || y[1] !== O || y[2] !== oh || y[3] !== ow || f.cols.rows !== K) {
    f = { x, y: zeros4([n, O, oh, ow]), cols: zeros(K, n * P), yCols: zeros(O, n * P), dyCols: null, dCols: null, dWt: null };
  }
  f.x = x;
  im2col(x.data, x.shape, conv, oh, ow, f.cols.data);
  matmul(conv.W, f.cols, f.yCols);
  // NCHW: y[i, o, q] = yCols[o, i·P + q] + b[o].
  const Y = f.y.data, YC = f.yCols.data, b = conv.b, NP = n * P;
  for (let o = 0; o < O; o++) {
    const bo = b ? b[o] : 0;
    for (let i = 0; i < n; i++) {
      const src = o * NP + i * P, dst = (i * O + o) * P;
      for (let q = 0; q < P; q++) Y[dst + q] = YC[src + q] + bo;
    }
  }
  return f;
}

export interface Conv2dGrads {
  /** ∂L/∂W, [O × C·kh·kw] (the [O, C, kh, kw] weight's layout). */
  readonly dW: Matrix;
  /** ∂L/∂b = Σ over n, OH, OW of dy; null without a bias. */
  readonly db: Float64Array | null;
  /** ∂L/∂x, [n, C, H, W]; null when not requested (the first layer). */
  readonly dx: Tensor4 | null;
}

/**
 * The exact backward pass through the last `conv2dForward` (`fwd`), given dy [n, O, OH, OW].
 * OVERWRITES the buffers of `out` it reuses (those whose shapes fit) and returns `out` itself when
 * all fit; mutates `fwd`'s scratch. Computes dx only when `needInput`.
 */
export function conv2dBackward(conv: Conv2d, fwd: Conv2dForward, dy: Tensor4, needInput = true, out?: Conv2dGrads): Conv2dGrads {
  assertShape4('∂L/∂y', dy, fwd.y.shape);
  const n = fwd.y.shape[0], O = fwd.y.shape[1], oh = fwd.y.shape[2], ow = fwd.y.shape[3];
  const P = oh * ow, NP = n * P, K = conv.W.cols;
  const dyCols = (fwd.dyCols = ensure(fwd.dyCols ?? undefined, O, NP));
  const DY = dy.data, DC = dyCols.data;
  for (let o = 0; o < O; o++) {
    for (let i = 0; i < n; i++) {
      const dst = o * NP + i * P, src = (i * O + o) * P;
      for (let q = 0; q < P; q++) DC[dst + q] = DY[src + q];
    }
  }
  // dW = dY · colsᵀ. When cols has more rows than dY (C·kh·kw > O), compute its transpose cols · dYᵀ
  // instead: the product kernel then gathers its transposed operand from the smaller dY. Each entry is
  // the same sum in the same order, so the result is bit for bit the same.
  let dW: Matrix;
  if (K > O) {
    const dWt = (fwd.dWt = matmulTransB(fwd.cols, dyCols, fwd.dWt ?? undefined));
    dW = ensure(out?.dW, O, K);
    const DW = dW.data, DWT = dWt.data;
    for (let o = 0; o < O; o++) for (let r = 0; r < K; r++) DW[o * K + r] = DWT[r * O + o];
  } else {
    dW = matmulTransB(dyCols, fwd.cols, out?.dW);
  }
  let db: Float64Array | null = null;
  if (conv.b) {
    db = out?.db && out.db.length === O ? out.db : new Float64Array(O);
    for (let o = 0; o < O; o++) {
      let s = 0;
      for (let r = o * NP, end = r + NP; r < end; r++) s += DC[r];
      db[o] = s;
    }
  }
  let dx: Tensor4 | null = null;
  if (needInput) {
    const dCols = (fwd.dCols = ensure(fwd.dCols ?? undefined, K, NP));
    matmulTransA(conv.W, dyCols, dCols);
    dx = ensure4(out?.dx ?? undefined, fwd.x.shape);
    col2im(dCols.data, fwd.x.shape, conv, oh, ow, dx.data);
  }
  if (out && out.dW === dW && out.db === db && out.dx === dx) return out;
  return { dW, db, dx };
}
