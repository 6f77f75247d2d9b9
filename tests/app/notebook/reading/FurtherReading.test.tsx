import { configure, render, screen, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { FurtherReading } from '../../../../app/notebook/reading/FurtherReading';
import { READING } from '../../../../app/notebook/reading/readingList';

configure({ defaultHidden: true });

test('section 16 completes the notes’ six items, in order, with https links (incl. arXiv 1502.03167 and 1805.11604) and fetches nothing', () => {
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  render(<FurtherReading />);
  expect(READING.map((r) => r.notes)).toEqual(['Andrew Ng', 'Sebastian Raschka', 'Understanding Deep Learning', 'Deep learning book', 'Paper', 'Implementations']);
  const items = screen.getAllByRole('listitem').filter((li) => li.parentElement?.classList.contains('reading'));
  expect(items.map((li) => li.querySelector('.reading-notes')?.textContent)).toEqual(READING.map((r) => r.notes));
  const links = screen.getAllByRole('link');
  expect(links.length).toBe(READING.reduce((n, r) => n + r.refs.length, 0));
  for (const a of links) expect(a.getAttribute('href')).toMatch(/^https:\/\//);
  const hrefs = links.map((a) => a.getAttribute('href'));
  expect(hrefs).toContain('https://arxiv.org/abs/1502.03167');
  expect(hrefs).toContain('https://arxiv.org/abs/1805.11604');
  expect(within(items[3]).getByRole('listitem')).toHaveTextContent('§8.7.1');
  expect(within(items[2]).getByRole('listitem')).toHaveTextContent('§11.4');
  expect(fetchSpy).not.toHaveBeenCalled();
});
