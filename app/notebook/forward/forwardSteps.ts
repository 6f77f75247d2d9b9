import type { Matrix } from '../../../src/matrix';
import { NOTES_CLASSES, oneHot } from '../../../src/notesNetwork';
import { fmt, tex } from '../../ui/format';
import type { NotesContext } from '../pass/notesContext';
import { FORWARD_TITLES } from '../../outline';
import { type MatrixPanel, at, batchPanel, eq2, factor, sumLines, term, vectorPanel, weightPanel } from '../pass/notesMatrices';

/** One equation of a pass, shaped for display: symbolic, with the selected entry's numbers, and its matrices. */
export interface StepView {
  readonly id: string;
  /** Short title for the step list and the progress text. */
  readonly title: string;
  /** The equation, symbolic (TeX). */
  readonly symbolic: string;
  /** The selected entry with the engine's numbers substituted (TeX). */
  readonly substituted: string;
  /** Matrices the equation reads. */
  readonly inputs: readonly MatrixPanel[];
  /** The matrix it produces (null for the scalar loss). */
  readonly output: MatrixPanel | null;
  /** Matrices shown after the output (the labels beside X). */
  readonly extras?: readonly MatrixPanel[];
}

/** The entry the reader picked, in the notes' orientation: row = neuron/class/feature, col = sample. */
export interface Cell {
  readonly row: number;
  readonly col: number;
}

const ZN = (l: number) => `Z_{${l}\\,\\mathrm{norm}}`;
const ZT = (l: number) => `\\tilde{Z}_{${l}\\,\\mathrm{norm}}`;

/** "(W₂A₁)_{j,i} = Σ_k w_jk a_ki" written out with the numbers (in lines of `wrap` terms, if given). */
function productEntry(name: string, w: Matrix, a: Matrix, out: Matrix, j: number, i: number, wrap?: number): string {
  const terms = Array.from({ length: w.cols }, (_, k) => `${k ? '+ ' : ''}${factor(at(w, j, k))}\\cdot${factor(at(a, k, i))}`);
  return eq2(`(${name})_{${j + 1},${i + 1}}`, sumLines(terms, wrap), tex(at(out, j, i), 4));
}

function normEntry(l: number, z: Matrix, mean: Float64Array, variance: Float64Array, eps: number, zn: Matrix, j: number, i: number): string {
  return eq2(
    `(${ZN(l)})_{${j + 1},${i + 1}}`,
    String.raw`\frac{${tex(at(z, j, i), 4)} ${term(-mean[j], false, 4)}}{\sqrt{${tex(variance[j], 4)} + ${tex(eps, 2)}}}`,
    tex(at(zn, j, i), 4),
  );
}

function affineEntry(l: number, gamma: Float64Array, beta: Float64Array, zn: Matrix, zt: Matrix, j: number, i: number): string {
  return eq2(`(${ZT(l)})_{${j + 1},${i + 1}}`, `${factor(gamma[j])}\\cdot${factor(at(zn, j, i), 4)} ${term(beta[j], false)}`, tex(at(zt, j, i), 4));
}

/** The matrices the forward pass reads and writes, in the notes' orientation. */
interface ForwardPanels {
  X: MatrixPanel;
  Y: MatrixPanel;
  W1: MatrixPanel;
  W2: MatrixPanel;
  Z1: MatrixPanel;
  Z1n: MatrixPanel;
  Z1t: MatrixPanel;
  A1: MatrixPanel;
  Z2: MatrixPanel;
  Z2n: MatrixPanel;
  Z2t: MatrixPanel;
  A2: MatrixPanel;
}

function forwardPanels(ctx: NotesContext): ForwardPanels {
  const { net, batch } = ctx.state;
  const f = ctx.fwd;
  return {
    X: batchPanel('X', 'X', batch.x, 'feature'),
    Y: batchPanel('Y_{\\mathrm{onehot}}', 'Y one-hot', oneHot(batch.labels, NOTES_CLASSES), 'class'),
    W1: weightPanel('W_1', 'W₁', net.layer1.W),
    W2: weightPanel('W_2', 'W₂', net.layer2.W, 'class'),
    Z1: batchPanel('Z_1', 'Z₁', f.z1),
    Z1n: batchPanel(ZN(1), 'Z₁norm', f.bn1.zHat),
    Z1t: batchPanel(ZT(1), 'Z̃₁norm', f.bn1.y),
    A1: batchPanel('A_1', 'A₁', f.a1),
    Z2: batchPanel('Z_2', 'Z₂', f.z2, 'class'),
    Z2n: batchPanel(ZN(2), 'Z₂norm', f.bn2.zHat, 'class'),
    Z2t: batchPanel(ZT(2), 'Z̃₂norm', f.bn2.y, 'class'),
    A2: batchPanel('A_2', 'A₂', f.a2, 'class'),
  };
}

