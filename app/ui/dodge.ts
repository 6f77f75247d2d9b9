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

/**
 * The radius of each point's invisible grab circle, for points at (xs[i], ys[i]): `max` where it is alone, but never
 * more than half the distance to its nearest neighbour (nor less than `min`, its drawn radius), so no grab circle
 * covers another point's centre. A fixed 20 px circle drawn over its neighbours made 8 of 30 points ungrabbable at
 * their centres (section 2, m = 30, spread 0.6): a press on a point took the one drawn after it.
 */
export function hitRadii(xs: ArrayLike<number>, ys: ArrayLike<number>, min: number, max: number): Float64Array {
  const n = xs.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let nearest = Infinity;
    for (let j = 0; j < n; j++) if (j !== i) nearest = Math.min(nearest, Math.hypot(xs[i] - xs[j], ys[i] - ys[j]));
    out[i] = Math.min(max, Math.max(min, nearest / 2));
  }
  return out;
}
