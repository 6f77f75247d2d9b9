import { CatsCallout } from './CatsCallout';
import { Landscape } from './Landscape';
import { ScaleInvariance } from './ScaleInvariance';
import '../shared/network.css';

/** Section 14: the notes' covariate-shift story, scale invariance, and the smoother landscape. */
export function WhyItWorks() {
  return (
    <>
      <h3 className="subhead">The notes&apos; story: covariate shift</h3>
      <p>
        The notes explain BN&apos;s success as Ioffe and Szegedy did: centring and scaling the inputs of every activation stops
        them from drifting as the earlier layers learn (section 1 showed that drift), so each layer stops chasing a moving
        target and the network learns faster, more so the deeper it is. Two parts of that are facts: BN does fix each
        pre-activation&apos;s mean and variance over the batch (to β and about γ², sections 3–7), and networks with BN do train
        faster in practice. <em>Why</em> is contested. That the drift itself was the problem is the part later work doubts (below),
        and the notes&apos; illustration is about something else again:
      </p>
      <CatsCallout />
      <h3 className="subhead">Scale invariance: the scale of the weights, in train mode</h3>
      <p>
        What BN does make irrelevant, in train mode, is the <em>scale</em> of a layer&apos;s weights. Multiply W₁ by any k &gt; 0 and
        Z₁, μ and σ all scale by k, which the normalization with the batch&apos;s own statistics divides out (up to ε). This is not
        the notes&apos; &ldquo;colour intensity&rdquo;: that is a property of the input images, in eval mode the running statistics
        do not rescale a brighter image, and a change of hue is not a scale at all. Drag k:
      </p>
      <ScaleInvariance />
      <h3 className="subhead">One later account: a smoother loss landscape</h3>
      <p>
        Santurkar, Tsipras, Ilyas and Mądry (2018) tested the covariate-shift story and found it wanting: injecting noise
        <em> after</em> BN, so that the distributions shift more than without BN, still trains nearly as well, and BN does not
        reliably reduce internal covariate shift. Their account is the landscape: with BN the loss and its gradient vary less
        when you step along the gradient, so the gradient is a more reliable guide and larger steps stay safe. Here is that
        measurement, computed live:
      </p>
      <Landscape />
      <h3 className="subhead">The question is open</h3>
      <p data-testid="why-open">
        Smoothness is one account among several, and none is settled. Bjorck, Gomes, Selman and Weinberger (2018) tie BN&apos;s
        benefit to the larger learning rates it lets training use stably. Kohler et al. (2019) show that BN splits a weight
        vector&apos;s length from its direction (the scale invariance above is that split), and prove faster convergence from it
        for specific problems: learning halfspaces, and networks with Gaussian inputs. Luo, Wang, Shao and Peng (2019) describe the batch statistics&apos; noise as a regularizer (section 15
        measures that noise). Yang et al. (2019) show, with mean-field theory, that deep fully-connected BN networks without skip connections have
        exploding gradients at initialization, which argues against any simple &ldquo;BN makes everything smooth&rdquo; story. What is established is what BN computes and that
        it usually speeds training up; why is still argued.
      </p>
    </>
  );
}
