import { type Matrix, NOTES_CLASSES, oneHot } from '../../../src';
import { fmt, tex } from '../../ui/format';
import type { NotesContext } from '../pass/notesContext';
import { FORWARD_TITLES } from '../../outline';
import { type MatrixPanel, at, batchPanel, eq2, factor, term, vectorPanel, weightPanel } from '../pass/notesMatrices';

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

/** Titles of the forward pass (kept in passTitles.ts, which the deck loads first). */
export { FORWARD_TITLES };

/** The symbolic forward pass, corrected (+β), one short TeX line per step (the step list). */
export const FORWARD_TEX: readonly string[] = [
  String.raw`X,\ Y_{\mathrm{onehot}}`,
  String.raw`Z_1 = W_1 \cdot X`,
  String.raw`${ZN(1)} = \frac{Z_1 - \mu_1}{\sqrt{\sigma_1^2 + \varepsilon}}`,
  String.raw`${ZT(1)} = \gamma_1 \odot ${ZN(1)} + \beta_1`,
  String.raw`A_1 = \mathrm{ReLU}(${ZT(1)})`,
  String.raw`Z_2 = W_2 \cdot A_1`,
  String.raw`${ZN(2)} = \frac{Z_2 - \mu_2}{\sqrt{\sigma_2^2 + \varepsilon}}`,
  String.raw`${ZT(2)} = \gamma_2 \odot ${ZN(2)} + \beta_2`,
  String.raw`A_2 = \mathrm{softmax}(${ZT(2)})`,
  String.raw`L = \mathrm{CCE}(A_2, Y_{\mathrm{onehot}})`,
];

/** Where the full equation differs from the step list's short one. */
const FORWARD_DETAIL: Readonly<Record<number, string>> = {
  0: String.raw`X \in \mathbb{R}^{2\times m},\quad Y_{\mathrm{onehot}} \in \{0,1\}^{3\times m},\quad m = 6`,
  9: String.raw`L = \mathrm{CCE}(A_2, Y_{\mathrm{onehot}}) = -\frac{1}{m}\sum_{i=1}^{m} \log\, (A_2)_{y_i,\,i}`,
};

