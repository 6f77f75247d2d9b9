import { act, render, screen, waitFor } from '@testing-library/react';
import katex from 'katex';
import { type ComponentProps, Profiler } from 'react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fmt } from '../../../app/ui/format';
import { SECTIONS } from '../../../app/notebook/registry';
import { appStore, createAppStore } from '../../../app/state/store';

/**
 * The γ slider's latency budget (p95 ≤ 16 ms from key press to updated panel): moving γ must only
 * re-render what shows a γ-dependent number. Every section of the notebook is rendered, each in its own
 * React Profiler, and γ is moved as the slider does (the store's setBn). Sections whose numbers do not
 * involve γ must not commit at all. Sections 14 and 15 each show one (the eval-mode output of the
 * coloured-cats evidence, sample 1's output y₁ = γ·… + β), but their charts (running statistics, weight
 * scale) do not depend on γ and must not re-render.
 *
 * As in the browser while the reader is at section 7, the panels far from the viewport wait: an
 * IntersectionObserver that never reports an intersection keeps sections 1 and 14 from starting their
 * background runs (which re-render on their own) and the lab (13) behind its placeholder.
 */
const counts = vi.hoisted(() => ({ charts: 0 }));
vi.mock('../../../app/notebook/shared/lazyCharts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../app/notebook/shared/lazyCharts')>();
  const RunningStatsChart = (p: ComponentProps<typeof real.RunningStatsChart>) => {
    counts.charts++;
    return <real.RunningStatsChart {...p} />;
  };
  const ScaleChart = (p: ComponentProps<typeof real.ScaleChart>) => {
    counts.charts++;
    return <real.ScaleChart {...p} />;
  };
  return { ...real, RunningStatsChart, ScaleChart };
});

vi.setConfig({ testTimeout: 30_000 }); // the whole notebook renders in jsdom: a few seconds on a shared machine
class FarAway {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
beforeEach(() => {
  appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function')));
  vi.stubGlobal('IntersectionObserver', FarAway);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Sections showing numbers that involve γ: 7 (γ and β), 8 (the identity undo), 9 (BN(z + b) and its loss), 14 (cats), 15 (y₁). */
const DEPEND_ON_GAMMA = ['bias', 'gamma-beta', 'identity', 'inference', 'why-it-works'];

async function renderNotebook(): Promise<Map<string, number>> {
  const commits = new Map<string, number>();
  const onRender = (id: string) => commits.set(id, (commits.get(id) ?? 0) + 1);
  render(
    <>
      {SECTIONS.map(({ id, Component }) => (
        <Profiler key={id} id={id} onRender={onRender}>
          <Component />
        </Profiler>
      ))}
    </>,
  );
  // Sections 4–16 and the Recharts charts load their code after the first render.
  expect(SECTIONS.filter((s) => (s.part ?? 'notes') === 'notes')).toHaveLength(16);
  await waitFor(() => expect(document.querySelector('.section-waiting, .chart-waiting')).toBeNull(), { timeout: 20_000 });
  commits.clear();
  counts.charts = 0;
  return commits;
}

test('moving γ (1 → 1.5 → 2 → −0.5) re-renders only sections 7, 8, 9, 14 and 15, and none of the charts of 14 and 15', async () => {
  const commits = await renderNotebook();
  for (const gamma of [1.5, 2, -0.5]) await act(async () => appStore.getState().setBn({ gamma }));
  expect([...commits.keys()].sort()).toEqual(DEPEND_ON_GAMMA);
  expect(counts.charts).toBe(0);
  // The panels did follow γ (the sections that re-rendered are the ones that show it).
  expect(screen.getByTestId('gamma-value')).toHaveTextContent(fmt(-0.5, 3));
  expect(screen.getByTestId('identity-gamma')).toHaveTextContent(fmt(-0.5, 6));
});

test('moving γ back to a value it had re-typesets no equation: KaTeX output is cached by its TeX', async () => {
  await renderNotebook();
  await act(async () => appStore.getState().setBn({ gamma: 1.5 }));
  await act(async () => appStore.getState().setBn({ gamma: 1 }));
  const typeset = vi.spyOn(katex, 'renderToString');
  for (const gamma of [1.5, 1, 1.5]) await act(async () => appStore.getState().setBn({ gamma }));
  expect(typeset).not.toHaveBeenCalled();
  expect(screen.getByTestId('gamma-value')).toHaveTextContent(fmt(1.5, 3));
});
