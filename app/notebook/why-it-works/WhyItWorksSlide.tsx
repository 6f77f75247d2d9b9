import { DeckPart } from '../../ui/DeckPart';
import { CatsCallout } from './CatsCallout';
import { Landscape } from './Landscape';
import { ScaleInvariance } from './ScaleInvariance';
import '../shared/network.css';

/**
 * Section 14 as a presentation step, one account at a time (the outline's reveals): the notes' story and
 * its correction; → scale invariance, live; → what it does to the loss and the gradient (in the chart's place); → the smoother
 * landscape, measured live; → its medians and verdict; → the open question, in the landscape's place, so the deck does not
 * end on one account. The prose between them is the notebook's; the open question is its closing paragraph, shortened.
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
      <DeckPart from={3} until={4}>
        <h3 className="subhead">One later account: a smoother loss landscape</h3>
        <Landscape chartsUntil={3} resultFrom={4} />
      </DeckPart>
      <DeckPart from={5}>
        <h3 className="subhead">The question is open</h3>
        <p data-testid="why-open-brief">
          Smoothness is one account among several: larger stable learning rates (Bjorck et al. 2018), length–direction decoupling
          (Kohler et al. 2019), the noise of batch statistics (Luo et al. 2019); and Yang et al. (2019) show that deep fully-connected
          BN networks without skip connections have exploding gradients at initialization, against any simple &ldquo;BN makes
          everything smooth&rdquo; story. What BN computes is established; why it helps is still argued.
        </p>
      </DeckPart>
    </div>
  );
}
