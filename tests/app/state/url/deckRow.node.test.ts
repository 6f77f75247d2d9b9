import { describe, expect, test } from 'vitest';
import { STEPS } from '../../../../app/outline';
import type { Deck } from '../../../../app/state/deck/deck';
import { deckLinkValues } from '../../../../app/state/deck/deckLink';
import { capturePin, pinnedValues } from '../../../../app/state/deck/pins';
import { normalizeUrlValues } from '../../../../app/state/url/normalize';
import { parseQuery } from '../../../../app/state/url/parse';
import { linkFor, serializeQuery } from '../../../../app/state/url/serialize';
import { URL_TABLE, defaultValues, type UrlValues } from '../../../../app/state/url/table';

const place = (i: number) => ({ section: STEPS[i].sectionId, step: STEPS[i].step.id });

/** A lecture's deck: 15 steps, each with a note of about 60 characters and settings pinned as an instructor would. */
const NOTES = [
  'Start here: ask the class which median drifts most, and why.',
  'Drag one point far out and watch μ follow it; then put it back.',
  'Centering only: the spread is untouched. Ask what σ² will be.',
  'Why two passes: push the offset to 1e8 and read the digits lost.',
  'Normalized: mean 0, variance 1 — except when ε matters (σ² ≈ 0).',
  'γ = 2, β = −1: the same shape, stretched and moved. Predict first!',
  'The identity undo: BN can give back exactly what it took away.',
  'A bias before BN does nothing; the gradient says so too (∂L/∂b = 0).',
  'ReLU before BN or after? Compare the zero fractions on screen.',
  'Forward pass: stop here and let them compute Z₁ by hand first.',
  'Softmax output: every row sums to 1; ask why the loss is finite.',
  'The notes’ simplified ∂L/∂Z is wrong; show the exact one beside it.',
  'Lab: sigmoid, depth 6, lr 1 — BN wins within a few seconds here.',
  'Scale invariance: multiply W₁ by 10 and the loss does not move.',
  'Eval mode uses the running statistics; one sample alone works.',
];
const PINS: UrlValues[] = [
  { whyDepth: 6 },
  { seed: 7, overrides: { 2: 4.5 } },
  { seed: 7, shift: -1.5 },
  { offset: 1e8 },
  { eps: 0.1, scale: 0.05 },
  { gamma: 2, beta: -1, part: 1 },
  { seed: 42, m: 16 },
  { bias: 3.5 },
  { placement: 'after', seed: 3 },
  { netSteps: 10 },
  { netSteps: 10, part: 1 },
  { netActivation: 'tanh', derivNeuron: 2 },
  { labDepth: 6, labDataset: 'circles', labLr: 0.3, labSeed: 12 },
  { k: 10 },
  { mode: 'eval', momentum: 0.5 },
];
const STEP_OF = [0, 2, 4, 5, 7, 8, 9, 10, 11, 14, 20, 24, 31, 32, 33];
const lecture: Deck = STEP_OF.map((k, i) => ({ ...place(k), note: NOTES[i], pin: capturePin(PINS[i], URL_TABLE) }));

