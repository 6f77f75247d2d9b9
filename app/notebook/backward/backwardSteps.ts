import { type Matrix, NOTES_CLASSES, oneHot } from '../../../src';
import { tex } from '../../ui/format';
import type { Cell, StepView } from '../forward/forwardSteps';
import type { NotesContext } from '../pass/notesContext';
import { BACKWARD_TITLES } from '../../outline';
import { type MatrixPanel, at, batchPanel, eq2, factor, term, vectorPanel, weightPanel } from '../pass/notesMatrices';

/** Keys of the gradient checks (NotesGradientChecks), one per backward step. */
export type GradKey = 'dZ2Tilde' | 'dGamma2' | 'dBeta2' | 'dZ2' | 'dW2' | 'dZ1Tilde' | 'dGamma1' | 'dBeta1' | 'dZ1' | 'dW1';
export const BACKWARD_KEYS: readonly GradKey[] = ['dZ2Tilde', 'dGamma2', 'dBeta2', 'dZ2', 'dW2', 'dZ1Tilde', 'dGamma1', 'dBeta1', 'dZ1', 'dW1'];

/** A second form of the same gradient, shown beside the exact one (the notes' simplified ∂L/∂Z). */
export interface Alternative {
  readonly symbolic: string;
  readonly substituted: string;
  readonly output: MatrixPanel;
}

export interface BackwardView extends StepView {
  readonly key: GradKey;
  readonly alternative?: Alternative;
}

const ZN = (l: number) => `Z_{${l}\\,\\mathrm{norm}}`;
const ZT = (l: number) => `\\tilde{Z}_{${l}\\,\\mathrm{norm}}`;
/** ∂L/∂x as TeX. */
export const D = (x: string) => `\\frac{\\partial L}{\\partial ${x}}`;

/** Titles of the backward pass (kept in passTitles.ts, which the deck loads first). */
export { BACKWARD_TITLES };

/** The corrected backward pass, one short TeX line per step (the step list). */
export const BACKWARD_TEX: readonly string[] = [
  String.raw`${D(ZT(2))} = \tfrac{1}{m}(A_2 - Y_{\mathrm{onehot}})`,
  String.raw`${D('\\gamma_2')} = \textstyle\sum_i ${D(ZT(2))} \odot ${ZN(2)}`,
  String.raw`${D('\\beta_2')} = \textstyle\sum_i ${D(ZT(2))}`,
  String.raw`${D('Z_2')}\ \text{(exact)}`,
  String.raw`${D('W_2')} = ${D('Z_2')} \cdot A_1^{\top}`,
  String.raw`${D(ZT(1))} = W_2^{\top}${D('Z_2')} \odot \mathrm{ReLU}'`,
  String.raw`${D('\\gamma_1')} = \textstyle\sum_i ${D(ZT(1))} \odot ${ZN(1)}`,
  String.raw`${D('\\beta_1')} = \textstyle\sum_i ${D(ZT(1))}`,
  String.raw`${D('Z_1')}\ \text{(exact)}`,
  String.raw`${D('W_1')} = ${D('Z_1')} \cdot X^{\top}`,
];

/** Two lines, broken inside the bracket, so the whole formula fits a half-width panel on a projector. */
const exactTex = (l: number) =>
  String.raw`\begin{aligned} ${D(`Z_${l}`)} &= \frac{\gamma_${l}}{m\sqrt{\sigma_${l}^2 + \varepsilon}} \odot \Big(m\,${D(ZT(l))} \\ &\qquad - ${D(`\\beta_${l}`)} - ${ZN(l)} \odot ${D(`\\gamma_${l}`)}\Big) \end{aligned}`;
const simplifiedTex = (l: number) => String.raw`${D(`Z_${l}`)} \approx ${D(ZT(l))} \odot \frac{\gamma_${l}}{\sqrt{\sigma_${l}^2 + \varepsilon}}`;

/** Where the full equation differs from the step list's short one. */
const BACKWARD_DETAIL: Readonly<Record<number, string>> = {
  3: exactTex(2),
  5: String.raw`${D(ZT(1))} = \left(W_2^{\top} \cdot ${D('Z_2')}\right) \odot \mathrm{ReLU}'(${ZT(1)}) = ${D('A_1')} \odot \mathrm{ReLU}'(${ZT(1)})`,
  8: exactTex(1),
};

