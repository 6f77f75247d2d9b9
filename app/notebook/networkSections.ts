import { lazySection } from './lazySection';
import { codeChunk } from './codeChunk';
import { landscapeChart, runningChart, scaleChart } from './shared/chartChunks';
import type { SectionView } from './sectionView';
import { WhyNormalize } from './why/WhyNormalize';
import { WhySlide } from './why/WhySlide';

// Section 1 is on the first screen; 11, 12 and 14–16 arrive as one chunk after it (heights: see lazySection).
const later = codeChunk(() => import('./networkLater'));
const ForwardPass = lazySection('ForwardPass', later, (m) => m.ForwardPass, 1400);
const BackwardPass = lazySection('BackwardPass', later, (m) => m.BackwardPass, 1950);
const ForwardSlide = lazySection('ForwardSlide', later, (m) => m.ForwardSlide, 500);
const BackwardSlide = lazySection('BackwardSlide', later, (m) => m.BackwardSlide, 500);
const WhyItWorks = lazySection('WhyItWorks', later, (m) => m.WhyItWorks, 1900, [scaleChart, landscapeChart]);
const TrainVsEval = lazySection('TrainVsEval', later, (m) => m.TrainVsEval, 1750, [runningChart]);
const FurtherReading = lazySection('FurtherReading', later, (m) => m.FurtherReading, 1250);
const WhyItWorksSlide = lazySection('WhyItWorksSlide', later, (m) => m.WhyItWorksSlide, 500);
const TrainVsEvalSlide = lazySection('TrainVsEvalSlide', later, (m) => m.TrainVsEvalSlide, 500);
const ReadingSlide = lazySection('ReadingSlide', later, (m) => m.ReadingSlide, 500);

/** Sections 1, 11, 12, 14, 15, 16: the network, why BN works, train vs eval, reading (ids and titles: app/outline.ts). */
export const NETWORK_VIEWS: Readonly<Record<string, SectionView>> = {
  why: { Component: WhyNormalize, Slide: WhySlide },
  // One component for all of a pass's steps: the store's forwardStep/backwardStep (the outline's step state) picks the equation.
  forward: { Component: ForwardPass, Slide: ForwardSlide },
  backward: { Component: BackwardPass, Slide: BackwardSlide },
  'why-it-works': { Component: WhyItWorks, Slide: WhyItWorksSlide },
  inference: { Component: TrainVsEval, Slide: TrainVsEvalSlide },
  reading: { Component: FurtherReading, Slide: ReadingSlide },
};