/** "(W₂A₁)_{j,i} = Σ_k w_jk a_ki" written out with the numbers. */
function productEntry(name: string, w: Matrix, a: Matrix, out: Matrix, j: number, i: number): string {
  const terms = Array.from({ length: w.cols }, (_, k) => `${factor(at(w, j, k))}\\cdot${factor(at(a, k, i))}`);
  return eq2(`(${name})_{${j + 1},${i + 1}}`, terms.join(' + '), tex(at(out, j, i), 4));
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

/** The forward step `step` (0-based), with `cell` the selected entry of its output. */
export function forwardStepView(ctx: NotesContext, step: number, cell: Cell): StepView {
  const { net, batch } = ctx.state;
  const f = ctx.fwd;
  const X = batchPanel('X', 'X', batch.x, 'feature');
  const Y = batchPanel('Y_{\\mathrm{onehot}}', 'Y one-hot', oneHot(batch.labels, NOTES_CLASSES), 'class');
  const W1 = weightPanel('W_1', 'W₁', net.layer1.W);
  const W2 = weightPanel('W_2', 'W₂', net.layer2.W, 'class');
  const Z1 = batchPanel('Z_1', 'Z₁', f.z1);
  const Z1n = batchPanel(ZN(1), 'Z₁norm', f.bn1.zHat);
  const Z1t = batchPanel(ZT(1), 'Z̃₁norm', f.bn1.y);
  const A1 = batchPanel('A_1', 'A₁', f.a1);
  const Z2 = batchPanel('Z_2', 'Z₂', f.z2, 'class');
  const Z2n = batchPanel(ZN(2), 'Z₂norm', f.bn2.zHat, 'class');
  const Z2t = batchPanel(ZT(2), 'Z̃₂norm', f.bn2.y, 'class');
  const A2 = batchPanel('A_2', 'A₂', f.a2, 'class');
  const { row: j, col: i } = cell;
  const base = { id: `forward-${step}`, title: FORWARD_TITLES[step], symbolic: FORWARD_DETAIL[step] ?? FORWARD_TEX[step] };
  switch (step) {
    case 0:
      return {
        ...base,
        substituted: String.raw`x^{(${i + 1})} = \left(${tex(at(X.matrix, 0, i), 4)},\ ${tex(at(X.matrix, 1, i), 4)}\right),\quad y_{${i + 1}} = \text{class } ${batch.labels[i] + 1}`,
        inputs: [],
        output: X,
        extras: [Y],
      };
    case 1:
      return { ...base, substituted: productEntry('Z_1', W1.matrix, X.matrix, Z1.matrix, j, i), inputs: [W1, X], output: Z1 };
    case 2:
      return {
        ...base,
        substituted: normEntry(1, Z1.matrix, f.bn1.mean, f.bn1.variance, ctx.eps, Z1n.matrix, j, i),
        inputs: [Z1, vectorPanel('\\mu_1', 'μ₁', f.bn1.mean), vectorPanel('\\sigma_1^2', 'σ₁²', f.bn1.variance)],
        output: Z1n,
      };
    case 3:
      return {
        ...base,
        substituted: affineEntry(1, net.bn1.gamma, net.bn1.beta, Z1n.matrix, Z1t.matrix, j, i),
        inputs: [vectorPanel('\\gamma_1', 'γ₁', net.bn1.gamma), vectorPanel('\\beta_1', 'β₁', net.bn1.beta), Z1n],
        output: Z1t,
      };
    case 4:
      return {
        ...base,
        substituted: eq2(`(A_1)_{${j + 1},${i + 1}}`, String.raw`\max\!\left(0,\ ${tex(at(Z1t.matrix, j, i), 4)}\right)`, tex(at(A1.matrix, j, i), 4)),
        inputs: [Z1t],
        output: A1,
      };
    case 5:
      return { ...base, substituted: productEntry('Z_2', W2.matrix, A1.matrix, Z2.matrix, j, i), inputs: [W2, A1], output: Z2 };
    case 6:
      return {
        ...base,
        substituted: normEntry(2, Z2.matrix, f.bn2.mean, f.bn2.variance, ctx.eps, Z2n.matrix, j, i),
        inputs: [Z2, vectorPanel('\\mu_2', 'μ₂', f.bn2.mean, 'class'), vectorPanel('\\sigma_2^2', 'σ₂²', f.bn2.variance, 'class')],
        output: Z2n,
      };
    case 7:
      return {
        ...base,
        substituted: affineEntry(2, net.bn2.gamma, net.bn2.beta, Z2n.matrix, Z2t.matrix, j, i),
        inputs: [vectorPanel('\\gamma_2', 'γ₂', net.bn2.gamma, 'class'), vectorPanel('\\beta_2', 'β₂', net.bn2.beta, 'class'), Z2n],
        output: Z2t,
      };
    case 8: {
      const exps = Array.from({ length: NOTES_CLASSES }, (_, k) => `e^{${tex(at(Z2t.matrix, k, i), 3)}}`);
      return {
        ...base,
        substituted: eq2(`(A_2)_{${j + 1},${i + 1}}`, String.raw`\frac{${exps[j]}}{${exps.join(' + ')}}`, tex(at(A2.matrix, j, i), 4)),
        inputs: [Z2t],
        output: A2,
      };
    }
    case 9: {
      const logs = Array.from(batch.labels, (y, s) => `\\log ${tex(at(A2.matrix, y, s), 3)}`);
      return {
        ...base,
        substituted: eq2('L', String.raw`-\frac{1}{${batch.x.rows}}\left(${logs.join(' + ')}\right)`, tex(f.loss, 4)),
        inputs: [A2, Y],
        output: null,
      };
    }
    default:
      throw new RangeError(`the forward pass has ${FORWARD_TITLES.length} steps, not step ${step}`);
  }
}

/** "4 of 6 samples classified correctly" and the loss, in words. */
export function forwardSummary(ctx: NotesContext): string {
  return `loss ${fmt(ctx.fwd.loss, 4)}, ${ctx.fwd.correct} of ${ctx.state.batch.x.rows} samples classified correctly`;
}

/** Which stage of the network picture (NetPipeline) each forward step belongs to. */
export const FORWARD_STAGE: readonly number[] = [0, 1, 2, 2, 3, 4, 5, 5, 6, 7];
