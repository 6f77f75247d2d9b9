import { expect, test } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { afterFrames, downloaded, drawn, openAt } from './browser';

/**
 * Export in a real browser: ChartFrame's PNG (SVG rasterized, canvas via toBlob), SVG (styles inlined,
 * small multiples laid out), CSV and JSON downloads; and the print stylesheet.
 */

async function save(page: Page, frame: string, format: 'PNG' | 'SVG' | 'CSV' | 'JSON'): Promise<{ name: string; body: Buffer }> {
  const menu = page.getByRole('button', { name: `Download: ${frame}`, exact: true });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${format} of ${frame}`, exact: true }).click()]);
  return { name: download.suggestedFilename(), body: await downloaded(download) };
}

/** A PNG's pixel size from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Loads SVG text as an image in the page: its natural size (0 × 0 if the browser cannot render it). */
const renderSvg = (page: Page, text: string) =>
  page.evaluate(async (svg) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  }, text);

const GAMMA = 'Scale and shift: Zₙₒᵣₘ mapped to γ·Zₙₒᵣₘ + β';

test('section 7 (dark scheme): PNG at 2× of the SVG chart, a standalone SVG with resolved colours, CSV and JSON of the 8 samples with the link', async () => {
  const { page, problems } = await openAt('?section=gamma-beta#gamma-beta', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark', acceptDownloads: true });
  // The chart at its own width: once the section is drawn, and the plot has measured itself (a frame later).
  await drawn(page, '#gamma-beta');
  await afterFrames(page, 3);
  const svgBox = await page.locator('#gamma-beta .chart-frame svg').first().boundingBox();
  expect(svgBox).not.toBeNull();

  const png = await save(page, GAMMA, 'PNG');
  expect(png.name).toBe('scale-and-shift-znorm-mapped-to-znorm.png');
  const size = pngSize(png.body);
  expect(size.width).toBe(Math.round((svgBox?.width ?? 0) * 2));
  expect(size.height).toBe(Math.round((svgBox?.height ?? 0) * 2));
  expect(png.body.length).toBeGreaterThan(5000); // drawn, not blank

  const svg = (await save(page, GAMMA, 'SVG')).body.toString('utf8');
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain(`<title>${GAMMA.replace(/&/g, '&amp;')}</title>`);
  expect(svg).not.toContain('var(--'); // every colour resolved
  // The dark panel behind it, and Z̃'s dots in the dark theme's colour, as the page shows them.
  const shown = await page.evaluate(() => ({
    panel: getComputedStyle(document.querySelector('#gamma-beta .panel') as Element).backgroundColor,
    dot: getComputedStyle(document.querySelector('#gamma-beta .chart-frame .tone-out') as Element).fill,
  }));
  const [r, g, b] = (shown.panel.match(/\d+/g) ?? []).map(Number);
  expect(r + g + b).toBeLessThan(200); // the scheme really is dark
  expect(svg).toContain(`<rect x="0" y="0" width="100%" height="100%" fill="${shown.panel}"/>`);
  expect(svg).toContain(`fill:${shown.dot}`);
  expect(await renderSvg(page, svg)).toEqual({ width: Math.round(svgBox?.width ?? 0), height: Math.round(svgBox?.height ?? 0) });

  const csv = (await save(page, GAMMA, 'CSV')).body.toString('utf8').split('\r\n');
  expect(csv[0]).toBe('sample i,Z_norm,Z̃ = γ·Z_norm + β');
  expect(csv.filter((l) => l !== '')).toHaveLength(1 + 8);
  // With γ = 1 and β = 0 (the defaults) the output equals the input, bit for bit.
  for (const line of csv.slice(1, 9)) {
    const [, zn, y] = line.split(',');
    expect(Number(y)).toBe(Number(zn));
  }

  const json = JSON.parse((await save(page, GAMMA, 'JSON')).body.toString('utf8'));
  expect(json.chart).toBe(GAMMA);
  expect(json.config).toMatchObject({ m: 8, gamma: 1, beta: 0 });
  expect(json.link).toBe(page.url());
  expect(json.data).toHaveLength(8);
  expect(problems).toEqual([]);
});

test('section 10: the three histograms export as one SVG (three placed charts) and one table of shared bins', async () => {
  const { page } = await openAt('?section=placement#placement', { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const title = 'Histograms of the layer with BN before ReLU';
  const svg = (await save(page, title, 'SVG')).body.toString('utf8');
  const inner = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return [...doc.documentElement.children].filter((c) => c.tagName === 'svg').map((c) => Number(c.getAttribute('x')));
  }, svg);
  expect(inner).toHaveLength(3);
  expect(inner[0]).toBe(0);
  expect(inner[1]).toBeGreaterThan(inner[0]);
  expect(inner[2]).toBeGreaterThan(inner[1]);
  const csv = (await save(page, title, 'CSV')).body.toString('utf8').split('\r\n');
  expect(csv[0].split(',').slice(0, 2)).toEqual(['bin from', 'bin to']);
  expect(csv[0].split(',')).toHaveLength(5);
});

test('training lab: after a few steps, the decision boundary (canvas) saves as PNG and as SVG embedding it; a line chart as SVG', async () => {
  const { page, problems } = await openAt('?section=lab#lab', { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const lab = page.locator('#lab');
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 20_000 });
  await lab.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="lab-step"]')?.textContent?.match(/Step ([\d,]+)/)?.[1].replace(/,/g, '')) >= 50, null, { timeout: 20_000 });
  await lab.getByRole('button', { name: 'Pause' }).click();
  const boundary = 'Decision boundary, with BN';
  await lab.getByRole('button', { name: `Download: ${boundary}` }).waitFor({ timeout: 10_000 });
  const canvas = await lab.locator('.chart-frame canvas').last().evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
  const png = await save(page, boundary, 'PNG');
  expect(pngSize(png.body)).toEqual(canvas);
  const svg = (await save(page, boundary, 'SVG')).body.toString('utf8');
  expect(svg).toMatch(/<image width="\d+" height="\d+" href="data:image\/png;base64,/);
  expect((await renderSvg(page, svg)).width).toBeGreaterThan(0);
  const grid = JSON.parse((await save(page, boundary, 'JSON')).body.toString('utf8'));
  expect(grid.columns.map((c: { label: string }) => c.label)).toEqual(['x₁ (cell centre)', 'x₂ (cell centre)', 'predicted class', 'confidence']);
  expect(Math.sqrt(grid.data.length) % 1).toBe(0); // a square grid
  const loss = 'Loss over training steps, both networks';
  const lossSvg = (await save(page, loss, 'SVG')).body.toString('utf8');
  // Four lines (two networks × mini-batch and test), styled inline.
  const lines = lossSvg.slice(lossSvg.indexOf('class="lab-lines"'));
  expect((lines.match(/<path [^>]*style="[^"]*stroke:rgb\(/g) ?? []).length).toBe(4);
  const lossCsv = (await save(page, loss, 'CSV')).body.toString('utf8');
  expect(lossCsv.split('\r\n')[0]).toBe('line,step,loss');
  expect(problems).toEqual([]);
});

test('print: one section per sheet, light palette on white even in dark mode, no navigation or chart toolbars', async () => {
  const { page } = await openAt('', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const look = await page.evaluate(() => {
    const css = (sel: string, prop: string) => {
      const el = document.querySelector(sel);
      return el ? getComputedStyle(el).getPropertyValue(prop) : 'missing';
    };
    return {
      body: css('body', 'background-color'),
      text: css('body', 'color'),
      toc: css('.toc', 'display'),
      tools: css('.chart-frame-tools', 'display'),
      actions: css('.masthead-actions', 'display'),
      second: css('section[data-section]:nth-of-type(2)', 'break-before'),
    };
  });
  expect(look).toEqual({ body: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)', toc: 'none', tools: 'none', actions: 'none', second: 'page' });
  const sections = await page.locator('section[data-section]').count();
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(sections);
});
