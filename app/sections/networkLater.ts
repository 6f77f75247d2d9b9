/** Sections 11, 12, 14–16, one chunk loaded after the first screen (see lazySection.tsx and networkSections.ts). */
export { ForwardPass } from './ForwardPass';
export { BackwardPass } from './BackwardPass';
export { BackwardSlide, ForwardSlide } from './network/PassSlides';
export { WhyItWorks } from './WhyItWorks';
export { TrainVsEval } from './TrainVsEval';
export { FurtherReading } from './FurtherReading';
