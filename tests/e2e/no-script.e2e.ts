import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { drawn, openAt } from './browser';
import { OUTLINE } from '../../app/outline';

/**
 * The build pre-renders the notebook into index.html (scripts/prerender.ts): with JavaScript disabled a reader
 * still gets every section's heading, its prose and its equations typeset by KaTeX, and a line saying the live
 * panels need JavaScript.
 */
test('with JavaScript disabled every section is there: heading, prose and typeset equations, and the notice', async () => {
  const { page } = await openAt('', { javaScriptEnabled: false });
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Batch Normalization, live');
  await expect(page.locator('.noscript-notice').textContent()).resolves.toMatch(/live panels .* need JavaScript/);
  expect(await page.locator('.noscript-notice').isVisible()).toBe(true);
  for (const { id, title } of OUTLINE) {
    const section = page.locator(`section#${id}`);
    await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toContain(title);
    // Prose: at least one paragraph of real sentences, not a placeholder.
    const prose = await section.locator('p').allTextContents();
    expect(prose.join(' ').length, `section ${id}'s prose`).toBeGreaterThan(200);
    expect(prose.join(' '), `section ${id}`).not.toMatch(/Loading this section/);
  }
  // Equations: typeset at build time (KaTeX's HTML and MathML), in the notes' sections and beyond, none waiting for KaTeX.
  expect(await page.locator('.katex').count()).toBeGreaterThan(60);
  expect(await page.locator('section#why .katex').count()).toBeGreaterThan(0);
  expect(await page.locator('section#backward .katex').count()).toBeGreaterThan(5);
  expect(await page.locator('.equation-pending').count()).toBe(0);
  // After the first section the form fields are still pictures (app/prerender/stillControls.ts): no input or select
  // or form for the browser's form scans to lay out; γ's range pictured at its value, 1 on −3…3, and each select showing its choice.
  expect(await page.locator('section#why ~ section :is(input, select, form)').count()).toBe(0);
  expect(await page.locator('section#why ~ section [data-still]').count()).toBeGreaterThan(50);
  await expect(page.locator('section#gamma-beta [data-still="range"]').first().getAttribute('style')).resolves.toBe('--still-at:66.67%');
  const select = page.locator('section#lab [data-still="select"]').first();
  expect(await select.isVisible()).toBe(true);
  await expect(select.locator('[data-shown]').innerText()).resolves.toBe('Spiral (3 classes)');
});

test('with JavaScript the pre-rendered page is taken over without console errors, and the notice is not shown', async () => {
  const { page, problems } = await openAt();
  await page.getByTestId('shift-progress').waitFor();
  await page.locator('section#why .katex').first().waitFor();
  expect(await page.locator('.noscript-notice').count()).toBe(0);
  // The first screen's equations came with the page: KaTeX's code is not fetched for them.
  expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/katex-[^/]*\.js$/.test(r.name)))).toBe(false);
  // The page's code is fetched once the page can paint (scripts/afterFirstPaint.ts): the served HTML names no module
  // script; the loader added it, requested after the stylesheet had arrived (the page's first frames are drawn by then).
  const served = await page.evaluate(() => fetch(location.href).then((r) => r.text()));
  expect(served).not.toMatch(/<script type="module"|rel="modulepreload"/);
  const timing = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      css: resources.find((r) => /\/assets\/style-[^/]+\.css$/.test(r.name))?.responseEnd ?? Number.NaN,
      entry: resources.find((r) => /\/assets\/index-[^/]+\.js$/.test(r.name))?.startTime ?? Number.NaN,
    };
  });
  expect(timing.entry).toBeGreaterThanOrEqual(timing.css);
  expect(problems).toEqual([]);
});

test('with JavaScript disabled on a phone (390 px) the page never scrolls sideways, and offers no button that needs scripts', async () => {
  const { page } = await openAt('', { javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true });
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth }));
  expect(widths.page).toBe(widths.screen);
  expect(await page.getByRole('button', { name: /Present|Copy link|Your deck/ }).count()).toBe(0);
});

