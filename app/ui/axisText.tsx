import type { LabelProps } from 'recharts';

/**
 * Axis text for Recharts charts that is drawn, never measured. Recharts word-wraps a text that has a width
 * (a tick label gets its axis' width, an axis title its box's), measuring each word in a hidden span: each
 * measurement is a forced style and layout of the page, and the span's change makes the next one another.
 * When a section's charts first drew, that was about 40 forced layouts in one task (a 230 ms task at
 * desktop speed). Every tick label and axis title here is a short single line: nothing to wrap.
 */

/** Tick props that turn the wrapping off (Recharts wraps only a text with a non-zero width); spread into an axis' `tick`. */
export const UNWRAPPED = { width: 0 } as const;

/** The x-axis title as Recharts' Label draws it (same element, class, anchor and fill), from the place Recharts computed. */
function XTitleText({ x, y, value }: LabelProps) {
  return (
    <text x={x} y={y} className="recharts-text recharts-label" textAnchor="middle" fill="#808080">
      <tspan x={x} dy="0em">
        {value}
      </tspan>
    </text>
  );
}

/** An XAxis `label`: `value` centred under the axis's tick labels (10 px below the axis's box), drawn without measuring. */
export const xTitle = (value: string) => ({ value, position: 'insideBottom' as const, offset: -10, content: XTitleText });
