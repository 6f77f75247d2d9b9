import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { SeedsPanel } from '../../../app/lab/SeedsPanel';
import { resetSeedsControl, seedsInPageTransport, seedsStore } from '../../../app/lab/seedsControl';
import { LAB_DEFAULTS } from '../../../app/state/slices/lab';
import { appStore } from '../../../app/state/store';

// The study trains on timers, like its Worker: updates arrive outside act(), as in the browser.
const actEnv = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
beforeAll(() => (actEnv.IS_REACT_ACT_ENVIRONMENT = false));
afterAll(() => (actEnv.IS_REACT_ACT_ENVIRONMENT = true));
beforeEach(() => {
  // A small network, so 5 × 2,000 steps take a moment in jsdom.
  appStore.setState({ ...LAB_DEFAULTS, labDepth: 1, labWidth: 4, labSeed: 11 });
  resetSeedsControl(seedsInPageTransport);
});
afterEach(() => resetSeedsControl());

/** A blob's text through jsdom's FileReader. */
const readText = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

describe('five seeds', () => {
  test('Run 5 seeds trains seeds 11–15 off the lab’s run, pauses and resumes, then draws the bands and says the verdict per seed', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    render(<SeedsPanel />);
    expect(screen.getByText(/with seeds 11 to 15, 2,000 steps each/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Run 5 seeds' }));
    await waitFor(() => expect(seedsStore.getState().completed).toBeGreaterThan(0));
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByTestId('seeds-status')).toHaveTextContent(/^Paused: \d+ % of 10,000 steps\.$/);
    const at = seedsStore.getState().completed;
    await new Promise((r) => setTimeout(r, 300));
    expect(seedsStore.getState().completed).toBe(at);
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(screen.getByTestId('seeds-status')).toHaveTextContent('Done: 10,000 steps.'), { timeout: 25_000 });
    expect(seedsStore.getState().curves.map((c) => c.seed)).toEqual([11, 12, 13, 14, 15]);
    expect(screen.getByRole('img', { name: /^Test accuracy over training steps, lowest, median and highest over 5 seeds/ })).toBeInTheDocument();
    expect(screen.getByTestId('seeds-summary')).toHaveTextContent(/^At step 2,000, seed by seed: on \d of 5 seeds .+\. Test accuracy at the last evaluation: with BN [\d.]+ % to [\d.]+ % \(median [\d.]+ %\); without BN/);
  });

  test('the seeds’ test results download as CSV once a seed has been evaluated: a row per seed, network and evaluation', { timeout: 30_000 }, async () => {
    const blobs: Blob[] = [];
    let name = '';
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:test'));
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      name = this.download;
    });
    const user = userEvent.setup();
    render(<SeedsPanel />);
    const save = screen.getByRole('button', { name: 'Download the seeds’ test results (CSV)' });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Run 5 seeds' }));
    await waitFor(() => expect(screen.getByTestId('seeds-status')).toHaveTextContent('Done: 10,000 steps.'), { timeout: 25_000 });
    await user.click(save);
    expect(name).toBe('bn-lab-seeds-11-to-15-step2000.csv');
    const lines = (await readText(blobs[0])).trim().split('\r\n');
    const evaluations = seedsStore.getState().curves.reduce((n, c) => n + c.tests.plain.step.length + c.tests.bn.step.length, 0);
    expect(lines[0]).toBe('seed,network,step,test_accuracy,test_loss,diverged_at_step');
    expect(lines).toHaveLength(1 + evaluations);
    expect(lines[1]).toMatch(/^11,without_bn,\d+,0\.\d+,\d/);
    vi.restoreAllMocks();
  });

  test('a new setting clears the study: its bands belonged to the old settings', async () => {
    const user = userEvent.setup();
    render(<SeedsPanel />);
    await user.click(screen.getByRole('button', { name: 'Run 5 seeds' }));
    await waitFor(() => expect(seedsStore.getState().completed).toBeGreaterThan(0));
    appStore.setState({ labLr: 0.5 });
    await waitFor(() => expect(seedsStore.getState().phase).toBe('idle'));
    expect(screen.queryByTestId('seeds-summary')).toBeNull();
    expect(screen.getByRole('button', { name: 'Run 5 seeds' })).toBeInTheDocument();
  });
});