/** What a step shows besides its equation: the selected entry worked out, and the matrices around it. */
type StepBody = Pick<StepView, 'substituted' | 'inputs' | 'output' | 'extras'>;

/** One step of a pass: its line in the step list, its full equation, and how it shows the selected entry. */
export interface PassStep<Panels, Body> {
  /** The step list's short TeX line. */
  readonly tex: string;
  /** The full equation, where it differs from `tex`. */
  readonly detail?: string;
  /** The full equation on a presentation slide, where the notebook's has a script too small for the back row. */
  readonly slide?: string;
  /** The stage of the network picture (NetPipeline) the step belongs to. */
  readonly stage: number;
  /**
   * The entry in row j, column i worked out with the engine's numbers, and the matrices it reads and
   * writes; long sums in lines of at most `wrap` terms when given (the presentation's screens).
   */
  readonly view: (p: Panels, j: number, i: number, ctx: NotesContext, wrap?: number) => Body;
}

/** The symbolic forward pass, corrected (+β), one entry per step; titles: FORWARD_TITLES (app/outline.ts), by index. */
export const FORWARD_STEPS: readonly PassStep<ForwardPanels, StepBody>[] = [
  {
    tex: String.raw`X,\ Y_{\mathrm{onehot}}`,
    detail: String.raw`X \in \mathbb{R}^{2\times m},\quad Y_{\mathrm{onehot}} \in \{0,1\}^{3\times m},\quad m = 6`,
    stage: 0,
    view: ({ X, Y }, _j, i, ctx) => ({
      substituted: String.raw`x^{(${i + 1})} = \left(${tex(at(X.matrix, 0, i), 4)},\ ${tex(at(X.matrix, 1, i), 4)}\right),\quad y_{${i + 1}} = \text{class } ${ctx.state.batch.labels[i] + 1}`,
      inputs: [],
      output: X,
      extras: [Y],
    }),
  },
  {
    tex: String.raw`Z_1 = W_1 \cdot X`,
    stage: 1,
    view: ({ W1, X, Z1 }, j, i, _ctx, wrap) => ({ substituted: productEntry('Z_1', W1.matrix, X.matrix, Z1.matrix, j, i, wrap), inputs: [W1, X], output: Z1 }),
  },
  {
    tex: String.raw`${ZN(1)} = \frac{Z_1 - \mu_1}{\sqrt{\sigma_1^2 + \varepsilon}}`,
    stage: 2,
    view: ({ Z1, Z1n }, j, i, { fwd: { bn1 }, eps }) => ({
      substituted: normEntry(1, Z1.matrix, bn1.mean, bn1.variance, eps, Z1n.matrix, j, i),
      inputs: [Z1, vectorPanel('\\mu_1', 'μ₁', bn1.mean), vectorPanel('\\sigma_1^2', 'σ₁²', bn1.variance)],
      output: Z1n,
    }),
  },
  {
    tex: String.raw`${ZT(1)} = \gamma_1 \odot ${ZN(1)} + \beta_1`,
    stage: 2,
    view: ({ Z1n, Z1t }, j, i, { state: { net } }) => ({
      substituted: affineEntry(1, net.bn1.gamma, net.bn1.beta, Z1n.matrix, Z1t.matrix, j, i),
      inputs: [vectorPanel('\\gamma_1', 'γ₁', net.bn1.gamma), vectorPanel('\\beta_1', 'β₁', net.bn1.beta), Z1n],
      output: Z1t,
    }),
  },
  {
    tex: String.raw`A_1 = \mathrm{ReLU}(${ZT(1)})`,
    stage: 3,
    view: ({ Z1t, A1 }, j, i) => ({
      substituted: eq2(`(A_1)_{${j + 1},${i + 1}}`, String.raw`\max\!\left(0,\ ${tex(at(Z1t.matrix, j, i), 4)}\right)`, tex(at(A1.matrix, j, i), 4)),
      inputs: [Z1t],
      output: A1,
    }),
  },
  {
    tex: String.raw`Z_2 = W_2 \cdot A_1`,
    stage: 4,
    view: ({ W2, A1, Z2 }, j, i, _ctx, wrap) => ({ substituted: productEntry('Z_2', W2.matrix, A1.matrix, Z2.matrix, j, i, wrap), inputs: [W2, A1], output: Z2 }),
  },
  {
    tex: String.raw`${ZN(2)} = \frac{Z_2 - \mu_2}{\sqrt{\sigma_2^2 + \varepsilon}}`,
    stage: 5,
    view: ({ Z2, Z2n }, j, i, { fwd: { bn2 }, eps }) => ({
      substituted: normEntry(2, Z2.matrix, bn2.mean, bn2.variance, eps, Z2n.matrix, j, i),
      inputs: [Z2, vectorPanel('\\mu_2', 'μ₂', bn2.mean, 'class'), vectorPanel('\\sigma_2^2', 'σ₂²', bn2.variance, 'class')],
      output: Z2n,
    }),
  },
  {
    tex: String.raw`${ZT(2)} = \gamma_2 \odot ${ZN(2)} + \beta_2`,
    stage: 5,
    view: ({ Z2n, Z2t }, j, i, { state: { net } }) => ({
      substituted: affineEntry(2, net.bn2.gamma, net.bn2.beta, Z2n.matrix, Z2t.matrix, j, i),
      inputs: [vectorPanel('\\gamma_2', 'γ₂', net.bn2.gamma, 'class'), vectorPanel('\\beta_2', 'β₂', net.bn2.beta, 'class'), Z2n],
      output: Z2t,
    }),
  },
  {
    tex: String.raw`A_2 = \mathrm{softmax}(${ZT(2)})`,
    stage: 6,
    view: ({ Z2t, A2 }, j, i) => {
      const exps = Array.from({ length: NOTES_CLASSES }, (_, k) => `e^{${tex(at(Z2t.matrix, k, i), 3)}}`);
      return {
        substituted: eq2(`(A_2)_{${j + 1},${i + 1}}`, String.raw`\frac{${exps[j]}}{${exps.join(' + ')}}`, tex(at(A2.matrix, j, i), 4)),
        inputs: [Z2t],
        output: A2,
      };
    },
  },
  {
    tex: String.raw`L = \mathrm{CCE}(A_2, Y_{\mathrm{onehot}})`,
    detail: String.raw`L = \mathrm{CCE}(A_2, Y_{\mathrm{onehot}}) = -\frac{1}{m}\sum_{i=1}^{m} \log\, (A_2)_{y_i,\,i}`,
    slide: String.raw`L = \mathrm{CCE}(A_2, Y_{\mathrm{onehot}}) = -\frac{1}{m}\sum_{i=1}^{m} \log\, A_2[y_i,\,i]`,
    stage: 7,
    view: ({ A2, Y }, _j, _i, { state: { batch }, fwd }, wrap) => {
      const logs = Array.from(batch.labels, (y, s) => `${s ? '+ ' : ''}\\log ${tex(at(A2.matrix, y, s), 3)}`);
      // \left( … \right) cannot break across lines; \Big( … \Big) can.
      const [open, close] = wrap ? ['\\Big(', '\\Big)'] : ['\\left(', '\\right)'];
      return {
        // The logs are shorter than products: one more a line.
        substituted: eq2('L', String.raw`-\frac{1}{${batch.x.rows}}${open}${sumLines(logs, wrap && wrap + 1)}${close}`, tex(fwd.loss, 4)),
        inputs: [A2, Y],
        output: null,
      };
    },
  },
];

