import type { Matrix } from '../../../src/matrix';
import { NOTES_CLASSES, oneHot } from '../../../src/notesNetwork';
import { tex } from '../../ui/format';
import type { Cell, PassStep, StepView } from '../forward/forwardSteps';
import type { NotesContext } from '../pass/notesContext';
import { BACKWARD_TITLES } from '../../outline';
import { type MatrixPanel, at, batchPanel, eq2, factor, sumLines, term, vectorPanel, weightPanel } from '../pass/notesMatrices';
import { decimalsFor, digitsToReproduce, termsCancel } from './cancellation';

/** Keys of the gradient checks (NotesGradientChecks), one per backward step. */
export type GradKey = 'dZ2Tilde' | 'dGamma2' | 'dBeta2' | 'dZ2' | 'dW2' | 'dZ1Tilde' | 'dGamma1' | 'dBeta1' | 'dZ1' | 'dW1';

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

/** Two lines, broken inside the bracket, so the whole formula fits a half-width panel on a projector. */
const exactTex = (l: number) =>
  String.raw`\begin{aligned} ${D(`Z_${l}`)} &= \frac{\gamma_${l}}{m\sqrt{\sigma_${l}^2 + \varepsilon}} \odot \Big(m\,${D(ZT(l))} \\ &\qquad - ${D(`\\beta_${l}`)} - ${ZN(l)} \odot ${D(`\\gamma_${l}`)}\Big) \end{aligned}`;
const simplifiedTex = (l: number) => String.raw`${D(`Z_${l}`)} \approx ${D(ZT(l))} \odot \frac{\gamma_${l}}{\sqrt{\sigma_${l}^2 + \varepsilon}}`;

/** "Σᵢ a_i·b_i" (or "Σᵢ a_i" without b, short enough for one line) over a row, written out (products in lines of `wrap`, if given). */
function rowSum(a: Matrix, r: number, b?: Matrix, br = r, wrap?: number): string {
  return sumLines(Array.from({ length: a.cols }, (_, i) => (b ? `${i ? '+ ' : ''}${factor(at(a, r, i))}\\cdot${factor(at(b, br, i))}` : term(at(a, r, i), i === 0))), b && wrap);
}

/** The matrices the backward pass reads and writes, in the notes' orientation. */
interface BackwardPanels {
  A1: MatrixPanel;
  A2: MatrixPanel;
  Y: MatrixPanel;
  X: MatrixPanel;
  Z1n: MatrixPanel;
  Z2n: MatrixPanel;
  Z1t: MatrixPanel;
  W2: MatrixPanel;
  dZ2t: MatrixPanel;
  dZ2: MatrixPanel;
  dZ2s: MatrixPanel;
  dA1: MatrixPanel;
  dZ1t: MatrixPanel;
  dZ1: MatrixPanel;
  dZ1s: MatrixPanel;
}

function backwardPanels(ctx: NotesContext): BackwardPanels {
  const { net, batch } = ctx.state;
  const f = ctx.fwd, g = ctx.grads;
  return {
    A1: batchPanel('A_1', 'A₁', f.a1),
    A2: batchPanel('A_2', 'A₂', f.a2, 'class'),
    Y: batchPanel('Y_{\\mathrm{onehot}}', 'Y one-hot', oneHot(batch.labels, NOTES_CLASSES), 'class'),
    X: batchPanel('X', 'X', batch.x, 'feature'),
    Z1n: batchPanel(ZN(1), 'Z₁norm', f.bn1.zHat),
    Z2n: batchPanel(ZN(2), 'Z₂norm', f.bn2.zHat, 'class'),
    Z1t: batchPanel(ZT(1), 'Z̃₁norm', f.bn1.y),
    W2: weightPanel('W_2', 'W₂', net.layer2.W, 'class'),
    dZ2t: batchPanel(D(ZT(2)), '∂L/∂Z̃₂', g.dZ2Tilde, 'class'),
    dZ2: batchPanel(D('Z_2'), '∂L/∂Z₂ (exact)', g.dZ2, 'class'),
    dZ2s: batchPanel(D('Z_2'), '∂L/∂Z₂ (simplified)', g.dZ2Simplified, 'class'),
    dA1: batchPanel(D('A_1'), '∂L/∂A₁', g.dA1),
    dZ1t: batchPanel(D(ZT(1)), '∂L/∂Z̃₁', g.dZ1Tilde),
    dZ1: batchPanel(D('Z_1'), '∂L/∂Z₁ (exact)', g.dZ1),
    dZ1s: batchPanel(D('Z_1'), '∂L/∂Z₁ (simplified)', g.dZ1Simplified),
  };
}

