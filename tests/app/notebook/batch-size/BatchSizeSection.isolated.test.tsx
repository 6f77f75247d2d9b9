import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { parseFashionSubset, runBatchSweep } from '../../../../src';
import { BatchSizeSection } from '../../../../app/notebook/batch-size/BatchSizeSection';
import { BatchSizeSlide } from '../../../../app/notebook/batch-size/BatchSizeSlide';
import { resetBsAutostart } from '../../../../app/notebook/batch-size/useBsSweep';
import { bsInPageTransport, bsStore, resetBsControl } from '../../../../app/notebook/batch-size/bsControl';
import { BS_SAVED_KEY } from '../../../../app/notebook/batch-size/bsSaved';
import { type BsPoints, bsJobs, bsSettingsOf, bsSweepOptions } from '../../../../app/notebook/batch-size/bsView';
import { bsVerdict } from '../../../../app/notebook/batch-size/bsVerdict';
import { appStore, createAppStore } from '../../../../app/state/store';

// The committed subset, read from disk in place of the page's fetch.
const subset = parseFashionSubset(new Uint8Array(gunzipSync(readFileSync(resolve(process.cwd(), 'public/data/fashion-mnist-subset.bin.gz')))));
vi.mock('../../../../app/lab/loadFashion', () => ({ loadFashionCached: () => Promise.resolve(subset), fashionUrl: () => 'data/fashion-mnist-subset.bin.gz' }));

// The sweep trains on timers, like its Worker: updates arrive outside act(), as in the browser.
const actEnv = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
beforeAll(() => (actEnv.IS_REACT_ACT_ENVIRONMENT = false));
afterAll(() => (actEnv.IS_REACT_ACT_ENVIRONMENT = true));

