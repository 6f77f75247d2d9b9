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
        target and the network learns faster, more so the deeper it is. Part of that is right, and part of the notes&apos;
        illustration is not:
      </p>
      <CatsCallout />
      <h3 className="subhead">Scale invariance: the “colour intensity” that does not matter</h3>
      <p>
        What BN does make irrelevant is the <em>scale</em> of a layer&apos;s weights. Multiply W₁ by any k &gt; 0 and Z₁, μ and σ
        all scale by k, which the normalization divides out. Drag k:
      </p>
      <ScaleInvariance />
      <h3 className="subhead">The later view: a smoother loss landscape</h3>
      <p>
        Santurkar, Tsipras, Ilyas and Mądry (2018) tested the covariate-shift story and found it wanting: injecting noise
        <em> after</em> BN, so that the distributions shift more than without BN, still trains nearly as well, and BN does not
        reliably reduce internal covariate shift. What BN does change is the landscape: the loss and its gradient vary less
        when you step along the gradient, so the gradient is a more reliable guide and larger learning rates work. Here is
        that measurement, computed live:
      </p>
      <Landscape />
    </>
  );
}
