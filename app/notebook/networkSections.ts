import type { StepDef } from '../presentation/slides';
import { BACKWARD_TITLES, FORWARD_TITLES } from './pass/passTitles';
import { lazySection } from './lazySection';
import type { SectionDef } from './registry';
import { WhyNormalize } from './why/WhyNormalize';

// Section 1 is on the first screen; 11, 12 and 14–16 arrive as one chunk after it (heights: see lazySection).
const later = () => import('./networkLater');
const ForwardPass = lazySection('ForwardPass', () => later().then((m) => m.ForwardPass), 1400);
const BackwardPass = lazySection('BackwardPass', () => later().then((m) => m.BackwardPass), 1950);
const ForwardSlide = lazySection('ForwardSlide', () => later().then((m) => m.ForwardSlide), 500);
const BackwardSlide = lazySection('BackwardSlide', () => later().then((m) => m.BackwardSlide), 500);
const WhyItWorks = lazySection('WhyItWorks', () => later().then((m) => m.WhyItWorks), 1900);
const TrainVsEval = lazySection('TrainVsEval', () => later().then((m) => m.TrainVsEval), 1750);
const FurtherReading = lazySection('FurtherReading', () => later().then((m) => m.FurtherReading), 1250);

const forwardSteps: StepDef[] = FORWARD_TITLES.map((title, i) => ({ id: `forward-${i + 1}`, title, state: { forwardStep: i }, Component: ForwardSlide }));
const backwardSteps: StepDef[] = BACKWARD_TITLES.map((title, i) => ({ id: `backward-${i + 1}`, title, state: { backwardStep: i }, Component: BackwardSlide }));

/** Sections 1, 11, 12, 14, 15, 16: the network, why BN works, train vs eval, reading. */
export const NETWORK_SECTIONS: SectionDef[] = [
  { id: 'why', number: 1, title: 'Why normalize: covariate shift', Component: WhyNormalize },
  { id: 'forward', number: 11, title: 'The forward pass, step by step', Component: ForwardPass, steps: forwardSteps },
  { id: 'backward', number: 12, title: 'The backward pass, checked', Component: BackwardPass, steps: backwardSteps },
  { id: 'why-it-works', number: 14, title: 'Why batch norm works', Component: WhyItWorks },
  { id: 'inference', number: 15, title: 'Train mode and eval mode', Component: TrainVsEval },
  { id: 'reading', number: 16, title: 'Further reading', Component: FurtherReading },
];
