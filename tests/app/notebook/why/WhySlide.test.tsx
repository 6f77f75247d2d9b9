import { configure, render, screen } from '@testing-library/react';
import { beforeEach, expect, test } from 'vitest';
import { WhySlide } from '../../../../app/notebook/why/WhySlide';
import { ShownParts } from '../../../../app/ui/DeckPart';
import { OUTLINE } from '../../../../app/outline';
import { appStore } from '../../../../app/state/store';
import { defaultValues } from '../../../../app/state/url/table';

configure({ defaultHidden: true });
beforeEach(() => appStore.setState(defaultValues()));

const CAVEAT = /^Is drift why BN helps\? BN does not stop its input moving; at depth 1 neither median drifts, yet BN wins\. See section 14\.$/;
/** The caveat's paragraph (its “why” is emphasised, so it is found by its whole text). */
const caveat = () => screen.getByText((_, el) => el?.tagName === 'P' && CAVEAT.test(el.textContent ?? ''));
const caveatShown = () => caveat().closest('[hidden]') === null;

test('section 1’s slide carries the section’s caveat with the drift (its last reveal, part 2 of 0–2), not before', () => {
  const reveals = OUTLINE.find((s) => s.id === 'why')!.steps[0].reveals ?? [];
  expect(reveals).toEqual(['the test accuracy', 'how far each median moved']);
  const slide = (part: number) => <ShownParts.Provider value={part}><WhySlide /></ShownParts.Provider>;
  const { rerender } = render(slide(1));
  expect(caveatShown()).toBe(false);
  rerender(slide(2));
  expect(caveatShown()).toBe(true);
});