/** A small sweep (BN and LayerNorm at m = 16 and 32, one epoch): four points, a moment in jsdom. */
const SMALL = { bsGn: false, bsMin: '16', bsMax: '32', bsEpochs: 1 } as const;
beforeEach(() => {
  appStore.setState({ ...Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function')), ...SMALL });
  localStorage.clear();
  resetBsControl(bsInPageTransport);
});
afterEach(() => resetBsControl());

const settings = () => bsSettingsOf(appStore.getState());
/** The engine's points for the settings, run here. */
function enginePoints(): BsPoints {
  const s = settings(), out: Record<string, unknown> = {};
  for (const norm of s.norms) runBatchSweep(bsSweepOptions(s, norm, s.sizes), subset).forEach((p, i) => (out[bsJobs({ ...s, norms: [norm] })[i].key] = p));
  return out as BsPoints;
}
const progress = () => screen.getByTestId('bs-progress');

test('Run fills in the engine’s points, says the verdict from them, and keeps them: a reload reads them back and trains nothing', { timeout: 60_000 }, async () => {
  const user = userEvent.setup();
  const { unmount } = render(<BatchSizeSection />);
  expect(progress()).toHaveTextContent('0 of 4 points there. Run trains the rest.');
  await user.click(screen.getByRole('button', { name: 'Run the batch-size sweep' }));
  await waitFor(() => expect(progress()).toHaveTextContent('All 4 points there.'), { timeout: 50_000 });
  const engine = enginePoints();
  expect(bsStore.getState().points).toEqual(engine);
  // The charts and words follow the points as a deferred render: a moment after the status line.
  await waitFor(() => expect(screen.getByTestId('bs-verdict')).toHaveTextContent(bsVerdict(settings(), engine).text.replace(/\u00a0/g, ' ')));
  expect(screen.getByTestId('bs-gap')).toHaveTextContent(/^BatchNorm’s test error in train mode minus eval mode: [+−][0-9.]+ points at m = 16 \([0-9.]+ % vs [0-9.]+ %\), [+−][0-9.]+ points at m = 32/);
  expect(screen.getByTestId('bs-commands')).toHaveTextContent('npm run train -- --dataset fashion --sweep-batch 16,32 --norm bn --width 32 --epochs 1 --seed 1');
  expect(Object.keys(JSON.parse(localStorage.getItem(BS_SAVED_KEY) ?? '{}').points)).toHaveLength(4);
  unmount();
  resetBsControl(bsInPageTransport); // as a reload: storage read again
  render(<BatchSizeSection />);
  expect(progress()).toHaveTextContent('All 4 points there. 4 of them were read from this browser’s storage (trained on an earlier visit), not trained again.');
  expect(bsStore.getState().points).toEqual(engine);
  expect(screen.getByRole('button', { name: 'Run the batch-size sweep' })).toBeDisabled();
  // Reset, then Run: the points are trained on this visit, so none is said to come from storage.
  await user.click(screen.getByRole('button', { name: 'Reset: forget these points' }));
  await user.click(screen.getByRole('button', { name: 'Run the batch-size sweep' }));
  await waitFor(() => expect(progress()).toHaveTextContent('All 4 points there.'), { timeout: 50_000 });
  expect(progress()).not.toHaveTextContent('storage');
});

test('Reset forgets the points; Run, Pause and Resume give the same numbers again; a setting changes the store and the command', { timeout: 60_000 }, async () => {
  const user = userEvent.setup();
  render(<BatchSizeSection />);
  await user.click(screen.getByRole('button', { name: 'Run the batch-size sweep' }));
  await waitFor(() => expect(progress()).toHaveTextContent('All 4 points there.'), { timeout: 50_000 });
  const first = bsStore.getState().points;
  await user.click(screen.getByRole('button', { name: 'Reset: forget these points' }));
  expect(progress()).toHaveTextContent('0 of 4 points there. Run trains the rest.');
  expect(localStorage.getItem(BS_SAVED_KEY)).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Run the batch-size sweep' }));
  await waitFor(() => expect(bsStore.getState().phase).toBe('running'));
  await user.click(screen.getByRole('button', { name: 'Pause the batch-size sweep' }));
  expect(progress()).toHaveTextContent(/^Paused during (BatchNorm|LayerNorm) at m = (16|32) \(\d+ % of the steps done\)/);
  await user.click(screen.getByRole('button', { name: 'Resume the batch-size sweep' }));
  await waitFor(() => expect(progress()).toHaveTextContent('All 4 points there.'), { timeout: 50_000 });
  expect(bsStore.getState().points).toEqual(first);
  await user.click(screen.getByRole('checkbox', { name: 'GroupNorm' }));
  expect(appStore.getState().bsGn).toBe(true);
  expect(progress()).toHaveTextContent('4 of 6 points there. Run trains the rest.');
  expect(screen.getByTestId('bs-commands')).toHaveTextContent('--sweep-batch 16,32 --norm group --groups 4 --width 32 --epochs 1 --seed 1');
  await user.click(screen.getByRole('button', { name: 'Increase Smallest batch m' }));
  expect(appStore.getState().bsMin).toBe('32');
});

test('damaged stored points: ignored with a notice, and the sweep trains afresh', { timeout: 60_000 }, async () => {
  localStorage.setItem(BS_SAVED_KEY, '{"app":"bn-live-batch-size","version":1,"points":{"k":{"batch":0}}}');
  resetBsControl(bsInPageTransport);
  render(<BatchSizeSection />);
  expect(screen.getByText('The batch-size points saved in this browser are damaged. It was ignored: every point is trained afresh.')).toHaveAttribute('role', 'status');
  await userEvent.setup().click(screen.getByRole('button', { name: 'Run the batch-size sweep' }));
  await waitFor(() => expect(progress()).toHaveTextContent('All 4 points there.'), { timeout: 50_000 });
});

test('the presentation step starts the sweep by itself (once per page), so a fresh deck shows its points filling in', { timeout: 60_000 }, async () => {
  resetBsAutostart();
  render(<BatchSizeSlide />);
  await waitFor(() => expect(progress()).toHaveTextContent('All 4 points there.'), { timeout: 50_000 });
  const v = bsVerdict(settings(), enginePoints());
  await waitFor(() => expect(screen.getByTestId('bs-verdict')).toHaveTextContent((v.short ?? v.text).replace(/\u00a0/g, ' ')));
});
