import type { SeedCurve } from '../worker/seedStudy';
import { type ExportTable, tableOf } from '../../ui/export/table';
import { VARIANT_ORDER } from './variants';
import { DEFAULT_PAIR, type Pair } from './pair';


/**
 * Every test evaluation of the seed study as one table: a row per seed, network and evaluation step,
 * with the step the network diverged at (empty if it did not), so the bands and the per-seed verdicts
 * can be recomputed from the download. Pure.
 */
export function seedsTable(curves: readonly SeedCurve[], p: Pair = DEFAULT_PAIR): ExportTable {
  const rows = curves.flatMap((c) =>
    VARIANT_ORDER.flatMap((v) => {
      const t = c.tests[v];
      return t.step.map((step, i) => ({ seed: c.seed, network: p.column[v], step, test_accuracy: t.accuracy[i], test_loss: t.loss[i], diverged_at: c.diverged[v] }));
    }),
  );
  return tableOf(rows, { seed: 'seed', network: 'network', step: 'step', test_accuracy: 'test_accuracy', test_loss: 'test_loss', diverged_at: 'diverged_at_step' });
}
