import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { drawn, openAt, watchConsole } from './browser';
import { activated, nextVersion, staticHost, type Host } from './pwaHost';

/**
 * A tab left open on one version while another tab installs and activates the next: the new worker's precache
 * replaces the old version's files and the host no longer serves them, so a section the old tab reaches
 * afterwards cannot load its code. The old tab offers the reload (its banner, and in the section) instead of an
 * error, and the reload brings the new version on the same address.
 */
let host: Host;
beforeAll(async () => {
  host = await staticHost();
});
afterAll(async () => {
  await new Promise((done) => host?.server.close(done));
});

/** What a tab on the old version may log while its code is gone: the host's 404s and the failed imports the section catches. */
const stale = (line: string) =>
  /^error: Failed to load resource: the server responded with a status of 404/.test(line) ||
  /Failed to fetch dynamically imported module: .*\/assets\/[^/]+\.js/.test(line) ||
  /Unable to preload CSS for .*\/assets\/[^/]+\.css/.test(line);

const banner = (page: Page) => page.getByRole('status').filter({ hasText: 'A new version is available' });

test('another tab’s update: the old tab offers the reload, a section it had not opened says to reload (no error), and Reload brings the new version', async () => {
  // Tab A: version 1, installed and controlled; the lab (a lazy chunk) never reached.
  const a = await openAt('?v=1&seed=7', { base: host.base, serviceWorkers: 'allow', viewport: { width: 1280, height: 800 } });
  await activated(a.page);
  // (Its pre-rendered picture may be on the page; no live lab is.)
  expect(await a.page.evaluate(() => [...document.querySelectorAll('#lab .lab')].filter((el) => !el.closest('.section-static')).length)).toBe(0);
  // Version 2 is deployed (every asset renamed; version 1's are gone from the host).
  host.deployment = await nextVersion();
  try {
    // Tab B (same browser) opens, sees the new worker waiting, and chooses Reload: version 2 activates.
    const b = await a.context.newPage();
    const bProblems = watchConsole(b);
    await b.goto(host.base);
    await banner(b).waitFor({ timeout: 45_000 });
    const reloaded = b.waitForEvent('load', { timeout: 30_000 });
    await banner(b).getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect.poll(() => b.evaluate(() => [...document.scripts].some((s) => /assets\/index-[^/]+v2\.js$/.test(s.src))), { timeout: 10_000 }).toBe(true);

    // Tab A is now under version 2's worker with version 1's code: its banner offers the reload.
    await banner(a.page).waitFor({ timeout: 15_000 });
    // It reaches the lab: version 1's chunk is neither cached nor served. The section says so and offers the reload.
    // (As a link to it does, which the page keeps in view while the sections above it settle: a plain scroll to it can be
    // carried off by them, and sections going live as the scroll begins may replace the element a locator had found.)
    await a.page.evaluate(() => (location.hash = '#lab'));
    const offer = a.page.locator('section#lab [role="alert"].section-stale');
    await offer.waitFor({ timeout: 20_000 });
    await expect(offer.textContent()).resolves.toContain('A new version is available — reload to see Section 13: Training lab.');
    expect(await a.page.locator('.section-error').count()).toBe(0);
    console.log(`the old tab logged ${a.problems.length} lines while its code was gone:\n${a.problems.join('\n')}`);
    expect(a.problems.filter((p) => !stale(p))).toEqual([]);
    expect(a.problems.some((p) => /TrainingLab-[^/]+(?<!v2)\.(js|css)/.test(p))).toBe(true); // it was version 1's lab that failed

    // Its Reload (by keyboard) brings version 2 on the same address: the lab is there.
    const again = a.page.waitForEvent('load', { timeout: 30_000 });
    await offer.getByRole('button', { name: 'Reload' }).focus();
    await a.page.keyboard.press('Enter');
    await again;
    expect(new URL(a.page.url()).searchParams.get('seed')).toBe('7');
    expect(await a.page.evaluate(() => [...document.scripts].some((s) => /assets\/index-[^/]+v2\.js$/.test(s.src)))).toBe(true);
    // The reloaded page is pre-rendered, then taken over (its sections are new elements): scroll once it is React's.
    await a.page.waitForSelector('#root[data-taken-over]', { state: 'attached', timeout: 30_000 });
    await a.page.evaluate(() => (location.hash = '#lab'));
    await a.page.getByTestId('lab-step').waitFor({ timeout: 40_000 });
    await drawn(a.page, 'section#lab', 30_000);
    expect(await a.page.locator('.section-error, .section-stale').count()).toBe(0);
    expect(bProblems).toEqual([]);
    expect(host.outside).toEqual([]);
  } finally {
    host.deployment = null;
  }
});
