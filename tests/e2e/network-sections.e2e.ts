import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { notesBackward, notesForward, notesNetworkAfter, notesWeightScaling, scaleInvarianceGap, transpose } from '../../src';
import { fmt } from '../../app/ui/format';
import { cellText } from '../../app/notebook/pass/notesMatrices';
import { afterFrames, baseUrl, drawn, everyBlockDrawn, openAt } from './browser';

/** Sections 1, 11, 12, 14, 15, 16 in real Chromium: every control moved, numbers checked against the engine. */
const IDS = ['why', 'forward', 'backward', 'why-it-works', 'inference', 'reading'];


const section = (page: Page, id: string) => page.locator(`section#${id}`);

async function press(control: Locator, key: string, times = 1) {
  await control.focus();
  for (let i = 0; i < times; i++) await control.press(key);
}

/** The numbers a matrix grid shows, row by row. */
async function gridNumbers(grid: Locator): Promise<string[][]> {
  return grid.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')));
}

const expected = (m: { rows: number; cols: number; data: Float64Array }) =>
  Array.from({ length: m.rows }, (_, r) => Array.from({ length: m.cols }, (_, c) => cellText(m.data[r * m.cols + c])));

test('sections 1, 11, 12, 14, 15, 16 at 1280×720: every control works, numbers are the engine’s, the console stays clean', async () => {
  const offOrigin: string[] = [];
  const { page, problems } = await openAt('', {
    viewport: { width: 1280, height: 720 },
    beforeGoto: (p) =>
      p.on('request', (r) => {
        if (!r.url().startsWith(baseUrl())) offOrigin.push(r.url());
      }),
  });
  for (const id of IDS) await expect(section(page, id).getByRole('heading', { level: 2 }).count()).resolves.toBe(1);

  // 1 — the covariate-shift run finishes in slices and reports both networks.
  const why = section(page, 'why');
  await why.scrollIntoViewIfNeeded();
  await expect.poll(() => why.getByTestId('shift-progress').textContent(), { timeout: 60_000 }).toBe('Trained 600 steps, 5 seeds.');
  await expect.poll(() => why.getByTestId('shift-summary').textContent()).toMatch(/^Without BN the median moved from .* The input to BN itself /);
  await expect.poll(() => why.getByTestId('shift-seeds').textContent()).toMatch(/^Test accuracy after 600 steps over 5 seeds: \d+\.\d % to \d+\.\d % \(median \d+\.\d %\) without BN, \d+\.\d % to \d+\.\d % \(median \d+\.\d %\) with\./);
  await expect(why.locator('svg.quantile-chart').count()).resolves.toBe(2);

  // 11 — Next by keyboard and mouse, the equation list, a cell by click and arrow keys, the SGD slider.
  const fwd = section(page, 'forward');
  await fwd.scrollIntoViewIfNeeded();
  const next = fwd.getByRole('button', { name: 'Next step of the forward pass' });
  await press(next, 'Enter');
  await next.click();
  await expect(fwd.getByText('Step 3 of 10').count()).resolves.toBe(1);
  await fwd.getByRole('button', { name: 'Previous step of the forward pass' }).click();
  await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('forward'))).toBe('2');
  await press(fwd.getByRole('slider', { name: 'SGD steps already taken' }), 'ArrowRight', 5);
  const { net, batch } = notesNetworkAfter(5, 1e-5);
  const f = notesForward(net, batch);
  await expect.poll(() => fwd.getByTestId('net-summary').textContent()).toContain(`loss ${fmt(f.loss, 4)}`);
  await expect(gridNumbers(fwd.getByRole('grid', { name: 'Z₁, 4 × 6' }))).resolves.toEqual(expected(transpose(f.z1)));
  await fwd.getByRole('grid', { name: 'Z₁, 4 × 6' }).getByRole('gridcell').nth(6 + 2).click();
  await page.keyboard.press('ArrowDown');
  // The substituted equation is typeset in a render after the one answering the key (app/ui/Equation.tsx): wait for it.
  await expect.poll(() => fwd.getByTestId('step-substituted').textContent()).toContain('(Z1)3,3');
  await fwd.getByRole('button', { name: /^Step 9: A₂ = softmax/ }).click();
  await expect(gridNumbers(fwd.getByRole('grid', { name: 'A₂, 3 × 6' }))).resolves.toEqual(expected(transpose(f.a2)));

  // 12 — four Next presses to ∂L/∂Z₂: exact and simplified side by side, the finite-difference table.
  const bwd = section(page, 'backward');
  await bwd.scrollIntoViewIfNeeded();
  await press(bwd.getByRole('button', { name: 'Next step of the backward pass' }), 'Enter', 3);
  const g = notesBackward(net, batch, f);
  await expect(gridNumbers(bwd.getByRole('grid', { name: '∂L/∂Z₂ (exact), 3 × 6' }))).resolves.toEqual(expected(transpose(g.dZ2)));
  await expect(gridNumbers(bwd.getByRole('grid', { name: '∂L/∂Z₂ (simplified), 3 × 6' }))).resolves.toEqual(expected(transpose(g.dZ2Simplified)));
  await expect.poll(() => bwd.getByTestId('check-dZ2').textContent()).toMatch(/✓ agrees.*✗ wrong/);
  await expect(bwd.getByRole('complementary', { name: 'Correction to the notes: ∂L/∂Z₂' }).count()).resolves.toBe(1);

  // 14 — k by keyboard (Home = 0.01, End = 100), the gradient scaling, the landscape run.
  const works = section(page, 'why-it-works');
  const k = works.getByRole('slider', { name: 'Weight scale k' });
  await k.scrollIntoViewIfNeeded();
  await press(k, 'Home');
  await expect.poll(() => works.getByTestId('scale-gap').textContent()).toContain(`= ${fmt(scaleInvarianceGap(f.z1, 0.01, 1e-5), 3)}, visibly different`);
  await press(k, 'End');
  const w = notesWeightScaling(5, 1e-5, 100);
  await expect.poll(() => works.getByTestId('scale-grad').textContent()).toContain(`to ${fmt(w.gradNormScaled, 4)}`);
  await works.getByTestId('landscape-progress').scrollIntoViewIfNeeded();
  await expect.poll(() => works.getByTestId('landscape-progress').textContent(), { timeout: 30_000 }).toBe('Measured up to step 400.');
  await expect(works.getByTestId('landscape-summary').locator('tbody tr').count()).resolves.toBe(2);

  // 15 — momentum and m by keyboard, eval/train by the radio group; m = 1 in words, not a crash.
  const inf = section(page, 'inference');
  await inf.scrollIntoViewIfNeeded();
  await press(inf.getByRole('slider', { name: 'Momentum' }), 'ArrowRight', 9);
  await press(inf.getByRole('slider', { name: 'Batch size m (the batch of sections 2–9)' }), 'ArrowRight', 2);
  await expect(inf.getByRole('row', { name: /in its own batch \(m = 10\)/ }).count()).resolves.toBe(1);
  await expect.poll(() => inf.getByTestId('m1-error').textContent()).toContain('Expected more than 1 value per channel when training');
  await inf.getByRole('radio', { name: 'Eval mode' }).check();
  await expect(inf.getByTestId('m1-error').count()).resolves.toBe(0);
  const evalCells = await inf.getByRole('table', { name: /in eval mode, in three batches/ }).locator('td').allTextContents();
  expect(new Set(evalCells).size).toBe(1);
  await inf.getByRole('radio', { name: 'Train mode' }).check();
  await expect(inf.getByTestId('m1-error').count()).resolves.toBe(1);

  // 16 — plain links only; nothing was requested from another origin.
  const hrefs = await section(page, 'reading').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs).toContain('https://arxiv.org/abs/1502.03167');
  expect(hrefs).toContain('https://arxiv.org/abs/1805.11604');
  expect(offOrigin).toEqual([]);
  expect(problems).toEqual([]);
});

