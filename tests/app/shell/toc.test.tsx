import { render, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { OUTLINE, sectionNumber } from '../../../app/outline';
import { Toc } from '../../../app/shell/Toc';
import { PartIntro } from '../../../app/shell/PartIntro';

test('the outline numbers its 21 sections 1…21 in order: the notes’ 16, then the part beyond them (images 17, fold 18, weight decay 19, norm family 20, batch size 21)', () => {
  expect(OUTLINE.map((s) => s.number)).toEqual(Array.from({ length: OUTLINE.length }, (_, i) => i + 1));
  expect(OUTLINE.filter((s) => (s.part ?? 'notes') === 'notes')).toHaveLength(16);
  expect(OUTLINE.filter((s) => s.part === 'beyond').map((s) => s.id)).toEqual(['images', 'fold', 'weight-decay', 'norm-family', 'batch-size']);
  expect([sectionNumber('images'), sectionNumber('fold'), sectionNumber('weight-decay'), sectionNumber('norm-family'), sectionNumber('batch-size'), sectionNumber('nope')]).toEqual([17, 18, 19, 20, 21, NaN]);
});

test('the table of contents lists the notes, then “Beyond the notes” with its own list of sections', () => {
  render(<Toc sections={OUTLINE} />);
  const nav = screen.getByRole('navigation', { name: 'Sections' });
  const [notes, beyond] = within(nav).getAllByRole('list');
  expect(within(notes).getAllByRole('link')).toHaveLength(16);
  expect(beyond).toHaveAccessibleName('Beyond the notes');
  expect(within(beyond).getAllByRole('link').map((a) => a.textContent)).toEqual(['17. Batch norm for images', '18. At inference, batch norm folds away', '19. Weight decay and the effective learning rate', '20. One idea, four axes', '21. Batch size']);
  expect(within(beyond).getByRole('link', { name: /^17\./ })).toHaveAttribute('href', '#images');
});

test('the part’s heading and introduction in the notebook; the notes’ part has none', () => {
  const { container } = render(<PartIntro part="notes" />);
  expect(container).toBeEmptyDOMElement();
  render(<PartIntro part="beyond" />);
  expect(screen.getByRole('heading', { level: 2, name: 'Beyond the notes' })).toBeInTheDocument();
  expect(screen.getByText(/go past them, into where batch norm is used/)).toBeInTheDocument();
});

test('reading a section whose entry is below the scrolling list’s edge scrolls the list (not the page) to show it above the footer', async () => {
  const { appStore } = await import('../../../app/state/store');
  const { act } = await import('@testing-library/react');
  render(<Toc sections={OUTLINE} />);
  const nav = screen.getByRole('navigation', { name: 'Sections' });
  Object.defineProperty(nav, 'scrollHeight', { configurable: true, value: 1200 });
  Object.defineProperty(nav, 'clientHeight', { configurable: true, value: 700 });
  nav.getBoundingClientRect = () => ({ top: 0, bottom: 700, left: 0, right: 256, width: 256, height: 700, x: 0, y: 0, toJSON: () => null });
  const entry = within(nav).getByRole('link', { name: /^21\./ });
  entry.getBoundingClientRect = () => ({ top: 790, bottom: 820, left: 0, right: 256, width: 256, height: 30, x: 0, y: 790, toJSON: () => null });
  const scrollTo = window.scrollTo;
  let pageScrolled = false;
  window.scrollTo = () => void (pageScrolled = true);
  act(() => appStore.getState().setNav({ section: 'batch-size' }));
  window.scrollTo = scrollTo;
  expect(nav.scrollTop).toBe(820 - (700 - 8));
  expect(pageScrolled).toBe(false);
  act(() => appStore.getState().setNav({ section: 'why' }));
});
