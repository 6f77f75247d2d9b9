import { expect, test } from 'vitest';
import { cpuFigures } from '../../../scripts/budgets/cpuTasks';

const meta = (pid: number, tid: number, name: string) => ({ name: 'thread_name', ph: 'M', pid, tid, args: { name } });
const task = (pid: number, tid: number, dur: number, tdur: number) => ({ name: 'RunTask', ph: 'X', pid, tid, dur: dur * 1000, tdur: tdur * 1000 });

test('cpuFigures: the busiest renderer main thread’s tasks by CPU time (thread time), not wall time; workers and other renderers ignored', () => {
  const trace = {
    traceEvents: [
      meta(1, 1, 'CrRendererMain'),
      meta(2, 1, 'CrRendererMain'),
      meta(1, 2, 'DedicatedWorker thread'),
      // The page: a task that waited for a core (300 ms wall, 40 ms CPU), one of 70 ms CPU.
      task(1, 1, 300, 40),
      task(1, 1, 80, 70),
      task(1, 1, 20, 20),
      // A worker's long task, and a quieter renderer's: neither is the page's main thread.
      task(1, 2, 900, 900),
      task(2, 1, 60, 60),
    ],
  };
  expect(cpuFigures(Buffer.from(JSON.stringify(trace)))).toEqual({ longestCpuMs: 70, overCpu50: 1 });
});
