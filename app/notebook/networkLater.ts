/** Sections 11, 12, 14–16, one chunk loaded after the first screen (see lazySection.tsx and networkSections.ts). */
export { ForwardPass } from './forward/ForwardPass';
export { ForwardSlide } from './forward/ForwardSlide';
export { BackwardPass } from './backward/BackwardPass';
export { BackwardSlide } from './backward/BackwardSlide';
export { WhyItWorks } from './why-it-works/WhyItWorks';
export { WhyItWorksSlide } from './why-it-works/WhyItWorksSlide';
export { TrainVsEval } from './inference/TrainVsEval';
export { TrainVsEvalSlide } from './inference/TrainVsEvalSlide';
export { FurtherReading } from './reading/FurtherReading';
export { ReadingSlide } from './reading/ReadingSlide';
