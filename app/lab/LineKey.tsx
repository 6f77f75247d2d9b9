import type { VariantName } from '../../src/train';
import { usePair } from './usePair';
import { VARIANT_COLOR, VARIANT_DASH } from './lineStyle';
import { runSmoothing } from './MetricCharts';
import { useRun } from './runStore';

function Swatch({ variant, width = 2.6, opacity = 1 }: { variant: VariantName; width?: number; opacity?: number }) {
  return (
    <svg className="lab-swatch" width="34" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="33" y2="5" stroke={VARIANT_COLOR[variant]} strokeWidth={width} strokeOpacity={opacity} strokeDasharray={VARIANT_DASH[variant]} />
    </svg>
  );
}

/**
 * The key to the lab's charts: which line is which network (shown once, beside the run controls),
 * and what thin and thick lines mean in a given chart.
 */
export function LineKey({ roles }: { roles: 'networks' | 'train-test' | 'quantiles' }) {
  // Small batches: the mini-batch lines are a moving mean, and the key says so.
  const smoothed = useRun((s) => runSmoothing(s)?.text ?? null);
  const pair = usePair();
  return (
    <ul className="lab-key" aria-label={roles === 'networks' ? 'Which line is which network' : 'How to read the lines'}>
      {roles === 'networks' && (
        <>
          <li>
            <Swatch variant="bn" /> {pair.label.bn} (solid, blue)
          </li>
          <li>
            <Swatch variant="plain" /> {pair.label.plain} (dashed, orange)
          </li>
        </>
      )}
      {roles === 'train-test' && (
        <>
          <li>
            <Swatch variant="bn" width={1.2} opacity={0.45} /> {smoothed ? `thin, faint: mini-batch, ${smoothed}` : 'thin, faint: each mini-batch (noisy)'}
          </li>
          <li>
            <Swatch variant="bn" /> thick: the test set
          </li>
        </>
      )}
      {roles === 'quantiles' && (
        <li>
          <Swatch variant="bn" /> thick: median; thin: 15 % and 85 %
        </li>
      )}
    </ul>
  );
}
