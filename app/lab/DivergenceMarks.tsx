import type { VariantName } from '../../src/train';
import { usePlotArea, useXAxisScale } from 'recharts';
import { labelWidth } from './model/labAxes';
import { usePair } from './usePair';
import { VARIANT_COLOR } from './lineStyle';

export interface StepMark {
  readonly variant: VariantName;
  readonly step: number;
}

/**
 * Where a network diverged, on a step-axis chart: a dashed rule at that step across the plot, in the
 * network's colour, and “✕ Without BN diverged” at its top (one row per network, so two marks at
 * nearby steps do not cover each other). The lines stop there; the mark says why, in view of the chart.
 */
export function DivergenceMarks({ marks }: { marks: readonly StepMark[] }) {
  const pair = usePair();
  const sx = useXAxisScale();
  const plot = usePlotArea();
  if (!sx || !plot || marks.length === 0) return null;
  return (
    <g className="lab-diverged-marks">
      {marks.map((m, row) => {
        const x = Number(sx(m.step));
        const words = `✕ ${pair.label[m.variant]} diverged`;
        // The words go right of the rule, or left of it where they would not fit (bold: a tenth wider).
        const need = labelWidth(words) * 1.1 + 5, right = plot.x + plot.width - x;
        const left = right < need && x - plot.x > right;
        const color = VARIANT_COLOR[m.variant];
        return (
          <g key={m.variant} className="lab-diverged-mark" data-variant={m.variant}>
            <line x1={x} x2={x} y1={plot.y} y2={plot.y + plot.height} stroke={color} strokeWidth={1.6} strokeDasharray="2 3" />
            <text x={left ? x - 5 : x + 5} y={plot.y + 13 + 16 * row} textAnchor={left ? 'end' : 'start'} fill={color} fontSize={12} fontWeight={700} stroke="var(--panel)" strokeWidth={3} paintOrder="stroke">
              {words}
            </text>
          </g>
        );
      })}
    </g>
  );
}