test('touch on a phone (390×844): tapping Next and an equation steps the passes; the train/eval toggle responds to a tap', async () => {
  const { page, problems } = await openAt('', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const fwd = section(page, 'forward');
  await fwd.getByRole('button', { name: 'Next step of the forward pass' }).tap();
  await expect(fwd.getByText('Step 2 of 10').count()).resolves.toBe(1);
  await fwd.getByRole('button', { name: /^Step 5: A₁ = ReLU/ }).tap();
  await expect(fwd.getByRole('grid', { name: 'A₁, 4 × 6' }).count()).resolves.toBe(1);
  const bwd = section(page, 'backward');
  await bwd.getByRole('button', { name: /^Step 9: ∂L\/∂Z₁/ }).tap();
  await expect(bwd.getByRole('grid', { name: '∂L/∂Z₁ (simplified), 4 × 6' }).count()).resolves.toBe(1);
  const inf = section(page, 'inference');
  await inf.getByRole('radio', { name: 'Eval mode' }).tap();
  await expect(inf.getByRole('radio', { name: 'Eval mode' }).isChecked()).resolves.toBe(true);
  // Nothing wider than the phone: the page itself never scrolls sideways.
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
  expect(problems).toEqual([]);
});

test('section 15 on a 390 px phone: a running-statistics tooltip names each series once and stays inside its chart', async () => {
  const { page, problems } = await openAt('?section=inference#inference', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const inf = section(page, 'inference');
  const chart = inf.locator('.recharts-wrapper').first();
  await chart.waitFor({ timeout: 20_000 });
  // The page settled: every block drawn (the link's section is held in place until then, so a chart scrolled to could be moved off the screen).
  await everyBlockDrawn(page);
  // A pointer moving over the chart's right end, as a reader's hovers there (the first pointer mounts the tooltip; a
  // later one shows it), until the tooltip shows; the chart found on the screen each time.
  const tip = inf.locator('.recharts-default-tooltip').first();
  let box = { x: 0, y: 0, width: 0, height: 0 };
  await expect
    .poll(async () => {
      await chart.scrollIntoViewIfNeeded();
      box = (await chart.boundingBox()) ?? box;
      await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.4);
      await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.45);
      return page.evaluate(() => document.querySelector('#inference .recharts-default-tooltip')?.textContent ?? '');
    }, { timeout: 20_000 })
    .toContain('running');
  const text = (await tip.textContent()) ?? '';
  expect(text).toMatch(/^batch \d+/);
  expect(text).not.toMatch(/batch\s:/); // the dots' x, which the title already says (\s: the separator's no-break space)
  const t = await tip.boundingBox();
  if (!t) throw new Error('no tooltip box');
  expect(t.x).toBeGreaterThanOrEqual(box.x - 1);
  expect(t.x + t.width).toBeLessThanOrEqual(box.x + box.width + 1);
  expect(problems).toEqual([]);
});

