import { DeckPart } from '../../ui/DeckPart';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { COVARIATE_PRESET } from './covariateShift';
import { LAYER_TEX } from './WhyNormalize';
import { Charts, DepthSlider, Drift, DriftCaveat, Seeds, progressText, useCovariateRun } from './WhyParts';
import '../shared/network.css';

/**
 * Section 1 as a presentation step: the moving target and the live run of both networks; → the test
 * accuracy over five seeds; → how far each median drifted, in the key's place, with the section's caveat that
 * this is not yet why BN helps (section 14). The prose is the notebook's.
 */
export function WhySlide() {
  const { ref, near, depth, view, done } = useCovariateRun();
  return (
    <div ref={ref} className="why-slide">
      <DeckPart until={0}>
        <ScrollEquation tex={LAYER_TEX} label="z of layer l depends on the weights of every earlier layer" />
      </DeckPart>
      <div className="controls">
        <DepthSlider depth={depth} />
        <p className="progress" aria-live="polite" data-testid="shift-progress">
          {depth} sigmoid layer{depth === 1 ? '' : 's'} of {COVARIATE_PRESET.width}, the spiral. {progressText(view, near, done)}
        </p>
      </div>
      {view && <Charts view={view} keyUntil={1} />}
      <DeckPart from={1}>{view && <Seeds view={view} done={done} />}</DeckPart>
      <DeckPart from={2}>
        {view && <Drift view={view} />}
        <DriftCaveat />
      </DeckPart>
    </div>
  );
}