/** "(name)_{j,i}", or "(name)_{j}" for a vector, as TeX. */
const cellLhs = (name: string, j: number, i?: number) => `\\left(${name}\\right)_{${j + 1}${i === undefined ? '' : `,${i + 1}`}}`;

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
function bnStep(ctx: NotesContext, p: BnParts, j: number, i: number, wrap?: number): Pick<BackwardView, 'substituted' | 'inputs' | 'output' | 'alternative'> {
  const m = ctx.state.batch.x.rows, eps = tex(ctx.eps, 2);
  const t = { gamma: p.gamma[j], m, variance: p.variance[j], eps: ctx.eps, g: at(p.g.matrix, j, i), dBeta: p.dBeta[j], zHat: at(p.zn.matrix, j, i), dGamma: p.dGamma[j] };
  const result = at(p.exact.matrix, j, i);
  // Enough digits for the printed numbers to give the printed result: the bracket's terms can nearly cancel.
  const d = digitsToReproduce(t, result);
  const show = (x: number) => tex(x, decimalsFor(x, d));
  const shown = (x: number) => (x < 0 ? `(${show(x)})` : show(x));
  const signed = (x: number) => (x < 0 ? `- ${show(-x)}` : `+ ${show(x)}`);
  const root = String.raw`\sqrt{${show(p.variance[j])} + ${eps}}`;
  const lhs = `\\left(${D(`Z_${p.l}`)}\\right)_{${j + 1},${i + 1}}`;
  const note = termsCancel(t) ? String.raw`\quad\text{(the terms nearly cancel)}` : '';
  const factorTex = String.raw`\frac{${show(t.gamma)}}{${m}${root}}`;
  const [a, b] = [String.raw`${m}\cdot${shown(t.g)} ${signed(-t.dBeta)}`, String.raw`- ${shown(t.zHat)}\cdot${shown(t.dGamma)}`];
  // Three lines (the factor and two terms, the third term, the value): as narrow as the symbolic form;
  // on a slide (wrap), the factor on a line of its own, so the numbers fit beside the formula.
  const body = wrap ? String.raw`${lhs} &= ${factorTex} \\ &\qquad\cdot\Big(${a} \\ &\qquad\quad ${b}\Big)` : String.raw`${lhs} &= ${factorTex}\Big(${a} \\ &\qquad ${b}\Big)`;
  return {
    substituted: String.raw`\begin{aligned} ${body} \\ &= ${tex(result, 4)}${note} \end{aligned}`,
    inputs: [p.g, p.zn, vectorPanel(`\\gamma_${p.l}`, `γ${p.l === 1 ? '₁' : '₂'}`, p.gamma, p.l === 1 ? 'neuron' : 'class')],
    output: p.exact,
    alternative: {
      symbolic: simplifiedTex(p.l),
      substituted: eq2(lhs, String.raw`${factor(at(p.g.matrix, j, i), 4)}\cdot\frac{${tex(p.gamma[j], 4)}}{\sqrt{${tex(p.variance[j], 4)} + ${eps}}}`, tex(at(p.simplified.matrix, j, i), 4)),
      output: p.simplified,
    },
  };
}

type BackwardBody = Pick<BackwardView, 'substituted' | 'inputs' | 'output' | 'alternative'>;

