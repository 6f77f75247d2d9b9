import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { UpdateBanner } from '../../../app/pwa/UpdateBanner';
import { appStore } from '../../../app/state/store';
import { defaultValues } from '../../../app/state/url/table';

beforeEach(() => {
  appStore.setState(defaultValues());
});

const banner = () => screen.queryByRole('region', { name: /A new version is available/ });

describe('the update banner', () => {
  test('says a new version is available, politely, without taking the focus', () => {
    const before = document.activeElement;
    render(<UpdateBanner onReload={() => {}} onDismiss={() => {}} />);
    expect(banner()).toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toContainElement(banner());
    expect(screen.getByRole('button', { name: 'Reload' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeEnabled();
    expect(document.activeElement).toBe(before);
  });

  test('Reload (by keyboard) asks once for the new version and says it is reloading', async () => {
    const user = userEvent.setup();
    const onReload = vi.fn(), onDismiss = vi.fn();
    render(<UpdateBanner onReload={onReload} onDismiss={onDismiss} />);
    screen.getByRole('button', { name: 'Reload' }).focus();
    await user.keyboard('{Enter}');
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(onDismiss).not.toHaveBeenCalled();
    const busy = screen.getByRole('button', { name: 'Reloading…' });
    expect(busy).toBeDisabled();
    await user.click(busy);
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  test('Dismiss hands the page the choice and the keyboard goes on in the notebook', async () => {
    const user = userEvent.setup();
    const onReload = vi.fn(), onDismiss = vi.fn();
    render(
      <>
        <main>
          <p>notebook</p>
        </main>
        <UpdateBanner onReload={onReload} onDismiss={onDismiss} />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(onReload).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  test.each([
    ['presenting', { presenting: true, step: 0 }],
    ['the presenter’s window', { presenter: true }],
    ['a copy of the deck in the presenter’s window', { mirror: 'current' as const }],
  ])('waits out %s, and is back after', (_name, away) => {
    render(<UpdateBanner onReload={() => {}} onDismiss={() => {}} />);
    expect(banner()).toBeInTheDocument();
    act(() => appStore.setState(away));
    expect(banner()).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument();
    act(() => appStore.setState(defaultValues()));
    expect(banner()).toBeInTheDocument();
  });
});