/** "Σᵢ a_i·b_i" (or "Σᵢ a_i" without b) over a row, written out. */
function rowSum(a: Matrix, r: number, b?: Matrix, br = r): string {
  return Array.from({ length: a.cols }, (_, i) => (b ? `${i ? '+ ' : ''}${factor(at(a, r, i))}\\cdot${factor(at(b, br, i))}` : term(at(a, r, i), i === 0))).join(' ');
}

interface BnParts {
  l: number;
  gamma: Float64Array;
  variance: Float64Array;
  dGamma: Float64Array;
  dBeta: Float64Array;
  g: MatrixPanel;
  zn: MatrixPanel;
  exact: MatrixPanel;
  simplified: MatrixPanel;
}

/** The exact ∂L/∂Z step of BN layer l, with the notes' simplified form beside it. */
function bnStep(ctx: NotesContext, p: BnParts, j: number, i: number): Pick<BackwardView, 'substituted' | 'inputs' | 'output' | 'alternative'> {
  const m = ctx.state.batch.x.rows, eps = tex(ctx.eps, 2);
  const root = String.raw`\sqrt{${tex(p.variance[j], 4)} + ${eps}}`;
  const lhs = `\\left(${D(`Z_${p.l}`)}\\right)_{${j + 1},${i + 1}}`;
  return {
    // Three lines (the factor and two terms, the third term, the value): as narrow as the symbolic form.
    substituted: String.raw`\begin{aligned} ${lhs} &= \frac{${tex(p.gamma[j], 4)}}{${m}${root}}\Big(${m}\cdot${factor(at(p.g.matrix, j, i), 4)} ${term(-p.dBeta[j], false, 4)} \\ &\qquad - ${factor(at(p.zn.matrix, j, i), 4)}\cdot${factor(p.dGamma[j], 4)}\Big) \\ &= ${tex(at(p.exact.matrix, j, i), 4)} \end{aligned}`,
    inputs: [p.g, p.zn, vectorPanel(`\\gamma_${p.l}`, `γ${p.l === 1 ? '₁' : '₂'}`, p.gamma, p.l === 1 ? 'neuron' : 'class')],
    output: p.exact,
    alternative: {
      symbolic: simplifiedTex(p.l),
      substituted: eq2(lhs, String.raw`${factor(at(p.g.matrix, j, i), 4)}\cdot\frac{${tex(p.gamma[j], 4)}}{${root}}`, tex(at(p.simplified.matrix, j, i), 4)),
      output: p.simplified,
    },
  };
}

