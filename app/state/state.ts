import type { BatchSlice } from './slices/batch';
import type { BnSlice } from './slices/bn';
import type { NavSlice } from './slices/nav';
import type { LabSlice } from './slices/lab';
import type { LabStepSlice } from './slices/labStep';
import type { DeckSlice } from './slices/deck';
import type { BeyondSlice } from './slices/beyond';
import type { ImagesSlice } from './slices/images';
import type { ExerciseSlice } from './slices/exercise';
import type { FamilySlice } from './slices/family';
import type { BatchSizeSlice } from './slices/batchSize';

/**
 * The app's state: one flat store made of one typed slice per concern (the mini-batch, the BN knobs,
 * where the reader is, the training lab and where its run is, the instructor's deck, the sections
 * beyond the notes, the exercises' seed). Each slice is typed by itself alone, so nothing the slices import imports this file back.
 */
export type State = BatchSlice & BnSlice & NavSlice & LabSlice & LabStepSlice & DeckSlice & BeyondSlice & ImagesSlice & ExerciseSlice & FamilySlice & BatchSizeSlice;