test.each([320, 390])('nothing widens the page at %i px: every section drawn (late tables included), the page never scrolls sideways', async (width) => {
  const { page } = await openAt('', { viewport: { width, height: 800 } });
  const ids = await page.evaluate(() => [...document.querySelectorAll('section[data-section]')].map((s) => s.id));
  for (const id of ids) {
    await page.evaluate((s) => document.getElementById(s)?.scrollIntoView({ block: 'start', behavior: 'instant' }), id);
    await drawn(page, `#${id}`);
  }
  // Tables that appear only once a section's own run has data (section 14's medians): its run starts
  // when its panel, well below the section's heading on a phone, nears the screen.
  await page.locator('#why-it-works .progress').scrollIntoViewIfNeeded();
  await page.getByTestId('landscape-summary').waitFor({ timeout: 30_000 });
  const wide = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    culprits: [...document.querySelectorAll('section[data-section] *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest('.scroll-x'))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()} in #${el.closest('section')?.id}`),
  }));
  expect(wide.page, `wider than ${width}: ${wide.culprits.join(', ')}`).toBeLessThanOrEqual(width);
});

test('section 14 on a touch phone: a swipe that begins on a chart scrolls the page and leaves no tooltip; a tap and a sideways scrub show one', async () => {
  const { page, context, problems } = await openAt('?section=why-it-works#why-it-works', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const chart = section(page, 'why-it-works').locator('.recharts-wrapper').first();
  await chart.waitFor({ timeout: 20_000 });
  await everyBlockDrawn(page);
  await chart.scrollIntoViewIfNeeded();
  const cdp = await context.newCDPSession(page);
  /** A touch along `points` (viewport pixels), a frame between moves, then lifted. */
  const touch = async (points: [number, number][]) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: points[0][0], y: points[0][1] }] });
    for (const [x, y] of points.slice(1)) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      await afterFrames(page, 1);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await afterFrames(page);
  };
  const shown = () => page.evaluate(() => [...document.querySelectorAll('#why-it-works .recharts-tooltip-wrapper')].some((t) => getComputedStyle(t).visibility === 'visible'));
  let box = (await chart.boundingBox())!;
  const before = await page.evaluate(() => scrollY);
  await touch(Array.from({ length: 13 }, (_, i) => [box.x + box.width / 2, box.y + box.height / 2 - 20 * i]));
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(before + 100);
  expect(await shown()).toBe(false);
  // The swipe's fling has ended (a tap during one only stops it).
  let last = -1;
  await expect.poll(async () => last === (last = await page.evaluate(() => scrollY)), { interval: 150, timeout: 5000 }).toBe(true);
  expect(await shown()).toBe(false);
  box = (await chart.boundingBox())!;
  await touch([[box.x + box.width * 0.7, box.y + box.height / 2]]);
  await expect.poll(shown, { timeout: 5000 }).toBe(true);
  await touch(Array.from({ length: 10 }, (_, i) => [box.x + box.width * (0.3 + 0.04 * i), box.y + box.height / 2]));
  await expect.poll(shown, { timeout: 5000 }).toBe(true);
  expect(problems).toEqual([]);
});

