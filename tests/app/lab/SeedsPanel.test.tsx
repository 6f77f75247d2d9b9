import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
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
    expect(screen.getByTestId('seeds-summary')).toHaveTextContent(/^At step 2,000, seed by seed: on \d of 5 seeds .+\. Test accuracy with BN [\d.]+ % to [\d.]+ % \(median [\d.]+ %\); without BN/);
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
