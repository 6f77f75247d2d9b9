import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

// vite-plugin-pwa's registration, replaced: the test plays the worker's events.
const pwa = vi.hoisted(() => ({ update: vi.fn(), options: null as null | { onNeedRefresh?: () => void; onNeedReload?: () => void } }));
vi.mock('virtual:pwa-register', () => ({
  registerSW: (options: typeof pwa.options) => {
    pwa.options = options;
    return pwa.update;
  },
}));
const { registerOffline } = await import('../../../app/pwa/register');

/** navigator.serviceWorker as the page sees it: a controller that can change, and `ready` never settling (no data fetched ahead here). */
class FakeContainer extends EventTarget {
  controller: object | null = null;
  ready = new Promise<never>(() => {});
  takeOver(worker: object) {
    this.controller = worker;
    this.dispatchEvent(new Event('controllerchange'));
  }
}
let sw: FakeContainer;
beforeEach(() => {
  sw = new FakeContainer();
  Object.defineProperty(navigator, 'serviceWorker', { value: sw, configurable: true });
  pwa.update.mockReset();
});
afterEach(() => {
  document.querySelectorAll('.update-banner-host').forEach((el) => el.remove());
  vi.restoreAllMocks();
});

const banner = () => screen.queryByText('A new version is available — reload to use it.');

describe('registering the worker', () => {
  test('the first visit’s page getting its first worker (clientsClaim) is not a new version: no banner', async () => {
    const reload = vi.fn();
    registerOffline(reload);
    await act(async () => sw.takeOver({ version: 1 }));
    await act(async () => pwa.options?.onNeedReload?.());
    expect(banner()).toBeNull();
    expect(reload).not.toHaveBeenCalled();
  });

  test('a new worker waiting: the banner’s Reload asks it to take over (skip waiting), the page reloads when it has', async () => {
    sw.controller = { version: 1 };
    const reload = vi.fn();
    registerOffline(reload);
    await act(async () => pwa.options?.onNeedRefresh?.());
    expect(banner()).not.toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(pwa.update).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    await act(async () => pwa.options?.onNeedReload?.()); // the new worker took control
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('another tab activated the new version: this old page offers the reload, and its Reload just reloads (nothing waits any more)', async () => {
    sw.controller = { version: 1 };
    const reload = vi.fn();
    registerOffline(reload);
    expect(banner()).toBeNull();
    await act(async () => sw.takeOver({ version: 2 }));
    expect(banner()).not.toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(pwa.update).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
