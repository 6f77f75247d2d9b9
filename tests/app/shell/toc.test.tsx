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
