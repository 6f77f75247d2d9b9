/** The axis of a Recharts chart as its CartesianGrid's coordinate generators receive it (the fields used here). */
interface GridAxis {
  scale?: unknown;
  ticks?: readonly unknown[];
  niceTicks?: readonly unknown[];
}

/** An axis scale as Recharts 3 keeps it (an object whose `map` places a value), or a plain function. */
function place(scale: unknown): ((v: unknown) => unknown) | null {
  if (typeof scale === 'function') return scale as (v: unknown) => unknown;
  const map = (scale as { map?: unknown } | null | undefined)?.map;
  return typeof map === 'function' ? (v) => (map as (v: unknown) => unknown).call(scale, v) : null;
}

/** Pixel positions of an axis' ticks (its `ticks`, else the nice ticks of its `tickCount`), through its scale. */
function tickCoordinates(axis: GridAxis | undefined): number[] {
  const at = place(axis?.scale);
  const ticks = axis?.ticks ?? axis?.niceTicks;
  if (!at || !ticks) return [];
  return ticks.map((t) => Number(at(t))).filter(Number.isFinite);
}

/**
 * Props for Recharts' CartesianGrid: its lines at the axes' ticks, placed through the axes' scales. Its own
 * generators run Recharts' tick thinning (getTicks), which measures every tick label with a span in the page
 * (a forced style and layout of the whole notebook each, whatever the axis' `interval`): 300–550 ms in one
 * task when a chart first drew.
 */
export const GRID_AT_TICKS = {
  verticalCoordinatesGenerator: ({ xAxis }: { xAxis?: GridAxis }) => tickCoordinates(xAxis),
  horizontalCoordinatesGenerator: ({ yAxis }: { yAxis?: GridAxis }) => tickCoordinates(yAxis),
};
