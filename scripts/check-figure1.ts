/**
 * Headless check of the Figure-1 preset (Ioffe & Szegedy 2015, Fig. 1) on the committed
 * Fashion-MNIST subset: trains the plain and the BN network side by side for a wall-clock budget
 * and prints test accuracy and the last hidden layer's probed unit quantiles over time.
 *
 *   npx tsx scripts/check-figure1.ts [seconds=30] [lr] [evalEvery] [seed]
 */
import { readFileSync } from 'node:fs';
import { createComparison, decodeFashionSubset, stepComparison, FIGURE1_PRESET } from '../src';

const seconds = Number(process.argv[2] ?? 30);
const lr = Number(process.argv[3] ?? FIGURE1_PRESET.optimizer.lr);
const evalEvery = Number(process.argv[4] ?? FIGURE1_PRESET.evalEvery);
const seed = Number(process.argv[5] ?? FIGURE1_PRESET.seed);
const bytes = new Uint8Array(readFileSync(new URL('../public/data/fashion-mnist-subset.bin.gz', import.meta.url)));
const data = await decodeFashionSubset(bytes);
const c = createComparison({ ...FIGURE1_PRESET, optimizer: { ...FIGURE1_PRESET.optimizer, lr }, evalEvery, logEvery: evalEvery, seed }, data);
const t0 = performance.now();
let last = t0;
const fmt = (v: number | null | undefined): string => (v == null ? '  —  ' : v.toFixed(3));
console.log(`seed ${seed}, lr ${lr}, batch ${c.config.batchSize}, hidden ${c.config.hidden.join('-')} ${c.config.activation}, ${data.train.y.length} train / ${data.test.y.length} test`);
while ((last - t0) / 1000 < seconds) {
  const chunk = stepComparison(c, evalEvery);
  last = performance.now();
  const p = chunk.logs.plain.at(-1), b = chunk.logs.bn.at(-1);
  const qp = p?.quantiles.at(-1), qb = b?.quantiles.at(-1);
  console.log(
    `t ${((last - t0) / 1000).toFixed(1).padStart(5)} s  step ${String(c.step).padStart(5)}  test acc plain ${fmt(p?.testAccuracy)} bn ${fmt(b?.testAccuracy)}` +
      `  | unit q15/50/85 plain ${fmt(qp?.q15)} ${fmt(qp?.q50)} ${fmt(qp?.q85)}  bn ${fmt(qb?.q15)} ${fmt(qb?.q50)} ${fmt(qb?.q85)}`,
  );
  if (chunk.done) break;
}
console.log(`${(c.step / ((last - t0) / 1000)).toFixed(1)} shared steps/s (both networks, incl. evaluation)`);
