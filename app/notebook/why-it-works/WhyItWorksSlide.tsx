import { DeckPart } from '../../ui/DeckPart';
import { CatsCallout } from './CatsCallout';
import { Landscape } from './Landscape';
import { ScaleInvariance } from './ScaleInvariance';
import '../shared/network.css';

/**
 * Section 14 as a presentation step, one account at a time (the outline's reveals): the notes' story and
 * its correction; → scale invariance, live; → what it does to the loss and the gradient (in the chart's place); → the smoother
 * landscape, measured live; → its medians and verdict. The prose between them is the notebook's.
 */
export function WhyItWorksSlide() {
  return (
    <div className="why-it-works-slide">
      <DeckPart until={0}>
        <h3 className="subhead">The notes&apos; story: covariate shift</h3>
        <CatsCallout />
      </DeckPart>
      <DeckPart from={1} until={2}>
        <h3 className="subhead">Scale invariance: the scale of the weights, in train mode</h3>
        <ScaleInvariance chartUntil={1} gradFrom={2} />
      </DeckPart>
      <DeckPart from={3}>
        <h3 className="subhead">One later account: a smoother loss landscape</h3>
        <Landscape chartsUntil={3} resultFrom={4} />
      </DeckPart>
    </div>
  );
}
