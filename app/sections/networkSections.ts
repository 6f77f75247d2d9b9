import type { StepDef } from '../presentation/slides';
import { BACKWARD_TITLES } from '../lib/backwardSteps';
import { FORWARD_TITLES } from '../lib/forwardSteps';
import type { SectionDef } from './registry';
import { BackwardPass } from './BackwardPass';
import { ForwardPass } from './ForwardPass';
import { FurtherReading } from './FurtherReading';
import { BackwardSlide, ForwardSlide } from './network/PassSlides';
import { TrainVsEval } from './TrainVsEval';
import { WhyItWorks } from './WhyItWorks';
import { WhyNormalize } from './WhyNormalize';

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
