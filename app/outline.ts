/**
 * The notebook's outline: every section's id, number and title, and its presentation steps, in the
 * order of the notes. Data only: no React, no imports from the rest of app/. The store (URL bounds),
 * the presentation deck and the notebook all read it; the notebook's registry maps each id to its
 * component (notebook/registry.ts), and a test keeps the two in step.
 */

/** Store values that put a section's panel on one of its steps, e.g. { forwardStep: 2 }. */
export interface StepState {
  forwardStep?: number;
  backwardStep?: number;
}

/** One step of a section in presentation mode: an equation of the notes with its live panel. */
export interface StepOutline {
  /** Unique within its section. */
  id: string;
  /** What the step computes, shown above it, e.g. "A₁ = ReLU(Z̃₁)". Plain text. */
  title: string;
  /** Store values that put the section's panel on this step. */
  state?: StepState;
  /**
   * What → shows of the step before the deck moves on, in order (e.g. 'the numbers', 'the verdict'):
   * the step starts with these parts hidden, so a class can guess first. None: the step shows at once.
   */
  reveals?: readonly string[];
}

/** The notebook's two parts: the lecture notes, then where batch norm goes beyond them. */
export type Part = 'notes' | 'beyond';

/** The parts' headings, as the table of contents and the notebook print them. */
export const PART_TITLES: Readonly<Record<Part, string>> = { notes: 'The notes', beyond: 'Beyond the notes' };

export interface SectionOutline {
  /** Anchor and URL value. */
  id: string;
  /** The section's number: its position in the notebook, from 1 (the notes' 1–16 as in DESIGN.md, then beyond them). */
  number: number;
  /** The part it belongs to: the notes' own sections (also when absent), or those that go past them. */
  part?: Part;
  title: string;
  /** Presentation steps, at least one. */
  steps: readonly StepOutline[];
}

/** Titles of the forward pass's steps (section 11), in order. */
export const FORWARD_TITLES = [
  'The batch X and labels Y',
  'Z₁ = W₁X',
  'Normalize: Z₁norm',
  'Scale and shift: Z̃₁',
  'A₁ = ReLU(Z̃₁)',
  'Z₂ = W₂A₁',
  'Normalize: Z₂norm',
  'Scale and shift: Z̃₂',
  'A₂ = softmax(Z̃₂)',
  'The loss',
] as const;

/** Titles of the backward pass's steps (section 12), in order. */
export const BACKWARD_TITLES = [
  '∂L/∂Z̃₂ = (A₂ − Y)/m',
  '∂L/∂γ₂',
  '∂L/∂β₂',
  '∂L/∂Z₂, exact vs simplified',
  '∂L/∂W₂',
  '∂L/∂Z̃₁ through W₂ and ReLU',
  '∂L/∂γ₁',
  '∂L/∂β₁',
  '∂L/∂Z₁, exact vs simplified',
  '∂L/∂W₁',
] as const;

/**
 * What → reveals on the passes' steps (see StepOutline.reveals): each step shows its equation and what
 * it reads, then the selected entry worked out and the result; where the notes are wrong, the correction
 * after it; for ∂L/∂Z, the notes' simplified form and the verdict.
 */
const NUMBERS = 'the numbers';
const NOTES_ERROR = 'what the notes get wrong';
const FORWARD_REVEALS = (i: number): readonly string[] => (i === 0 ? [] : i === 3 || i === 7 ? [NUMBERS, NOTES_ERROR] : [NUMBERS]);
const BACKWARD_REVEALS = (i: number): readonly string[] =>
  i === 3 || i === 8 ? [NUMBERS, 'the notes’ simplified form', 'the verdict'] : [0, 1, 6, 7].includes(i) ? [NUMBERS, NOTES_ERROR] : [NUMBERS];

/** A section as written below: its part is added where the parts are put together. */
type Unplaced = Omit<SectionOutline, 'part'>;

