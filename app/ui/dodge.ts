/**
 * A beeswarm layout for a dot plot: points at pixel positions `xs` get a stacking level
 * (0 = on the axis, 1 = one row up, …) so that points on the same level are at least `gap`
 * pixels apart. Greedy, left to right; ties keep index order, so the layout is deterministic.
 */
export function dodgeLevels(xs: ArrayLike<number>, gap: number): Int32Array {
  const n = xs.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => xs[a] - xs[b] || a - b);
  const levels = new Int32Array(n);
  const lastX: number[] = [];
  for (const i of order) {
    let level = 0;
    while (level < lastX.length && xs[i] - lastX[level] < gap) level++;
    lastX[level] = xs[i];
    levels[i] = level;
  }
  return levels;
}
