import { useCallback } from 'react';
import { useAppState } from '../state/store';
import { driftCaption, gradCaption, lossCaption } from './model/captions';
import type { RunState } from './runStore';
import { pairOfSettings } from './model/pair';
import { LookFor } from './LookFor';

const loss = (s: RunState): string | null => (s.series ? lossCaption(s.series, pairOfSettings(s.info?.settings)) : null);
const grad = (s: RunState): string | null => (s.series ? gradCaption(s.series, s.diverged, s.info?.settings.model === 'cnn' ? 'channel' : 'unit', pairOfSettings(s.info?.settings)) : null);

/** Under the loss and accuracy charts. */
export const LossLookFor = () => <LookFor select={loss} testId="look-loss" />;
/** Under the gradient-norm charts. */
export const GradLookFor = () => <LookFor select={grad} testId="look-grad" />;

/** Under the quantile charts: the charted layer's drift (labLayer 0 = the last hidden layer). */
export function DriftLookFor() {
  const chosen = useAppState((s) => s.labLayer);
  const before = useAppState((s) => s.labBn === 'before');
  const select = useCallback(
    (s: RunState): string | null => {
      if (!s.series) return null;
      const hidden = s.series.hiddenLayers;
      // The CNN's BatchNorm2d always sits between its convolution and ReLU.
      const cnn = s.info?.settings.model === 'cnn';
      return driftCaption(s.series, chosen === 0 || chosen > hidden ? hidden : chosen, cnn || before, cnn ? 'channel' : 'unit', pairOfSettings(s.info?.settings));
    },
    [chosen, before],
  );
  return <LookFor select={select} testId="look-drift" />;
}