/** A section that is one step, titled by its equation. */
function one(id: string, number: number, title: string, stepTitle: string = title, reveals?: readonly string[]): Unplaced {
  return { id, number, title, steps: [{ id, title: stepTitle, ...(reveals ? { reveals } : {}) }] };
}

/** The notes' sections, in their order. */
const NOTES: readonly Unplaced[] = [
  one('why', 1, 'Why normalize: internal covariate shift', undefined, ['the test accuracy', 'how far each median moved']),
  one('batch', 2, 'A mini-batch', 'Z = [z₁ … zₘ], one neuron, m samples'),
  one('mean', 3, 'μ, the batch mean', 'μ = (1/m) Σ zᵢ'),
  one('centering', 4, 'Centering: z − μ', 'zᵢ − μ'),
  {
    id: 'variance',
    number: 5,
    title: 'σ², the batch variance',
    steps: [
      { id: 'variance', title: 'σ² = (1/m) Σ (zᵢ − μ)²' },
      { id: 'variance-one-pass', title: 'Why not σ² = E[z²] − μ²?' },
    ],
  },
  one('normalize', 6, 'Normalizing: Zₙₒᵣₘ', 'Zₙₒᵣₘ = (z − μ)/√(σ² + ε)'),
  one('gamma-beta', 7, 'γ and β: scale and shift', 'Z̃ = γ·Zₙₒᵣₘ + β'),
  one('identity', 8, 'The identity undo', 'γ = √(σ² + ε), β = μ ⇒ Z̃ = Z'),
  one('bias', 9, 'A bias right before BN is redundant', 'BN(z + b) = BN(z), ∂L/∂b = 0'),
  one('placement', 10, 'Before or after the activation', 'ReLU(BN(z)) or BN(ReLU(z))?'),
  {
    id: 'forward',
    number: 11,
    title: 'The forward pass, step by step',
    steps: FORWARD_TITLES.map((title, i) => ({ id: `forward-${i + 1}`, title, state: { forwardStep: i }, reveals: FORWARD_REVEALS(i) })),
  },
  {
    id: 'backward',
    number: 12,
    title: 'The backward pass, checked',
    steps: BACKWARD_TITLES.map((title, i) => ({ id: `backward-${i + 1}`, title, state: { backwardStep: i }, reveals: BACKWARD_REVEALS(i) })),
  },
  one('lab', 13, 'Training lab'),
  one('why-it-works', 14, 'Why does batch norm work?', undefined, ['scale invariance', 'the loss and its gradient', 'a smoother loss landscape', 'its verdict', 'the open question']),
  one('inference', 15, 'Train mode and eval mode', undefined, ['eval mode', 'BN’s noise']),
  one('reading', 16, 'Further reading', undefined, ['the books', 'the papers', 'more papers', 'the normalization family', 'more of the family', 'the implementations']),
];

/**
 * Sections past the notes, in order: where BN is used. Their numbers follow the notes' and are
 * derived from their position (a section inserted before them renumbers them).
 */
const BEYOND: readonly Omit<SectionOutline, 'part' | 'number'>[] = [
  {
    id: 'images',
    title: 'Batch norm for images',
    steps: [
      { id: 'images', title: 'Per-channel μ, σ² over n·h·w', reveals: ['μ and σ²'] },
      { id: 'images-maps', title: 'Per-channel γ, β; maps before/after', reveals: ['n = 1?'] },
    ],
  },
  {
    id: 'fold',
    title: 'At inference, batch norm folds away',
    steps: [
      { id: 'fold', title: 'W′ = W·γ/√(σ²_run + ε), b′ = β + (b − μ_run)·γ/√(σ²_run + ε)', reveals: ['the largest difference', 'why not in train mode'] },
    ],
  },
  {
    id: 'weight-decay',
    title: 'Weight decay and the effective learning rate',
    steps: [
      { id: 'weight-decay-dot', title: 'W·∂L/∂W = 0? BN’s ε says not quite', reveals: ['the numbers'] },
      { id: 'weight-decay', title: '‖W‖ and the effective step η/‖W‖²', reveals: ['does ‖W‖ grow?', 'with weight decay'] },
    ],
  },
  {
    id: 'norm-family',
    title: 'One idea, four axes',
    steps: [
      { id: 'norm-family', title: 'BN, LayerNorm, InstanceNorm, GroupNorm: which set?', reveals: ['μ and σ²'] },
      { id: 'norm-family-consequences', title: 'In training only BN couples the batch; only BN has two modes', reveals: ['the numbers', 'per token'] },
    ],
  },
  {
    id: 'batch-size',
    title: 'Batch size',
    steps: [{ id: 'batch-size', title: 'Small batches: BN against GroupNorm and LayerNorm (Wu & He, Fig. 1)', reveals: ['the curve', 'train vs eval mode'] }],
  },
];

