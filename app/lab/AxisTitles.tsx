import { usePlotArea } from 'recharts';

/** Where a chart's y title sits: this far above the plot's top edge (its baseline), clear of the top tick label. */
export const Y_TITLE_GAP = 12;
/** Room above the plot for the y title (a chart's top margin at least). */
export const TITLE_ROOM = 26;
const X_TITLE_BELOW = 36;

/**
 * A lab chart's axis titles, written horizontally (readable without tilting the head, on a phone or a
 * projector): the y title above the plot's top-left corner, over the tick labels; the x title centred
 * under the x tick labels. Inside a Recharts chart (it reads the plot area).
 */
export function AxisTitles({ x, y, yTop }: { x: string; y: string; /** The y title's baseline, if not just above the plot. */ yTop?: number }) {
  const plot = usePlotArea();
  if (!plot) return null;
  return (
    <g className="lab-axis-titles">
      <text className="lab-axis-title" data-axis="y" x={4} y={yTop ?? plot.y - Y_TITLE_GAP} textAnchor="start" fill="var(--fg)" fontSize={13}>
        {y}
      </text>
      <text className="lab-axis-title" data-axis="x" x={plot.x + plot.width / 2} y={plot.y + plot.height + X_TITLE_BELOW} textAnchor="middle" fill="var(--fg)" fontSize={13}>
        {x}
      </text>
    </g>
  );
}
