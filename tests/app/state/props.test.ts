import { expect, test } from 'vitest';
import { resolveBound, type NumberProp, type Prop } from '../../../app/state/props';
import { BATCH_PROPS } from '../../../app/state/slices/batch';
import { BN_PROPS } from '../../../app/state/slices/bn';
import { LAB_PROPS } from '../../../app/state/slices/lab';
import { LAB_STEP_PROPS } from '../../../app/state/slices/labStep';
import { NAV_PROPS } from '../../../app/state/slices/nav';
import { DECK_PROPS } from '../../../app/state/slices/deck';
import { BEYOND_PROPS } from '../../../app/state/slices/beyond';
import { IMAGES_PROPS } from '../../../app/state/slices/images';
import { EXERCISE_PROPS } from '../../../app/state/slices/exercise';
import { FAMILY_PROPS } from '../../../app/state/slices/family';
import { BATCH_SIZE_PROPS } from '../../../app/state/slices/batchSize';
import { createAppStore } from '../../../app/state/store';
import { URL_TABLE } from '../../../app/state/url/table';

const ALL: Record<string, Prop> = { ...BATCH_PROPS, ...BN_PROPS, ...NAV_PROPS, ...LAB_PROPS, ...LAB_STEP_PROPS, ...DECK_PROPS, ...BEYOND_PROPS, ...IMAGES_PROPS, ...EXERCISE_PROPS, ...FAMILY_PROPS, ...BATCH_SIZE_PROPS };
const numbers = Object.entries(ALL).filter((e): e is [string, NumberProp] => e[1].kind === 'number');

/** What a control lets the reader pick: a linear slider's range, or a log slider's, or none. */
function controlRange(p: NumberProp): [number, number] | null {
  if (p.log) return [p.log.zeroBelow ? 0 : 10 ** p.log.minExp, 10 ** p.log.maxExp];
  if (p.slider) return [p.slider.min, p.slider.max];
  if (p.step !== undefined) return [resolveBound(p.min), resolveBound(p.max)];
  return null;
}

test('the store starts at the props tables’ defaults, and the URL table has one row per prop, in order', () => {
  const initial = createAppStore().getState();
  for (const [key, p] of Object.entries(ALL)) expect([key, initial[key as keyof typeof initial]]).toEqual([key, p.default]);
  expect(URL_TABLE.map((row) => row.key)).toEqual(Object.keys(ALL));
});

test('every control’s range lies within what the URL accepts (a value set by a control survives a link)', () => {
  const controlled = numbers.filter(([, p]) => controlRange(p) !== null);
  expect(controlled.map(([key]) => key)).toEqual(expect.arrayContaining(['m', 'shift', 'scale', 'seed', 'offset', 'eps', 'gamma', 'beta', 'bias']));
  for (const [key, p] of controlled) {
    const [lo, hi] = controlRange(p) as [number, number];
    expect([key, lo >= resolveBound(p.min), hi <= resolveBound(p.max), lo < hi]).toEqual([key, true, true, true]);
  }
});

test('each control starts on its default', () => {
  for (const [key, p] of numbers) {
    const range = controlRange(p);
    if (range) expect([key, p.default >= range[0] && p.default <= range[1]]).toEqual([key, true]);
  }
});

test('γ and β: the URL accepts more than the sliders offer (section 8’s identity undo reaches ±50)', () => {
  for (const p of [BN_PROPS.gamma, BN_PROPS.beta]) {
    expect(resolveBound(p.min)).toBeLessThanOrEqual(-50);
    expect(resolveBound(p.max)).toBeGreaterThanOrEqual(50);
    expect(p.slider.max).toBeLessThan(50);
  }
});
