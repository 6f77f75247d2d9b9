import { SECTION_IDS, STEPS, largestStepValue } from '../../outline';
import { booleanRow, enumRow, numberRow } from '../url/rows';

const DEFAULT_SECTION = 'why';

/**
 * Where the reader is (see ../url/table.ts). The section changes as the reader scrolls, so it only
 * updates the address ('replace'); steps and presentation mode make history entries.
 * Steps count from 1 in the URL, as on screen ("Step 3 of 9"); every step is its own history entry.
 */
export const NAV_URL = [
  enumRow('section', {
    default: DEFAULT_SECTION,
    values: () => [...new Set([DEFAULT_SECTION, ...SECTION_IDS])],
    noun: 'a section of this notebook',
    history: 'replace',
  }),
  numberRow('forwardStep', { param: 'forward', default: 0, min: 0, max: () => largestStepValue(STEPS, 'forwardStep'), integer: true, oneBased: true, coalesce: false }),
  numberRow('backwardStep', { param: 'backward', default: 0, min: 0, max: () => largestStepValue(STEPS, 'backwardStep'), integer: true, oneBased: true, coalesce: false }),
  booleanRow('presenting', { param: 'present', default: false }),
  numberRow('step', { default: 0, min: 0, max: () => Math.max(0, STEPS.length - 1), integer: true, oneBased: true, coalesce: false }),
] as const;