test('at 390 px each box that scrolls sideways is one tab stop: a wide equation inside a scrolling wrapper is not a second one', async () => {
  const { page } = await openAt('', { viewport: { width: 390, height: 844 } });
  await everyBlockDrawn(page);
  await afterFrames(page);
  const stops = await page.evaluate(() => {
    const regions = [...document.querySelectorAll('section[data-section] [tabindex="0"]')].filter((r) => !r.matches('td, button, a, input, svg'));
    return {
      scrolling: regions.filter((r) => r.scrollWidth > r.clientWidth + 1).length,
      nested: regions.filter((r) => r.parentElement?.closest('[tabindex="0"]')).map((r) => `${r.className} in #${r.closest('section')?.id}`),
    };
  });
  expect(stops.scrolling).toBeGreaterThan(5); // wide equations and tables do scroll at this width
  expect(stops.nested).toEqual([]);
});

test('a chart clicked with the mouse shows no focus ring (the browser drew its own on the SVG); focused from the keyboard it shows the page’s ring', async () => {
  const { page } = await openAt('?section=inference#inference', { viewport: { width: 1366, height: 900 } });
  const chart = page.locator('#inference svg.recharts-surface').first();
  await chart.waitFor({ timeout: 20_000 });
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('no chart box');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const ring = () => page.evaluate(() => ({ focused: document.activeElement?.matches('svg.recharts-surface') ?? false, outline: getComputedStyle(document.activeElement as Element).outlineStyle }));
  await expect(ring()).resolves.toEqual({ focused: true, outline: 'none' });
  // Away and back with the keyboard: Shift+Tab then Tab lands on it again, now with the ring.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(ring()).resolves.toEqual({ focused: true, outline: 'solid' });
  // And it is seen: no box around the chart clips it (the chart's box hid its overflow, ring included, 5 px outside the SVG).
  const clippedBy = await page.evaluate(() => {
    const el = document.activeElement as Element;
    const style = getComputedStyle(el);
    const out = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    const r = el.getBoundingClientRect();
    const clips: string[] = [];
    for (let a = el.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible' && !/paint|strict|content/.test(s.contain)) continue;
      const margin = s.overflowX === 'clip' || /paint|strict|content/.test(s.contain) ? parseFloat(s.overflowClipMargin) || 0 : 0;
      const b = a.getBoundingClientRect();
      if (r.left - out < b.left - margin || r.right + out > b.right + margin || r.top - out < b.top - margin || r.bottom + out > b.bottom + margin) clips.push(a.className || a.tagName);
    }
    return clips;
  });
  expect(clippedBy).toEqual([]);
});

test('every chart that takes keyboard focus has a name (Recharts marks its svg role=application, tabindex 0)', async () => {
  const { page } = await openAt('', { viewport: { width: 1280, height: 900 } });
  // Each section's charts: section 14's run starts when its panel (below its prose) nears the screen.
  for (const where of ['#why', '#why-it-works .progress', '#inference']) {
    // Scrolled by the page itself, once the live element is there (not the section's pre-rendered picture): a part
    // drawn in its turn replaces what a locator had found. At once, and again until it is on the screen: the lab above
    // section 14 grows by thousands of pixels as its code arrives when it nears the screen, and a smooth scroll, aimed
    // where the element was when it began, ended far past it.
    const scrolled = (sel: string) => {
      const el = [...document.querySelectorAll(sel)].find((e) => !e.closest('.section-static'));
      if (!el) return false;
      const { top, bottom } = el.getBoundingClientRect();
      if (top < innerHeight && bottom > 0) return true;
      el.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      return false;
    };
    await expect.poll(() => page.evaluate(scrolled, where), { timeout: 20_000 }).toBe(true);
    await afterFrames(page);
    // Section 14's run starts only while its panel is near the screen: the next scroll waits until it has (moved on two
    // frames later, on a loaded machine the page had not seen the panel yet, and the run and its two charts never came).
    if (where.includes('.progress')) {
      await expect
        .poll(() => page.evaluate((sel) => [...document.querySelectorAll(sel)].find((e) => !e.closest('.section-static'))?.textContent ?? '', where), { timeout: 20_000 })
        .not.toContain('starts when you scroll here');
    }
  }
  await expect.poll(() => page.locator('section[data-section] svg[tabindex="0"]').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('section[data-section] svg[tabindex="0"]')]
      .filter((svg) => !svg.getAttribute('aria-label') && !svg.querySelector(':scope > title')?.textContent?.trim())
      .map((svg) => `#${svg.closest('section')?.id}`),
  );
  expect(unnamed).toEqual([]);
});
