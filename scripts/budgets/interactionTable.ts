import type { Browser } from 'playwright-core';
import { percentile } from './bundle';
import { measureDrag, measureInteractions, measureLab, type TaskFigure } from './interactions';
import { measureGammaLatency } from './page';

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const row = (cells: string[], widths: number[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`;

/** Measures and prints the interaction figures of issue 15 (see ./interactions.ts), with their goals. */
export async function printInteractions(browser: Browser, url: string): Promise<void> {
  console.log(`\nInteractions, Chromium ${browser.version()}, built notebook (goals of issue 15 in brackets)`);
  console.log('\nDragging section 2’s first point (mouse moves sent as fast as the page takes them):');
  const w = [10, 9, 10, 12, 12, 12];
  console.log(row(['CPU', 'moves', 'updates', 'updates/s', 'ms/move', 'longest task'], w));
  for (const rate of [1, 4]) {
    const d = await measureDrag(browser, url, rate);
    console.log(row([`${rate}×`, String(d.moves), String(d.updates), `${f1(d.updates / d.seconds)}`, f1(d.busyPerMoveMs), `${d.longestTaskMs.toFixed(0)} ms`], w));
  }
  const late = await measureDrag(browser, url, 1, { allDrawn: true });
  console.log(row(['1×, drawn', String(late.moves), String(late.updates), `${f1(late.updates / late.seconds)}`, f1(late.busyPerMoveMs), `${late.longestTaskMs.toFixed(0)} ms`], w));
  const hover = await measureDrag(browser, url, 1, { press: false });
  console.log(row(['1×, hover', String(hover.moves), '–', '–', f1(hover.busyPerMoveMs), `${hover.longestTaskMs.toFixed(0)} ms`], w));
  console.log('  [≤ 8 ms of main thread per move and 60 updates/s on desktop (1×)]');
  console.log('  (1× and 4×: 1.5 s after the link opened, blocks off the screen not drawn yet; drawn: once every block is drawn, the page');
  console.log('  a reader drags on after its first seconds; hover: the same moves with no button held, once drawn: what any mouse move costs)');
  console.log('\nγ slider (section 7) → panel updated, 100 key presses:');
  for (const rate of [1, 4]) {
    const lat = await measureGammaLatency(browser, url, 100, rate);
    console.log(`  ${rate}×  p50 ${f1(percentile(lat.toUpdate, 50))} ms  p95 ${f1(percentile(lat.toUpdate, 95))} ms  max ${f1(Math.max(...lat.toUpdate))} ms`);
  }
  console.log('  [p95 ≤ 16 ms at 4×]');
  printTasks(await measureInteractions(browser, url));
}

function printTasks(figures: TaskFigure[]): void {
  console.log('\nLongest main-thread task after the first load settled (1×) [none over 50 ms]:');
  for (const t of figures) console.log(`  ${t.what.padEnd(62)} ${`${t.longestMs.toFixed(0)} ms`.padStart(7)}  (${t.count} over 50 ms)`);
}

/** The lab's rows of the interactions alone (`--only lab`): opening it, Play, each preset. */
export async function printLabInteractions(browser: Browser, url: string): Promise<void> {
  console.log(`\nThe training lab's interactions, Chromium ${browser.version()}, built notebook (1×; wall time, then CPU time from a trace)`);
  console.log(`  ${'interaction'.padEnd(62)} ${'longest'.padStart(7)}  over 50 ms   longest CPU  over 50 ms CPU`);
  for (const t of await measureLab(browser, url, true)) {
    const cpu = t.cpu ? `${`${t.cpu.longestCpuMs.toFixed(0)} ms`.padStart(11)}  ${String(t.cpu.overCpu50).padStart(14)}` : '';
    console.log(`  ${t.what.padEnd(62)} ${`${t.longestMs.toFixed(0)} ms`.padStart(7)}  ${String(t.count).padStart(10)}   ${cpu}`);
  }
}
