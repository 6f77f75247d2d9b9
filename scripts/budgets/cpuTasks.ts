import type { Browser, Page } from 'playwright-core';

/**
 * The page's main-thread tasks by the CPU time they took (a Chromium trace's thread time), beside
 * their wall time. On a machine shared with other jobs, a task's wall time includes the time the
 * thread waited for a core; its CPU time is what the page itself asked of the core, which is what a
 * reader's unloaded desktop would spend on it. Used by `npm run bench:ui -- --only lab`.
 */
export interface CpuFigures {
  /** The longest main-thread task by CPU time, ms. */
  longestCpuMs: number;
  /** Main-thread tasks of 50 ms CPU time or more. */
  overCpu50: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** CPU figures of the busiest renderer main thread (the page's: others are the service worker's or blank) in a trace. */
export function cpuFigures(trace: Buffer): CpuFigures {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const mains = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = new Map<string, number[]>();
  for (const e of traceEvents) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.name !== 'RunTask' || !mains.has(key)) continue;
    tasks.set(key, [...(tasks.get(key) ?? []), (e.tdur ?? e.dur ?? 0) / 1000]);
  }
  const busiest = [...tasks.values()].sort((a, b) => b.reduce((s, x) => s + x, 0) - a.reduce((s, x) => s + x, 0))[0] ?? [];
  return { longestCpuMs: Math.max(0, ...busiest), overCpu50: busiest.filter((ms) => ms >= 50).length };
}

/** Runs `run` with a trace of the page's main thread and returns its CPU figures. */
export async function withCpuTrace(browser: Browser, page: Page, run: () => Promise<void>): Promise<CpuFigures> {
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  await run();
  return cpuFigures(await browser.stopTracing());
}