/** The step list's TeX lines, in order. */
export const FORWARD_TEX: readonly string[] = FORWARD_STEPS.map((s) => s.tex);

/** Which stage of the network picture (NetPipeline) each forward step belongs to. */
export const FORWARD_STAGE: readonly number[] = FORWARD_STEPS.map((s) => s.stage);

/** The forward step `step` (0-based), with `cell` the selected entry of its output; long sums in lines of `wrap` terms, if given. */
export function forwardStepView(ctx: NotesContext, step: number, cell: Cell, wrap?: number): StepView {
  const s = FORWARD_STEPS[step] as (typeof FORWARD_STEPS)[number] | undefined;
  if (!s) throw new RangeError(`the forward pass has ${FORWARD_STEPS.length} steps, not step ${step}`);
  const body = s.view(forwardPanels(ctx), cell.row, cell.col, ctx, wrap);
  const symbolic = (wrap === undefined ? undefined : s.slide) ?? s.detail ?? s.tex;
  return { id: `forward-${step}`, title: FORWARD_TITLES[step], symbolic, ...body };
}

/** "4 of 6 samples classified correctly" and the loss, in words. */
export function forwardSummary(ctx: NotesContext): string {
  return `loss ${fmt(ctx.fwd.loss, 4)}, ${ctx.fwd.correct} of ${ctx.state.batch.x.rows} samples classified correctly`;
}
