import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Worker } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { openBlank } from './browser';
import { FUNCTION_NAMES, RUNS, RUN_STEPS, type FunctionBits, type RunBits, fromBase64, functionBits, runBits } from './determinism.entry';

/**
 * `npm run train` promises the page's numbers: the same seeded run must give the same bits in Node
 * and in Chromium. The engine entry (determinism.entry.ts) is bundled by esbuild and run in a Worker
 * of a blank Chromium page (the lab trains in a Worker), and the same module runs here in Node.
 */
type Entry = typeof import('./determinism.entry');
/** The bundle's global in the Worker (spelled out in each evaluated function: they are sent as source). */
type Scope = { determinism: Entry };

const ARGUMENTS = 20_000;
let bundle = '';

beforeAll(async () => {
  const entry = fileURLToPath(new URL('./determinism.entry.ts', import.meta.url));
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: 'determinism', target: 'es2022', platform: 'browser', logLevel: 'silent' });
  bundle = out.outputFiles[0].text;
});

/** A dedicated Worker in a blank Chromium page with the bundled entry loaded (as `determinism`). */
async function chromiumWorker(): Promise<Worker> {
  const { page } = await openBlank();
  const created = page.waitForEvent('worker');
  await page.evaluate((code) => void new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))), bundle);
  const worker = await created;
  await expect.poll(() => worker.evaluate(() => typeof (self as unknown as { determinism?: unknown }).determinism)).toBe('object');
  return worker;
}

/** Where two base64 float64 arrays differ in any bit: how many entries, and the first index (−1 if none). */
function differences(a: string, b: string): { count: number; first: number } {
  const x = new BigUint64Array(fromBase64(a).buffer), y = new BigUint64Array(fromBase64(b).buffer);
  if (x.length !== y.length) return { count: Math.max(x.length, y.length), first: Math.min(x.length, y.length) };
  let count = 0, first = -1;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) {
      count++;
      if (first < 0) first = i;
    }
  }
  return { count, first };
}

describe('the deterministic math in Chromium and Node', () => {
  test(`detExp, detLog, detSin, detCos, detTanh, detPowInt: Node's bits in Chromium on ${ARGUMENTS.toLocaleString('en')} seeded arguments each`, async () => {
    const worker = await chromiumWorker();
    const chromium: Record<string, FunctionBits> = await worker.evaluate((n) => (self as unknown as Scope).determinism.functionBits(n), ARGUMENTS);
    const node = functionBits(ARGUMENTS);
    const rows = FUNCTION_NAMES.map((name) => ({
      name,
      args: differences(chromium[name].args, node[name].args).count,
      det: differences(chromium[name].det, node[name].det).count,
      math: differences(chromium[name].math, node[name].math).count,
    }));
    // Math's own disagreement, for the record (engines may change it; the engine no longer depends on it).
    console.info(`Chromium vs Node, results differing in any bit of ${ARGUMENTS}: ${rows.map((r) => `${r.name} Math ${r.math}, det ${r.det}`).join('; ')}`);
    expect(rows.map(({ name, args, det }) => ({ name, args, det }))).toEqual(FUNCTION_NAMES.map((name) => ({ name, args: 0, det: 0 })));
  });
});

describe(`seeded training runs (${RUN_STEPS} steps, with and without BN) give the same bits in Chromium and Node`, () => {
  test.each(Object.keys(RUNS))('%s', async (name) => {
    const worker = await chromiumWorker();
    const chromium: RunBits = await worker.evaluate(([settings, steps]) => (self as unknown as Scope).determinism.runBits(settings, steps), [RUNS[name], RUN_STEPS] as const);
    const node = runBits(RUNS[name], RUN_STEPS);
    const summary = (['plain', 'bn'] as const).map((variant) => {
      const [ours, theirs] = [fromBase64(node.trainLoss[variant]), fromBase64(chromium.trainLoss[variant])];
      // A real run: every step logged, finite, and it learned something.
      expect(ours.length).toBe(RUN_STEPS);
      expect(ours.every(Number.isFinite)).toBe(true);
      expect(ours[RUN_STEPS - 1]).toBeLessThan(ours[0]);
      const { count, first } = differences(chromium.trainLoss[variant], node.trainLoss[variant]);
      const where = (k: number) => `step ${k + 1} (Chromium ${theirs[k]}, Node ${ours[k]})`;
      return `${variant}: ${count} of ${RUN_STEPS} batch losses differ` + (count ? `, first at ${where(first)}, last at ${where(RUN_STEPS - 1)}` : '');
    });
    expect(summary).toEqual([`plain: 0 of ${RUN_STEPS} batch losses differ`, `bn: 0 of ${RUN_STEPS} batch losses differ`]);
    // Every logged number (losses, accuracies, probe quantiles, gradient norms) and every final parameter.
    expect(differences(chromium.everything, node.everything).count).toBe(0);
  });
});