/** The backward step `step` (0-based), with `cell` the selected entry of its output. */
export function backwardStepView(ctx: NotesContext, step: number, cell: Cell): BackwardView {
  const { net, batch } = ctx.state;
  const f = ctx.fwd, g = ctx.grads, m = batch.x.rows;
  const A1 = batchPanel('A_1', 'A₁', f.a1);
  const A2 = batchPanel('A_2', 'A₂', f.a2, 'class');
  const Y = batchPanel('Y_{\\mathrm{onehot}}', 'Y one-hot', oneHot(batch.labels, NOTES_CLASSES), 'class');
  const X = batchPanel('X', 'X', batch.x, 'feature');
  const Z1n = batchPanel(ZN(1), 'Z₁norm', f.bn1.zHat);
  const Z2n = batchPanel(ZN(2), 'Z₂norm', f.bn2.zHat, 'class');
  const Z1t = batchPanel(ZT(1), 'Z̃₁norm', f.bn1.y);
  const W2 = weightPanel('W_2', 'W₂', net.layer2.W, 'class');
  const dZ2t = batchPanel(D(ZT(2)), '∂L/∂Z̃₂', g.dZ2Tilde, 'class');
  const dZ2 = batchPanel(D('Z_2'), '∂L/∂Z₂ (exact)', g.dZ2, 'class');
  const dZ2s = batchPanel(D('Z_2'), '∂L/∂Z₂ (simplified)', g.dZ2Simplified, 'class');
  const dA1 = batchPanel(D('A_1'), '∂L/∂A₁', g.dA1);
  const dZ1t = batchPanel(D(ZT(1)), '∂L/∂Z̃₁', g.dZ1Tilde);
  const dZ1 = batchPanel(D('Z_1'), '∂L/∂Z₁ (exact)', g.dZ1);
  const dZ1s = batchPanel(D('Z_1'), '∂L/∂Z₁ (simplified)', g.dZ1Simplified);
  const { row: j, col: i } = cell;
  const key = BACKWARD_KEYS[step];
  const base = { id: `backward-${step}`, key, title: BACKWARD_TITLES[step], symbolic: BACKWARD_DETAIL[step] ?? BACKWARD_TEX[step] };
  const cellLhs = (name: string, c = true) => `\\left(${name}\\right)_{${j + 1}${c ? `,${i + 1}` : ''}}`;
  switch (step) {
    case 0:
      return {
        ...base,
        substituted: eq2(cellLhs(D(ZT(2))), String.raw`\frac{${tex(at(A2.matrix, j, i), 4)} - ${tex(at(Y.matrix, j, i))}}{${m}}`, tex(at(dZ2t.matrix, j, i), 4)),
        inputs: [A2, Y],
        output: dZ2t,
      };
    case 1:
    case 6: {
      const [dzt, zn, v, l] = step === 1 ? [dZ2t, Z2n, g.dGamma2, 2] : [dZ1t, Z1n, g.dGamma1, 1];
      const out = vectorPanel(D(`\\gamma_${l}`), `∂L/∂γ${l === 1 ? '₁' : '₂'}`, v, l === 1 ? 'neuron' : 'class');
      return { ...base, substituted: eq2(cellLhs(D(`\\gamma_${l}`), false), rowSum(dzt.matrix, j, zn.matrix), tex(v[j], 4)), inputs: [dzt, zn], output: out };
    }
    case 2:
    case 7: {
      const [dzt, v, l] = step === 2 ? [dZ2t, g.dBeta2, 2] : [dZ1t, g.dBeta1, 1];
      const out = vectorPanel(D(`\\beta_${l}`), `∂L/∂β${l === 1 ? '₁' : '₂'}`, v, l === 1 ? 'neuron' : 'class');
      return { ...base, substituted: eq2(cellLhs(D(`\\beta_${l}`), false), rowSum(dzt.matrix, j), tex(v[j], 4)), inputs: [dzt], output: out };
    }
    case 3:
      return {
        ...base,
        ...bnStep(ctx, { l: 2, gamma: net.bn2.gamma, variance: f.bn2.variance, dGamma: g.dGamma2, dBeta: g.dBeta2, g: dZ2t, zn: Z2n, exact: dZ2, simplified: dZ2s }, j, i),
      };
    case 4: {
      const out = weightPanel(D('W_2'), '∂L/∂W₂', g.dW2, 'class');
      return { ...base, substituted: eq2(cellLhs(D('W_2')), rowSum(dZ2.matrix, j, A1.matrix, i), tex(at(out.matrix, j, i), 4)), inputs: [dZ2, A1], output: out };
    }
    case 5: {
      const z = at(Z1t.matrix, j, i);
      const relu = z > 0 ? '1' : '0';
      return {
        ...base,
        substituted: eq2(
          cellLhs(D(ZT(1))),
          String.raw`${factor(at(dA1.matrix, j, i), 4)}\cdot\mathrm{ReLU}'(${tex(z, 3)}) = ${factor(at(dA1.matrix, j, i), 4)}\cdot ${relu}`,
          tex(at(dZ1t.matrix, j, i), 4),
        ),
        inputs: [W2, dZ2, dA1, Z1t],
        output: dZ1t,
      };
    }
    case 8:
      return {
        ...base,
        ...bnStep(ctx, { l: 1, gamma: net.bn1.gamma, variance: f.bn1.variance, dGamma: g.dGamma1, dBeta: g.dBeta1, g: dZ1t, zn: Z1n, exact: dZ1, simplified: dZ1s }, j, i),
      };
    case 9: {
      const out = weightPanel(D('W_1'), '∂L/∂W₁', g.dW1);
      return { ...base, substituted: eq2(cellLhs(D('W_1')), rowSum(dZ1.matrix, j, X.matrix, i), tex(at(out.matrix, j, i), 4)), inputs: [dZ1, X], output: out };
    }
    default:
      throw new RangeError(`the backward pass has ${BACKWARD_TITLES.length} steps, not step ${step}`);
  }
}

/** Which stage of the network picture each backward step belongs to (read right to left). */
export const BACKWARD_STAGE: readonly number[] = [7, 5, 5, 5, 4, 3, 2, 2, 2, 1];
