/**
 * Screenshots of a fresh build for looking at what the notebook shows (not a test):
 * desktop (1440 × 900, whole page), projector (1280 × 720 and 1920 × 1080, presentation slides) and
 * phone (390 × 844, whole page).
 *
 *   npx tsx scripts/screenshots.ts [outDir] [--no-build] [--readme]
 *
 * --readme also writes docs/screenshot.png (the README's picture: the top of the notebook at 1440 × 900).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium';

const args = process.argv.slice(2);
const outDir = args.find((a) => !a.startsWith('--')) ?? '/tmp/shots';
const distDir = '/tmp/screenshots-dist';

async function settle(page: Page, ms = 800): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(ms);
}

/** Scrolls through the page so every lazily drawn section renders, then back to the top. */
async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(120);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  if (!args.includes('--no-build')) await build({ logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
  const server = await preview({ build: { outDir: distDir }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}/`;
  const browser = await launchChromium();
  const problems: string[] = [];
  const open = async (width: number, height: number, query = '', scheme: 'light' | 'dark' = 'light') => {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${width}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`${width}: ${e.message}`));
    await page.goto(base + query);
    await settle(page);
    return page;
  };
  try {
    const desktop = await open(1440, 900);
    if (args.includes('--readme')) {
      mkdirSync('docs', { recursive: true });
      await desktop.screenshot({ path: 'docs/screenshot.png' });
    }
    await desktop.screenshot({ path: join(outDir, 'desktop-top.png') });
    await scrollThrough(desktop);
    await desktop.screenshot({ path: join(outDir, 'desktop-full.png'), fullPage: true });
    const sections = await desktop.$$eval('main section[id]', (els) => els.map((e) => e.id));
    for (const id of sections) {
      const el = await desktop.$(`section[id="${id}"]`);
      await el?.scrollIntoViewIfNeeded();
      await desktop.waitForTimeout(300);
      await el?.screenshot({ path: join(outDir, `section-${id}.png`) });
    }
    const dark = await open(1440, 900, '', 'dark');
    await dark.screenshot({ path: join(outDir, 'desktop-dark.png') });

    const phone = await open(390, 844);
    await scrollThrough(phone);
    await phone.screenshot({ path: join(outDir, 'phone-full.png'), fullPage: true });

    for (const [w, h] of [[1280, 720], [1920, 1080]] as const) {
      for (const step of [1, 5, 12, 30]) {
        const slide = await open(w, h, `?present=1&step=${step}`);
        await slide.screenshot({ path: join(outDir, `present-${w}-step${step}.png`) });
      }
    }
    console.log(`screenshots in ${outDir}; sections: ${sections.join(', ')}`);
    console.log(problems.length ? `console problems:\n  ${problems.join('\n  ')}` : 'no console errors or warnings');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
