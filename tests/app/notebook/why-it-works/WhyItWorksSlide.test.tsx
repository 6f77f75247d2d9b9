import { configure, render, screen } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { WhyItWorksSlide } from '../../../../app/notebook/why-it-works/WhyItWorksSlide';
import { ShownParts } from '../../../../app/ui/DeckPart';
import { OUTLINE } from '../../../../app/outline';
import { appStore } from '../../../../app/state/store';
import { defaultValues } from '../../../../app/state/url/table';

configure({ defaultHidden: true });
vi.setConfig({ testTimeout: 15_000 });
beforeEach(() => appStore.setState(defaultValues()));

const reveals = OUTLINE.find((s) => s.id === 'why-it-works')!.steps[0].reveals ?? [];
const shown = (testId: string) => screen.getByTestId(testId).closest('[hidden]') === null;
const heading = (name: string) => screen.getByRole('heading', { name }).closest('[hidden]') === null;

test('section 14’s slide ends on its last reveal, “the open question” (part 5 of 0–5): other accounts named, the landscape gives way', () => {
  expect(reveals.at(-1)).toBe('the open question');
  const at = (part: number) => render(<ShownParts.Provider value={part}><WhyItWorksSlide /></ShownParts.Provider>);
  const { rerender } = at(reveals.length - 1);
  expect(shown('why-open-brief')).toBe(false);
  expect(heading('One later account: a smoother loss landscape')).toBe(true);
  rerender(<ShownParts.Provider value={reveals.length}><WhyItWorksSlide /></ShownParts.Provider>);
  expect(shown('why-open-brief')).toBe(true);
  expect(heading('One later account: a smoother loss landscape')).toBe(false);
  expect(screen.getByTestId('why-open-brief')).toHaveTextContent(/^Smoothness is one account among several: .*Bjorck et al\. 2018.*Kohler et al\. 2019.*Luo et al\. 2019.*and Yang et al\. \(2019\) show that deep fully-connected BN networks without skip connections have exploding gradients at initialization, against any simple “BN makes everything smooth” story\. What BN computes is established; why it helps is still argued\.$/);
});
