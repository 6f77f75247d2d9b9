/** Sections 11, 12, 14–16, one chunk loaded after the first screen (see lazySection.tsx and networkSections.ts). */
export { ForwardPass } from './forward/ForwardPass';
export { ForwardSlide } from './forward/ForwardSlide';
export { BackwardPass } from './backward/BackwardPass';
export { BackwardSlide } from './backward/BackwardSlide';
export { WhyItWorks } from './why-it-works/WhyItWorks';
export { TrainVsEval } from './inference/TrainVsEval';
export { FurtherReading } from './reading/FurtherReading';
