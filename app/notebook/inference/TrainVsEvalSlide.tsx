import { DeckPart } from '../../ui/DeckPart';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { BatchNoise } from './BatchNoise';
import { SampleModes } from './SampleModes';
import { RUNNING_TEX, RunningStats } from './TrainVsEval';
import { useRunningTrace } from './useRunningTrace';
import '../shared/network.css';

/**
 * Section 15 as a presentation step (the outline's reveals): the running statistics, live; → eval mode,
 * one sample in three batches; → BN's noise, measured. The prose between them is the notebook's.
 */
export function TrainVsEvalSlide() {
  const trace = useRunningTrace();
  return (
    <div className="train-eval-slide">
      <DeckPart until={0}>
        <ScrollEquation tex={RUNNING_TEX} label="Running mean and variance updates, alpha is the momentum" />
        <RunningStats trace={trace} />
      </DeckPart>
      {/* Eval mode's equation is the sample's, with the running statistics, once the class switches to it. */}
      <DeckPart from={1} until={1}>
        <SampleModes trace={trace} />
      </DeckPart>
      <DeckPart from={2}>
        <BatchNoise trace={trace} />
      </DeckPart>
    </div>
  );
}
