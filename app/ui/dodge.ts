/**
 * A beeswarm layout for a dot plot: points at pixel positions `xs` get a stacking level
 * (0 = on the axis, 1 = one row up, …) so that points on the same level are at least `gap`
 * pixels apart. Greedy, left to right (each point takes the lowest level with room); ties keep index
 * order, so the layout is deterministic. `first` (a point being dragged) is placed before the others, on
 * `firstLevel` (the level it had when it was pressed): it stays in its row, under the pointer, and the
 * others stack around it.
 */
export function dodgeLevels(xs: ArrayLike<number>, gap: number, first?: number, firstLevel = 0): Int32Array {
  const n = xs.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => xs[a] - xs[b] || a - b);
  if (first !== undefined && first >= 0 && first < n) {
    order.splice(order.indexOf(first), 1);
    order.unshift(first);
  }
  const levels = new Int32Array(n);
  /** The positions placed on each level so far. */
  const placed: number[][] = [];
  for (const i of order) {
    let level = 0;
    if (i === first) {
      for (let l = placed.length; l <= firstLevel; l++) placed.push([]);
      placed[firstLevel].push(xs[i]);
      levels[i] = firstLevel;
      continue;
    }
    while (level < placed.length && placed[level].some((x) => Math.abs(xs[i] - x) < gap)) level++;
    (placed[level] ??= []).push(xs[i]);
    levels[i] = level;
  }
  return levels;
}