test("a link with settings never shows the pre-rendered default numbers: hidden until React takes over, then every section is live at once", async () => {
  const { page, problems } = await openAt('?seed=7&gamma=2&m=6&section=normalize', { live: false, viewport: { width: 390, height: 844 }, isMobile: true });
  expect(await page.evaluate(() => document.documentElement.classList.contains('link-settings'))).toBe(true);
  expect(await page.locator('.section-static, .section-static-slot').count()).toBe(0);
  await expect(page.getByRole('slider', { name: 'Batch size m', exact: true }).first().inputValue()).resolves.toBe('6');
  expect(problems).toEqual([]);
});

test('on a touch phone (390 px) an exercise’s pictured radios are radios, not ovals, and their rows are as tall as the live ones', async () => {
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  /** Each option row of section 2's first exercise: the row's height, and the radio's (or its picture's) width and height. */
  const rows = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('#batch .exercise-answer label')]
        .map((label) => ({ label, radio: label.querySelector('input[type="radio"], [data-still="radio"]') }))
        .filter((r) => r.radio)
        .slice(0, 3)
        .map(({ label, radio }) => ({ row: Math.round(label.getBoundingClientRect().height), w: Math.round(radio!.getBoundingClientRect().width), h: Math.round(radio!.getBoundingClientRect().height) })),
    );
  const { page: still } = await openAt('?section=batch', { ...phone, javaScriptEnabled: false });
  const pictured = await rows(still);
  expect(pictured).toHaveLength(3);
  for (const r of pictured) expect(r.h).toBe(r.w); // a 44 px minimum for fingers once made the 13 px picture a 13 × 44 oval
  const { page: live } = await openAt('?section=batch', phone);
  await drawn(live, '#batch');
  expect(pictured.map((r) => r.row)).toEqual((await rows(live)).map((r) => r.row));
});

test('the lab’s picture is the whole lab, as tall as the live lab at its default run, and guessed near that height until drawn, on a desktop and a phone', async () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    const height = (page: Page) => page.evaluate(() => Math.round(document.getElementById('lab')!.closest('section')!.getBoundingClientRect().height));
    const { page: still } = await openAt('?section=lab', { viewport, javaScriptEnabled: false });
    // The panels below the loss and accuracy charts are pictured too (they once mounted only in the browser).
    for (const name of ['Decision boundary', 'Gradient norms', 'Learning-rate sweep']) await expect(still.locator('section#lab h3', { hasText: name }).count()).resolves.toBe(1);
    const { page: live } = await openAt('?section=lab', { viewport });
    await live.getByRole('button', { name: 'Run the sweep' }).waitFor();
    await live.waitForFunction(() => document.querySelectorAll('section#lab .lab-pair-keep .lab-at').length === 2);
    expect(Math.abs((await height(still)) - (await height(live))), `the lab at ${viewport.width} px: pictured vs live`).toBeLessThanOrEqual(4);
    // With scripts, until the lab's code has come: the picture is as tall as the live lab to the pixel (its first paragraph's
    // margin once collapsed into the heading's in the live lab only, and the page below went up 18 px as it took over).
    const { page: waiting } = await openAt('?section=lab', { viewport, live: false, beforeGoto: (page) => void page.route(/TrainingLab-.*\.js$/, () => undefined) });
    await waiting.waitForFunction(() => (document.querySelector('section#lab .section-static .lab')?.getBoundingClientRect().height ?? 0) > 1000);
    expect(Math.abs((await height(waiting)) - (await height(live))), `the lab at ${viewport.width} px: pictured with scripts vs live`).toBeLessThanOrEqual(1);
    // Until it is first drawn, the picture's height is a guess (content-visibility: auto): near the real one, not styles.css's 400 px.
    const box = await live.evaluate(() => {
      const el = document.querySelector('section#lab > div')!;
      return { guess: parseFloat(getComputedStyle(el).containIntrinsicHeight.replace('auto', '')), real: el.getBoundingClientRect().height };
    });
    expect(Math.abs(box.guess - box.real) / box.real, `the lab's guessed height at ${viewport.width} px: ${box.guess} vs ${box.real}`).toBeLessThan(0.05);
  }
});
