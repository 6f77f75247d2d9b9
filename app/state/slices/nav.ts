import type { StateCreator } from 'zustand/vanilla';
import { SECTION_IDS, STEPS, ZOOM, largestReveal, largestStepValue } from '../../outline';
import { defaultsOf, type PropsTable } from '../props';

/** The largest step an address is read with, before the deck shown clamps it: past the notebook's and any own deck's length. */
const STEP_READ_MAX = 9999;

/** The colour theme: the operating system's choice, light, dark, or high contrast for a projector. */
export type Theme = 'system' | 'light' | 'dark' | 'projector';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark', 'projector'];

/** Where the reader is: the section, the equation step in sections 11–12, presentation mode (and its theme). */
export interface NavData {
  /** Id of the current section (see app/outline.ts). */
  section: string;
  /** Step of the forward pass walk-through (section 11), 0-based. */
  forwardStep: number;
  /** Step of the backward pass walk-through (section 12), 0-based. */
  backwardStep: number;
  /** Presentation mode on/off, and its step (0-based over the deck's steps: every step, or the instructor's own deck). */
  presenting: boolean;
  step: number;
  /** How many of the step's hidden parts are shown (its outline's `reveals`); back to 0 when the step changes. */
  part: number;
  /** The presentation's text size in percent (a presenter's zoom that reflows the step). */
  zoom: number;
  /** The page's theme (notebook and presentation); 'system' follows the operating system. */
  theme: Theme;
  /** This window is the presenter's view of a presentation shown in another window (see app/presentation/presenter/). */
  presenter: boolean;
  /**
   * This page is one of the presenter's live copies of the projected deck, in a frame of the presenter's
   * window: of its current step, or of the next one. It follows the deck and writes no address.
   */
  mirror: Mirror;
}

/** Which copy of the projected deck a page is (see NavData.mirror); 'off': the page is itself. */
export type Mirror = 'off' | 'current' | 'next';
export const MIRRORS: readonly Mirror[] = ['off', 'current', 'next'];

export interface NavSlice extends NavData {
  setNav: (patch: Partial<NavData>) => void;
}

const DEFAULT_SECTION = 'why';

/**
 * Where the reader is (see ../props.ts). The section changes as the reader scrolls, so it only
 * updates the address ('replace'), and Back undoing a setting leaves it as it is ('place'): the page
 * does not jump to where the reader was when the entry was written. Steps and presentation mode make
 * history entries.
 * Steps count from 1 in the URL, as on screen ("Step 3 of 9"); every step is its own history entry.
 */
export const NAV_PROPS = {
  section: {
    kind: 'enum',
    default: DEFAULT_SECTION,
    values: () => [...new Set([DEFAULT_SECTION, ...SECTION_IDS])],
    noun: 'a section of this notebook',
    history: 'replace',
    place: true,
  },
  forwardStep: { kind: 'number', param: 'forward', default: 0, min: 0, max: () => largestStepValue(STEPS, 'forwardStep'), integer: true, oneBased: true, coalesce: false },
  backwardStep: { kind: 'number', param: 'backward', default: 0, min: 0, max: () => largestStepValue(STEPS, 'backwardStep'), integer: true, oneBased: true, coalesce: false },
  presenting: { kind: 'boolean', param: 'present', default: false },
  // Read up to STEP_READ_MAX (far past any deck) so that normalizePresentation, which clamps it to the deck
  // shown, is the one notice a reader gets for a step beyond the end (it names the deck's own last step).
  step: { kind: 'number', default: 0, min: 0, max: () => STEP_READ_MAX - 1, integer: true, oneBased: true, coalesce: false },
  part: { kind: 'number', default: 0, min: 0, max: () => largestReveal(STEPS), integer: true, coalesce: false },
  zoom: { kind: 'number', default: 100, min: ZOOM.min, max: ZOOM.max, integer: true, history: 'replace' },
  // A look, not a place: changing it does not make a history entry.
  theme: { kind: 'enum', default: 'system', values: THEMES, history: 'replace', label: 'Theme' },
  // The window's job, set once by the link that opens it: never a history entry.
  presenter: { kind: 'boolean', default: false, history: 'replace' },
  mirror: { kind: 'enum', default: 'off', values: MIRRORS, history: 'replace' },
} as const satisfies PropsTable<NavData>;

export const navSlice: StateCreator<NavSlice> = (set) => ({
  ...defaultsOf<NavData>(NAV_PROPS),
  // A new step starts with its parts hidden, unless the patch says otherwise (going back shows them all).
  setNav: (patch) =>
    set((s) => {
      const moved = (patch.step !== undefined && patch.step !== s.step) || (patch.presenting !== undefined && patch.presenting !== s.presenting);
      return moved && patch.part === undefined ? { ...patch, part: 0 } : patch;
    }),
});