describe('the deck in the URL (deck=)', () => {
  test('a 15-step deck, each step with a ~60-character note and pinned settings, makes a presenting link of at most 2,000 characters', () => {
    for (const n of NOTES) expect(n.length).toBeGreaterThanOrEqual(55);
    // The link the editor copies, from a page at its defaults: presenting the deck from its first step, that step's pin applied.
    const values = deckLinkValues(defaultValues(), lecture);
    expect(values).toMatchObject({ ...pinnedValues(lecture[0].pin ?? {}, URL_TABLE), presenting: true, step: 0, section: 'why', deck: lecture });
    const link = linkFor(values, { origin: 'https://teaching.example.edu', pathname: '/courses/deep-learning/batchnorm-live/' });
    // What a browser's address bar holds and copies: every non-ASCII character percent-encoded.
    const href = new URL(link).href;
    expect(href).toBe(link);
    expect(href.length).toBeLessThanOrEqual(2000);
    expect(parseQuery(new URL(href).search)).toEqual({ values, notices: [] });
  });

  test('a tampered deck opens what it can, and the notices say what was dropped', () => {
    const { values, notices } = parseQuery('?present=1&deck=1~mean*seed:5~nowhere~why*gamma:abc~');
    expect(values.deck).toEqual([
      { ...place(2), note: '', pin: { seed: '5' } },
      { ...place(0), note: '', pin: {} },
    ]);
    expect(notices).toEqual(['deck: Deck step 2: “nowhere” is not a step of this notebook; it was left out.', 'deck: Deck step 3: gamma=“abc” is not a number; using the default, 1.']);
  });

  test('a deck with no usable step is the whole notebook, and says so', () => {
    const { values, notices } = parseQuery('?deck=%00%FF~~*');
    expect(values.deck).toEqual([]);
    expect(notices.at(-1)).toBe('deck: no step of the deck could be used; the presentation shows every step.');
    expect(parseQuery('?deck=').notices).toEqual([]);
  });

  test('a note cut to 140 code units keeps whole characters, so the address can still be written', () => {
    const note = `${'x'.repeat(139)}😀y`;
    const { values } = parseQuery(`?deck=1~mean**${encodeURIComponent(note)}~`);
    expect(values.deck?.[0].note).toBe('x'.repeat(139));
    expect(serializeQuery(values)).toBe(`v=1&deck=1~mean**${'x'.repeat(139)}~`);
  });

  test('writes spaces as "+" and keeps ":" ";" "," "~" "*" "!" readable', () => {
    const deck: Deck = [{ ...place(2), note: 'a b', pin: { seed: '5', points: '1:2,3:4' } }];
    expect(serializeQuery({ deck })).toBe('v=1&deck=1~mean*seed:5;points:1:2,3:4*a+b~');
  });

  test('a slider moved while preparing does not travel with the deck: the link starts from the defaults (the look kept), then the first step’s pin', () => {
    const prepared = { ...defaultValues(), gamma: 2.5, seed: 9, theme: 'projector' as const, zoom: 120 };
    const plain: Deck = [place(5), place(6)].map((p) => ({ ...p, note: '', pin: null }));
    expect(deckLinkValues(prepared, plain)).toMatchObject({ gamma: 1, seed: defaultValues().seed, theme: 'projector', zoom: 120, presenting: true, step: 0 });
    const pinned: Deck = [{ ...place(5), note: '', pin: capturePin({ ...defaultValues(), gamma: 2.5 }, URL_TABLE) }, { ...place(6), note: '', pin: null }];
    expect(deckLinkValues(prepared, pinned)).toMatchObject({ gamma: 2.5, seed: defaultValues().seed });
  });

  test('presenting a deck: the step is counted in the deck (clamped to it, with a notice) and sets its section and the pass equation', () => {
    const deck: Deck = [place(2), place(13)].map((p) => ({ ...p, note: '', pin: null }));
    expect(normalizeUrlValues({ presenting: true, deck, step: 1 })).toMatchObject({ step: 1, section: 'forward', forwardStep: 2 });
    const said: string[] = [];
    expect(normalizeUrlValues({ presenting: true, deck, step: 50 }, (m) => said.push(m))).toMatchObject({ step: 1, section: 'forward' });
    expect(normalizeUrlValues({ presenting: true, step: 50 }, (m) => said.push(m))).toMatchObject({ step: STEPS.length - 1, section: STEPS[STEPS.length - 1].sectionId });
    expect(said).toEqual(['step=“51” is beyond the last step of this deck; using 2.', `step=“51” is beyond the last step of the presentation; using ${STEPS.length}.`]);
    expect(URL_TABLE.find((r) => r.key === 'step')?.read('50', () => undefined)).toBe(49);
  });

  test('a step past the end gets one notice, naming the last step of what is presented (not first a clamp to 50, then another)', () => {
    const read = parseQuery('?present=1&step=99');
    expect(read.notices).toEqual([]);
    const said: string[] = [];
    expect(normalizeUrlValues(read.values, (m) => said.push(m))).toMatchObject({ step: STEPS.length - 1 });
    expect(said).toEqual([`step=“99” is beyond the last step of the presentation; using ${STEPS.length}.`]);
  });
});
