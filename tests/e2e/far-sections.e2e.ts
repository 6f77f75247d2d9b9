import { expect, test } from 'vitest';
import { afterFrames, everyBlockDrawn, liveEverySection, openAt } from './browser';

/**
 * Issue 15: once every block has been drawn, a section more than a screen away (data-far) is skipped by the browser
 * (content-visibility: auto, its size the one it last had) and runs no scroll timelines: a frame of a drag in section 2
 * no longer walks the whole page. Skipping it changes no height, and a section jumped to is drawn before it is seen.
 */
test('a section a screen away is skipped once the page is drawn, at its own height; jumped to, it is drawn at the top', async () => {
  const { page, problems } = await openAt('?section=batch#batch', { viewport: { width: 1366, height: 768 } });
  await liveEverySection(page);
  await everyBlockDrawn(page);
  await afterFrames(page, 3);
  const look = (id: string) =>
    page.locator(`#${id}`).evaluate((s) => ({
      far: s.hasAttribute('data-far'),
      skip: getComputedStyle(s).contentVisibility,
      timeline: getComputedStyle(s.querySelector('.equation')!).animationName,
      seen: s.querySelector('.equation')!.checkVisibility({ contentVisibilityAuto: true }),
    }));
  expect(await look('batch')).toEqual({ far: false, skip: 'visible', timeline: 'scroll-edges', seen: true });
  expect(await look('backward')).toEqual({ far: true, skip: 'auto', timeline: 'none', seen: false });

  // Each skipped section keeps the height it had drawn: drawing them all moves nothing.
  const heights = () => page.locator('.content > .section').evaluateAll((all) => all.map((s) => ({ id: s.id, h: s.getBoundingClientRect().height })));
  const skipped = await heights();
  const all = await page.addStyleTag({ content: '.content > .section { content-visibility: visible !important; }' });
  await afterFrames(page, 2);
  const whole = await heights();
  await all.evaluate((style) => (style as HTMLStyleElement).remove());
  const apart = skipped.filter(({ h }, i) => Math.abs(h - whole[i].h) > 1).map(({ id }) => id);
  console.log(`${skipped.length} sections, heights apart by over 1 px when skipped: ${JSON.stringify(apart)}`);
  expect(apart).toEqual([]);

  // A jump from the table of contents (a smooth scroll of about 1.7 s): the section is drawn, and lands at the top of the screen.
  await page.locator('.toc a[href="#backward"]').click();
  await expect.poll(() => look('backward')).toEqual({ far: false, skip: 'visible', timeline: 'scroll-edges', seen: true });
  await expect.poll(() => page.locator('#backward').evaluate((s) => Math.round(Math.abs(s.getBoundingClientRect().top)))).toBeLessThanOrEqual(2);
  await afterFrames(page, 5);
  expect(await page.locator('#backward').evaluate((s) => Math.abs(s.getBoundingClientRect().top))).toBeLessThanOrEqual(2);
  expect(await look('batch')).toMatchObject({ far: true, skip: 'auto' });
  expect(problems).toEqual([]);
});
