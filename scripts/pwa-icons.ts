/**
 * The web manifest's icons, rasterized from the notebook's own artwork (public/favicon.svg) by Chromium:
 * `npx tsx scripts/pwa-icons.ts` writes public/icons/ (committed; vite.config.ts lists them in the manifest).
 *
 *   icon-192.png, icon-512.png   the favicon as drawn (rounded square, transparent corners), purpose "any"
 *   maskable-512.png             full-bleed background, the curve inside the central safe circle (radius 40 %), purpose "maskable"
 *   apple-touch-icon.png (180)   the full-bleed variant: iOS fills transparency with black
 *
 * No network: the SVG is inlined into a blank page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from './chromium';

const SOURCE = 'public/favicon.svg';
const OUT = 'public/icons';

/** The favicon as a full-bleed square: its background rect stretched past a padded viewBox, the rest kept. */
function fullBleed(svg: string, pad: number): string {
  const view = svg.match(/viewBox="0 0 (\d+) (\d+)"/);
  const rect = svg.match(/<rect\b[^>]*\bfill="([^"]+)"[^>]*\/>/);
  if (!view || !rect) throw new Error(`${SOURCE}: expected a 'viewBox="0 0 w h"' and a background <rect fill=…/>`);
  const [w, h] = [Number(view[1]), Number(view[2])];
  const box = `${-pad} ${-pad} ${w + 2 * pad} ${h + 2 * pad}`;
  const background = `<rect x="${-pad}" y="${-pad}" width="${w + 2 * pad}" height="${h + 2 * pad}" fill="${rect[1]}"/>`;
  return svg.replace(view[0], `viewBox="${box}"`).replace(rect[0], background);
}

async function main(): Promise<void> {
  const svg = readFileSync(SOURCE, 'utf8').trim();
  // A quarter of the 32-unit artwork as padding on each side puts the curve (and its stroke) within the safe circle.
  const bleed = fullBleed(svg, 8);
  const jobs: [file: string, size: number, art: string][] = [
    ['icon-192.png', 192, svg],
    ['icon-512.png', 512, svg],
    ['maskable-512.png', 512, bleed],
    ['apple-touch-icon.png', 180, bleed],
  ];
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const [file, size, art] of jobs) {
      await page.setViewportSize({ width: size, height: size });
      const sized = art.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSync(`${OUT}/${file}`, png);
      console.log(`${OUT}/${file}  ${size}×${size}  ${png.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

await main();
