import { lazy, Suspense } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ErrorBoundary } from '../../../app/ui/ErrorBoundary';

/** A lazily loaded part whose chunk fails as `error` (a stale tab's chunk no longer served, or a real bug). */
function Failing({ error }: { error: Error }) {
  const Part = lazy(() => Promise.reject(error));
  return (
    <Suspense fallback={<p>Loading…</p>}>
      <Part />
    </Suspense>
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a part that fails', () => {
  test('whose code can no longer be loaded offers the new version’s reload, not an error', async () => {
    const user = userEvent.setup();
    const reload = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error
    const chunk = new TypeError('Failed to fetch dynamically imported module: https://h/assets/TrainingLab-abc.js');
    render(
      <ErrorBoundary name="Section 13: The training lab" reload={reload}>
        <Failing error={chunk} />
      </ErrorBoundary>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('A new version is available — reload to see Section 13: The training lab.');
    expect(alert).not.toHaveTextContent('could not be shown');
    expect(alert).not.toHaveTextContent('Failed to fetch');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('for any other reason says what failed and offers to try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ErrorBoundary name="Section 5: σ²">
        <Failing error={new Error('n must be at least 2')} />
      </ErrorBoundary>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Section 5: σ² could not be shown. n must be at least 2');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
  });
});