/** The notebook's sections: the notes', then those beyond them, numbered from 1 in order. */
export const OUTLINE: readonly SectionOutline[] = [
  ...NOTES.map((s) => ({ ...s, part: 'notes' as const })),
  ...BEYOND.map((s, k) => ({ ...s, part: 'beyond' as const, number: NOTES.length + k + 1 })),
];

/** A section's number by its id (for prose that refers to another section), or NaN if there is none. */
export function sectionNumber(id: string): number {
  return OUTLINE.find((s) => s.id === id)?.number ?? NaN;
}

/** The section ids, in order. */
export const SECTION_IDS: readonly string[] = OUTLINE.map((s) => s.id);

/** A step placed in the deck: the flat list of every section's steps, in the order of the notes. */
export interface StepPlace {
  sectionId: string;
  sectionNumber: number;
  sectionTitle: string;
  step: StepOutline;
  /** Position of the step in its section (0-based) and the section's number of steps. */
  stepInSection: number;
  stepsInSection: number;
}

/** Every step of the sections, in order. */
export function placeSteps(sections: readonly SectionOutline[]): StepPlace[] {
  return sections.flatMap((s) =>
    s.steps.map((step, i) => ({ sectionId: s.id, sectionNumber: s.number, sectionTitle: s.title, step, stepInSection: i, stepsInSection: s.steps.length })),
  );
}

/** Every step of the notebook: the presentation's deck without its components. */
export const STEPS: readonly StepPlace[] = placeSteps(OUTLINE);

/** The largest value a step assigns to a store key (bounds forwardStep/backwardStep in the URL). */
export function largestStepValue(steps: readonly StepPlace[], key: keyof StepState): number {
  return steps.reduce((max, s) => Math.max(max, s.step.state?.[key] ?? 0), 0);
}

/** The most parts any step reveals (bounds `part` in the URL). */
export function largestReveal(steps: readonly StepPlace[]): number {
  return steps.reduce((max, s) => Math.max(max, s.step.reveals?.length ?? 0), 0);
}

/** The presenter's zoom, in percent of the deck's text size: its range and one press of + or −. */
export const ZOOM = { min: 70, max: 160, step: 10 } as const;

/** Where the reader is, as far as the deck cares. */
export interface Place extends Required<StepState> {
  section: string;
}

/** The store values that show step k: its section, and its step's panel state. */
export function stepPatch(steps: readonly StepPlace[], k: number): Partial<Place> & { step: number } {
  const place = steps[k];
  if (!place) return { step: 0 };
  return { step: k, section: place.sectionId, ...place.step.state };
}

/**
 * The step to start presenting from: the step of the current section that matches the panel's
 * state (e.g. the forward pass at its current equation), else the section's first step, else 0.
 */
export function stepIndexFor(steps: readonly StepPlace[], place: Place): number {
  const own = steps.map((s, i) => [s, i] as const).filter(([s]) => s.sectionId === place.section);
  const matching = own.find(([s]) => {
    const st = s.step.state;
    return st !== undefined && Object.entries(st).every(([key, v]) => place[key as keyof StepState] === v);
  });
  return (matching ?? own[0])?.[1] ?? 0;
}
