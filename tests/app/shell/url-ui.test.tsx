import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { CopyLink } from '../../../app/shell/CopyLink';
import { Toc } from '../../../app/shell/Toc';
import { UrlNotice } from '../../../app/shell/UrlNotice';
import type { SectionOutline } from '../../../app/outline';
import { appStore } from '../../../app/state/store';
import { noticeStore } from '../../../app/state/url/notices';
import { defaultValues } from '../../../app/state/url/table';

beforeEach(() => {
  appStore.setState(defaultValues());
  noticeStore.getState().dismiss();
});

describe('Copy link', () => {
  test('copies a link to the current state (even a change not yet in the address) and confirms it', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/notebook/');
    appStore.getState().setBn({ gamma: 2, placement: 'after' });
    render(<CopyLink />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/notebook/?v=1&gamma=2&placement=after`);
    expect(screen.getByRole('status')).toHaveTextContent('Link copied');
  });

  test('the table of contents’ own button copies the link with the section being read (the masthead’s is out of reach there)', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/notebook/');
    appStore.getState().setNav({ section: 'variance' });
    appStore.getState().setBn({ gamma: 2 });
    render(<Toc sections={[{ id: 'why', number: 1, title: 'Why', steps: [{ id: 'why', title: 'Why' }] }]} />);
    await user.click(screen.getByRole('button', { name: 'Copy a link to this section' }));
    const link = await navigator.clipboard.readText();
    expect(link).toContain('section=variance');
    expect(link).toContain('gamma=2');
  });

  test('where the clipboard is refused, shows the link selected, to copy by hand', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    appStore.getState().setBatch({ m: 16 });
    render(<CopyLink />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole('textbox', { name: /copy this link/ });
    expect(field).toHaveValue(`${window.location.origin}${window.location.pathname}?v=1&m=16`);
    expect(field).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });
});

describe('Copy link, by hand', () => {
  test('the hand-copy link follows later changes, and Esc or Close puts it away', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    window.history.replaceState(null, '', '/notebook/');
    appStore.getState().setBatch({ m: 5 });
    render(<CopyLink />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole('textbox', { name: /copy this link/ });
    expect(field).toHaveValue(`${window.location.origin}/notebook/?v=1&m=5`);
    act(() => appStore.getState().setBatch({ m: 6 }));
    expect(field).toHaveValue(`${window.location.origin}/notebook/?v=1&m=6`);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    await user.click(await screen.findByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});

describe('the notice about the address', () => {
  test('lists what was ignored, as text (markup from the address is never HTML), and can be dismissed', async () => {
    const user = userEvent.setup();
    const { container } = render(<UrlNotice />);
    expect(screen.queryByRole('heading')).toBeNull();
    act(() => noticeStore.getState().show(['gamma=“<img src=x onerror=alert(1)>” is not a number; using the default, 1.', 'Ignored “foo”.']));
    expect(screen.getByRole('heading', { name: 'Part of this link was changed or not used' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'gamma=“<img src=x onerror=alert(1)>” is not a number; using the default, 1.',
      'Ignored “foo”.',
    ]);
    expect(container.querySelector('img')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('listitem')).toBeNull();
  });
});

describe('the notice, flooded', () => {
  test('120 messages: 5 listed, the rest behind "115 more"; Dismiss hands focus back to the notebook', async () => {
    const user = userEvent.setup();
    render(
      <>
        <main className="content">
          <h2>First section</h2>
        </main>
        <UrlNotice />
      </>,
    );
    act(() => noticeStore.getState().show(Array.from({ length: 120 }, (_, i) => `points: sample ${i + 100} is not in the batch.`)));
    const notice = screen.getByRole('status');
    expect(notice.querySelectorAll('ul:not(details ul) > li')).toHaveLength(5);
    expect(screen.getByText('115 more')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByRole('heading', { name: 'First section' })).toHaveFocus();
  });
});

describe('the table of contents', () => {
  const sections = ['mean', 'variance'].map((id, i) => ({ id, number: i + 3, title: id, steps: [] })) satisfies SectionOutline[];

  test('marks the current section with aria-current and follows the store', () => {
    appStore.setState({ section: 'mean' });
    render(<Toc sections={sections} />);
    expect(screen.getByRole('link', { name: '3. mean' })).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('link', { name: '4. variance' })).not.toHaveAttribute('aria-current');
    act(() => appStore.getState().setNav({ section: 'variance' }));
    expect(screen.getByRole('link', { name: '4. variance' })).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('link', { name: '3. mean' })).toHaveAttribute('href', '#mean');
  });
});
