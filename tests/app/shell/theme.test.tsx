import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { ThemeButton } from '../../../app/shell/ThemeButton';
import { applyTheme, nextTheme, watchTheme } from '../../../app/shell/theme';
import { createAppStore, appStore } from '../../../app/state/store';
import { parseQuery } from '../../../app/state/url/parse';
import { serializeQuery } from '../../../app/state/url/serialize';
import { URL_TABLE, defaultValues } from '../../../app/state/url/table';

afterEach(() => {
  document.documentElement.removeAttribute('data-theme');
  appStore.setState({ theme: 'system' });
});

describe('the theme', () => {
  test('cycles System → Light → Dark → Projector → System', () => {
    expect(['system', 'light', 'dark', 'projector'].map((t) => nextTheme(t as Parameters<typeof nextTheme>[0]))).toEqual(['light', 'dark', 'projector', 'system']);
  });

  test('is data-theme on <html>; System removes it, so the operating system chooses', () => {
    const root = document.createElement('html');
    applyTheme('projector', root);
    expect(root.getAttribute('data-theme')).toBe('projector');
    applyTheme('system', root);
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  test('follows the store from the start (a link’s theme=projector is on before the first render)', () => {
    const store = createAppStore();
    store.setState({ theme: 'projector' });
    const root = document.createElement('html');
    const stop = watchTheme(store, root);
    expect(root.getAttribute('data-theme')).toBe('projector');
    store.getState().setNav({ theme: 'dark' });
    expect(root.getAttribute('data-theme')).toBe('dark');
    stop();
    store.getState().setNav({ theme: 'light' });
    expect(root.getAttribute('data-theme')).toBe('dark');
  });

  test('lives in the URL as theme=…, left out at its default, and changes the address without a history entry', () => {
    expect(serializeQuery({ ...defaultValues(), theme: 'projector' })).toBe('v=1&theme=projector');
    expect(serializeQuery(defaultValues())).toBe('');
    expect(parseQuery('?theme=projector').values.theme).toBe('projector');
    expect(URL_TABLE.find((r) => r.key === 'theme')?.history).toBe('replace');
  });

  test('the notebook’s Theme button says the theme and moves to the next (no T key outside the deck)', async () => {
    const user = userEvent.setup();
    render(<ThemeButton />);
    const button = screen.getByRole('button', { name: 'Theme: System' });
    expect(button).not.toHaveAttribute('aria-keyshortcuts');
    await user.click(button);
    expect(appStore.getState().theme).toBe('light');
    expect(screen.getByRole('button', { name: 'Theme: Light' })).toBeInTheDocument();
    await user.keyboard('t');
    expect(appStore.getState().theme).toBe('light');
  });
});
