import { useDeferredValue } from 'react';
import { DeckPart } from '../../ui/DeckPart';
import { useNearViewport } from '../shared/useNearViewport';
import { ErrorChart, GapChart } from './BsCharts';
import { BsRunBar } from './BsControls';
import { BsGapText, BsVerdictText } from './BsWords';
import { useBs } from './bsControl';
import { BS_WIDTH } from './bsView';
import { useBsAutostart, useBsSettings } from './useBsSweep';
import './batchSize.css';

/** The step: guess first; → the curve and the verdict; → BN's train mode vs eval mode. It runs (or resumes showing) the sweep itself. */
export function BatchSizeSlide() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  useBsAutostart(near);
  const settings = useBsSettings();
  // Deferred: a new point re-renders the charts in a background render React can interrupt, not in one long task.
  const points = useDeferredValue(useBs((s) => s.points));
  return (
    <div ref={ref} className="pass-slide bs-slide">
      <DeckPart until={0}>
        <p>
          On ImageNet (ResNet-50, Wu &amp; He 2018), BN&apos;s error rose from 23.6 % at 32 images per GPU to 34.7 % at 2; GroupNorm&apos;s stayed near 24 %. A small
          MLP (784 → {BS_WIDTH} → {BS_WIDTH} → 10) is trained here on Fashion-MNIST at m = {listed(settings.sizes)}, for {settings.epochs}{' '}
          epoch{settings.epochs === 1 ? '' : 's'} at every m: what will BN&apos;s test error do at m = {settings.sizes[0]}? GroupNorm&apos;s? LayerNorm&apos;s?
        </p>
      </DeckPart>
      <BsRunBar settings={settings} />
      <DeckPart from={1} until={1}>
        {settings.norms.length > 0 && <ErrorChart settings={settings} points={points} height={190} />}
        <BsVerdictText settings={settings} points={points} compact />
      </DeckPart>
      <DeckPart from={2}>
        <p>BN in train mode (each test batch of m normalized by itself) vs eval mode (running statistics):</p>
        {settings.norms.includes('bn') && <GapChart settings={settings} points={points} height={190} />}
        <BsGapText settings={settings} points={points} compact />
      </DeckPart>
    </div>
  );
}

/** 2, 4, 8, 16 and 32: the batch sizes as a list in words, so the epochs after them do not read as one more size. */
const listed = (xs: readonly number[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
