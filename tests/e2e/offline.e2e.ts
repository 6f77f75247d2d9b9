import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { afterFrames, baseUrl, openAt } from './browser';
import { DIST, type Host, staticHost } from './pwaHost';

/**
 * Offline and self-contained: every request the page makes stays on its own origin (fonts, KaTeX,
 * data and Workers are bundled), and the built site works from any sub-path of a static host.
 */
const SUB = '/some/sub/path/';

/** Records every request of the context (page, Workers, fonts, data) in `urls`, from the first one on (for openAt's beforeGoto). */
const recordRequests = (urls: string[]) => (_page: Page, context: BrowserContext) => {
  context.on('request', (r) => urls.push(r.url()));
};
const foreign = (urls: string[], origin: string) => urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);

/** Scrolls through the whole page so every lazily drawn panel (charts near the viewport) loads. */
async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 700) {
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
    await afterFrames(page);
  }
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await page.waitForLoadState('networkidle');
}

/** Fetches the Fashion-MNIST subset the way app/lab/loadFashion.ts does (relative to the page's base URL). */
const fetchData = (page: Page) =>
  page.evaluate(async () => {
    const url = new URL('data/fashion-mnist-subset.bin.gz', document.baseURI).href;
    const res = await fetch(url);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { url, status: res.status, size: bytes.length, magic: [bytes[0], bytes[1]] };
  });

let host: Host;
beforeAll(async () => {
  host = await staticHost(SUB);
});
afterAll(async () => {
  await new Promise((done) => host?.server.close(done));
});

test('the built notebook, scrolled top to bottom, makes no request outside its own origin', async () => {
  const urls: string[] = [];
  const { page, problems } = await openAt('', { beforeGoto: recordRequests(urls) });
  await page.locator('.katex').first().waitFor();
  await scrollThrough(page);
  const origin = new URL(baseUrl()).origin;
  expect(urls.length).toBeGreaterThan(3);
  expect(foreign(urls, origin)).toEqual([]);
  // The KaTeX fonts the equations use come from the same origin, and did load.
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.includes('KaTeX') && f.status === 'loaded').map((f) => f.family);
  });
  expect(fonts).toContain('KaTeX_Main');
  expect(urls.some((u) => /KaTeX_Main-Regular[^/]*\.woff2$/.test(u))).toBe(true);
  expect(problems).toEqual([]);
});

test('dist/ references nothing off-origin: no absolute http(s) URL in index.html or in any CSS url()/@import', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  // Nothing the page loads (the pre-rendered notebook's links to the papers, <a href>, are for the reader to follow).
  const loaded = html.match(/<(?!a\s)[a-z]+\s[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi) ?? [];
  expect(loaded).toEqual([]);
  expect(html).toContain('<a href="https://arxiv.org/abs/1502.03167"'); // the check sees the pre-rendered notebook
  const assets = await readdir(join(DIST, 'assets'));
  const css = assets.filter((f) => f.endsWith('.css'));
  expect(css.length).toBeGreaterThan(0);
  for (const f of css) {
    const text = await readFile(join(DIST, 'assets', f), 'utf8');
    expect(text.match(/url\(\s*["']?(?:https?:)?\/\/[^)]*\)|@import[^;]*/gi) ?? [], f).toEqual([]);
  }
});

test(`dist/ served under a sub-path (${SUB}) of a plain static host works, data file included, all requests inside the sub-path`, async () => {
  const urls: string[] = [];
  const failed: string[] = [];
  const { page, problems } = await openAt('', {
    base: host.base,
    beforeGoto: (p, context) => {
      recordRequests(urls)(p, context);
      p.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
    },
  });
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Batch Normalization, live');
  // KaTeX arrives after the first screen's code (app/ui/typeset.ts).
  await page.locator('.katex').first().waitFor();
  expect(await page.locator('.katex').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('mean-value').first().textContent()).resolves.toMatch(/μ = −?\d/);
  // A live control still drives the engine here: move γ and see the output's std follow |γ|.
  const before = await page.getByTestId('out-std').first().textContent();
  const gamma = page.getByRole('slider', { name: 'γ (scale)', exact: true }).first();
  await gamma.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.getByTestId('out-std').first().textContent()).not.toBe(before);
  await scrollThrough(page);

  const data = await fetchData(page);
  expect(data.url).toBe(`${host.base}data/fashion-mnist-subset.bin.gz`);
  expect(data.status).toBe(200);
  expect(data.size).toBeGreaterThan(1_000_000);
  expect(data.magic).toEqual([0x1f, 0x8b]); // gzip, as built by scripts/build-fashion.ts

  expect(foreign(urls, new URL(host.base).origin)).toEqual([]);
  expect(urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && !new URL(u).pathname.startsWith(SUB))).toEqual([]);
  expect(host.outside).toEqual([]);
  expect(failed).toEqual([]);
  expect(problems).toEqual([]);
});

test(`under the sub-path, the training lab's Worker loads the Fashion-MNIST subset from ${SUB}data/ and trains`, async () => {
  const urls: string[] = [];
  const { page, problems } = await openAt('?lab-data=fashion#lab', { base: host.base, beforeGoto: recordRequests(urls) });
  // The run is ready at step 0 only once the Worker has the data.
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 40_000 });
  await page.locator('#lab').getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="lab-step"]')?.textContent?.match(/Step ([\d,]+)/)?.[1].replace(/,/g, '')) >= 5, null, { timeout: 40_000 });
  await page.locator('#lab').getByRole('button', { name: 'Pause' }).click();
  expect(urls).toContain(`${host.base}data/fashion-mnist-subset.bin.gz`);
  expect(urls.some((u) => /\/assets\/[^/]*worker[^/]*\.js$/i.test(u))).toBe(true);
  expect(foreign(urls, new URL(host.base).origin)).toEqual([]);
  expect(host.outside).toEqual([]);
  expect(problems).toEqual([]);
});