/** ∂L/∂γ_l = Σᵢ ∂L/∂Z̃_l ⊙ Z_l,norm (step 1 for l = 2, step 6 for l = 1). */
function dGammaStep(l: 1 | 2, dzt: MatrixPanel, zn: MatrixPanel, v: Float64Array, j: number, wrap?: number): BackwardBody {
  const out = vectorPanel(D(`\\gamma_${l}`), `∂L/∂γ${l === 1 ? '₁' : '₂'}`, v, l === 1 ? 'neuron' : 'class');
  return { substituted: eq2(cellLhs(D(`\\gamma_${l}`), j), rowSum(dzt.matrix, j, zn.matrix, j, wrap), tex(v[j], 4)), inputs: [dzt, zn], output: out };
}

/** ∂L/∂β_l = Σᵢ ∂L/∂Z̃_l (step 2 for l = 2, step 7 for l = 1). */
function dBetaStep(l: 1 | 2, dzt: MatrixPanel, v: Float64Array, j: number): BackwardBody {
  const out = vectorPanel(D(`\\beta_${l}`), `∂L/∂β${l === 1 ? '₁' : '₂'}`, v, l === 1 ? 'neuron' : 'class');
  return { substituted: eq2(cellLhs(D(`\\beta_${l}`), j), rowSum(dzt.matrix, j), tex(v[j], 4)), inputs: [dzt], output: out };
}

/** The corrected backward pass, one entry per step; titles: BACKWARD_TITLES (app/outline.ts), by index. */
export const BACKWARD_STEPS: readonly (PassStep<BackwardPanels, BackwardBody> & { readonly key: GradKey })[] = [
  {
    key: 'dZ2Tilde',
    tex: String.raw`${D(ZT(2))} = \tfrac{1}{m}(A_2 - Y_{\mathrm{onehot}})`,
    stage: 7,
    view: ({ A2, Y, dZ2t }, j, i, ctx) => ({
      substituted: eq2(cellLhs(D(ZT(2)), j, i), String.raw`\frac{${tex(at(A2.matrix, j, i), 4)} - ${tex(at(Y.matrix, j, i))}}{${ctx.state.batch.x.rows}}`, tex(at(dZ2t.matrix, j, i), 4)),
      inputs: [A2, Y],
      output: dZ2t,
    }),
  },
  {
    key: 'dGamma2',
    tex: String.raw`${D('\\gamma_2')} = \textstyle\sum_i ${D(ZT(2))} \odot ${ZN(2)}`,
    stage: 5,
    view: ({ dZ2t, Z2n }, j, _i, ctx, wrap) => dGammaStep(2, dZ2t, Z2n, ctx.grads.dGamma2, j, wrap),
  },
  {
    key: 'dBeta2',
    tex: String.raw`${D('\\beta_2')} = \textstyle\sum_i ${D(ZT(2))}`,
    stage: 5,
    view: ({ dZ2t }, j, _i, ctx) => dBetaStep(2, dZ2t, ctx.grads.dBeta2, j),
  },
  {
    key: 'dZ2',
    tex: String.raw`${D('Z_2')}\ \text{(exact)}`,
    detail: exactTex(2),
    stage: 5,
    view: (p, j, i, ctx, wrap) => {
      const { net } = ctx.state, f = ctx.fwd, g = ctx.grads;
      return bnStep(ctx, { l: 2, gamma: net.bn2.gamma, variance: f.bn2.variance, dGamma: g.dGamma2, dBeta: g.dBeta2, g: p.dZ2t, zn: p.Z2n, exact: p.dZ2, simplified: p.dZ2s }, j, i, wrap);
    },
  },
  {
    key: 'dW2',
    tex: String.raw`${D('W_2')} = ${D('Z_2')} \cdot A_1^{\top}`,
    stage: 4,
    view: ({ dZ2, A1 }, j, i, ctx, wrap) => {
      const out = weightPanel(D('W_2'), '∂L/∂W₂', ctx.grads.dW2, 'class');
      return { substituted: eq2(cellLhs(D('W_2'), j, i), rowSum(dZ2.matrix, j, A1.matrix, i, wrap), tex(at(out.matrix, j, i), 4)), inputs: [dZ2, A1], output: out };
    },
  },
  {
    key: 'dZ1Tilde',
    tex: String.raw`${D(ZT(1))} = W_2^{\top}${D('Z_2')} \odot \mathrm{ReLU}'`,
    detail: String.raw`${D(ZT(1))} = \left(W_2^{\top} \cdot ${D('Z_2')}\right) \odot \mathrm{ReLU}'(${ZT(1)}) = ${D('A_1')} \odot \mathrm{ReLU}'(${ZT(1)})`,
    stage: 3,
    view: ({ W2, dZ2, dA1, Z1t, dZ1t }, j, i) => {
      const z = at(Z1t.matrix, j, i);
      const relu = z > 0 ? '1' : '0';
      return {
        substituted: eq2(
          cellLhs(D(ZT(1)), j, i),
          String.raw`${factor(at(dA1.matrix, j, i), 4)}\cdot\mathrm{ReLU}'(${tex(z, 3)}) = ${factor(at(dA1.matrix, j, i), 4)}\cdot ${relu}`,
          tex(at(dZ1t.matrix, j, i), 4),
        ),
        inputs: [W2, dZ2, dA1, Z1t],
        output: dZ1t,
      };
    },
  },
  {
    key: 'dGamma1',
    tex: String.raw`${D('\\gamma_1')} = \textstyle\sum_i ${D(ZT(1))} \odot ${ZN(1)}`,
    stage: 2,
    view: ({ dZ1t, Z1n }, j, _i, ctx, wrap) => dGammaStep(1, dZ1t, Z1n, ctx.grads.dGamma1, j, wrap),
  },
  {
    key: 'dBeta1',
    tex: String.raw`${D('\\beta_1')} = \textstyle\sum_i ${D(ZT(1))}`,
    stage: 2,
    view: ({ dZ1t }, j, _i, ctx) => dBetaStep(1, dZ1t, ctx.grads.dBeta1, j),
  },
  {
    key: 'dZ1',
    tex: String.raw`${D('Z_1')}\ \text{(exact)}`,
    detail: exactTex(1),
    stage: 2,
    view: (p, j, i, ctx, wrap) => {
      const { net } = ctx.state, f = ctx.fwd, g = ctx.grads;
      return bnStep(ctx, { l: 1, gamma: net.bn1.gamma, variance: f.bn1.variance, dGamma: g.dGamma1, dBeta: g.dBeta1, g: p.dZ1t, zn: p.Z1n, exact: p.dZ1, simplified: p.dZ1s }, j, i, wrap);
    },
  },
  {
    key: 'dW1',
    tex: String.raw`${D('W_1')} = ${D('Z_1')} \cdot X^{\top}`,
    stage: 1,
    view: ({ dZ1, X }, j, i, ctx, wrap) => {
      const out = weightPanel(D('W_1'), '∂L/∂W₁', ctx.grads.dW1);
      return { substituted: eq2(cellLhs(D('W_1'), j, i), rowSum(dZ1.matrix, j, X.matrix, i, wrap), tex(at(out.matrix, j, i), 4)), inputs: [dZ1, X], output: out };
    },
  },
];

/** The step list's TeX lines, in order. */
export const BACKWARD_TEX: readonly string[] = BACKWARD_STEPS.map((s) => s.tex);

/** The gradient each backward step computes (the rows of the gradient checks, NotesGradientChecks). */
export const BACKWARD_KEYS: readonly GradKey[] = BACKWARD_STEPS.map((s) => s.key);

/** Which stage of the network picture each backward step belongs to (read right to left). */
export const BACKWARD_STAGE: readonly number[] = BACKWARD_STEPS.map((s) => s.stage);

/** The backward step `step` (0-based), with `cell` the selected entry of its output; long sums in lines of `wrap` terms, if given. */
export function backwardStepView(ctx: NotesContext, step: number, cell: Cell, wrap?: number): BackwardView {
  const s = BACKWARD_STEPS[step] as (typeof BACKWARD_STEPS)[number] | undefined;
  if (!s) throw new RangeError(`the backward pass has ${BACKWARD_STEPS.length} steps, not step ${step}`);
  const body = s.view(backwardPanels(ctx), cell.row, cell.col, ctx, wrap);
  return { id: `backward-${step}`, key: s.key, title: BACKWARD_TITLES[step], symbolic: s.detail ?? s.tex, ...body };
}
