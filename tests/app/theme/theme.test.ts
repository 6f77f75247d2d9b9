import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { contrast, deltaE, DEFICIENCIES, hex, lab, simulate, themeVariables, type Rgb } from './colour';

const themes = themeVariables(readFileSync('app/styles.css', 'utf8'));
const colour = (theme: Record<string, string>, name: string): Rgb => {
  const v = theme[`--${name}`];
  if (!v) throw new Error(`--${name} is not set`);
  return hex(v);
};

describe('colour arithmetic against published values', () => {
  test('WCAG contrast: black/white 21:1, #767676 on white 4.54:1, equal colours 1:1 (tolerance 0.005)', () => {
    expect(contrast(hex('#000'), hex('#fff'))).toBeCloseTo(21, 2);
    expect(contrast(hex('#767676'), hex('#ffffff'))).toBeCloseTo(4.54, 2);
    expect(contrast(hex('#0b63c5'), hex('#0b63c5'))).toBe(1);
  });
  test('CIELAB: white is L* 100, a* b* 0; sRGB red is (53.24, 80.09, 67.20) (tolerance 0.05)', () => {
    const [l, a, b] = lab(hex('#fff'));
    expect([l, Math.abs(a) < 0.05, Math.abs(b) < 0.05]).toEqual([expect.closeTo(100, 1), true, true]);
    const red = lab(hex('#f00'));
    expect(red[0]).toBeCloseTo(53.24, 1);
    expect(red[1]).toBeCloseTo(80.09, 1);
    expect(red[2]).toBeCloseTo(67.2, 1);
  });
  test('dichromacy simulation keeps greys grey and makes protanopic red and green close (Machado 2009)', () => {
    for (const kind of DEFICIENCIES) expect(deltaE(simulate(hex('#808080'), kind), hex('#808080'))).toBeLessThan(1);
    expect(deltaE(simulate(hex('#d62728'), 'protanopia'), simulate(hex('#2ca02c'), 'protanopia'))).toBeLessThan(deltaE(hex('#d62728'), hex('#2ca02c')) / 3);
  });
});

// Text in the notebook: [foreground, background] pairs of app/styles.css's variables, as the CSS uses them.
const TEXT: [string, string][] = [
  ['fg', 'bg'], ['fg', 'panel'], ['muted', 'bg'], ['muted', 'panel'],
  ['accent', 'bg'], ['accent', 'panel'], // links
  ['bg', 'accent'], // the current TOC entry, section numbers, the Present button
  ['ok', 'bg'], ['ok', 'panel'], ['fg', 'warn-bg'], ['muted', 'warn-bg'], ['fg', 'c-ok-bg'], ['ok', 'c-ok-bg'],
  // The quantities' colours are also text (μ's label, coloured read-outs, table rows).
  ['c-z', 'panel'], ['c-mean', 'panel'], ['c-var', 'panel'], ['c-norm', 'panel'], ['c-out', 'panel'],
  ['c-z', 'bg'], ['c-mean', 'bg'], ['c-var', 'bg'], ['c-norm', 'bg'], ['c-out', 'bg'],
  // The with/without-BN pair labels its own lines and read-outs.
  ['with-bn', 'panel'], ['without-bn', 'panel'], ['with-bn', 'bg'], ['without-bn', 'bg'],
];
// Graphics that carry meaning (WCAG 1.4.11, 3:1): the focus ring, chart lines and marks.
const GRAPHICS: [string, string][] = [
  ['focus', 'bg'], ['focus', 'panel'], ['warn-border', 'warn-bg'], ['accent', 'panel'],
];

for (const name of ['light', 'dark', 'projector'] as const) {
  describe(`${name} theme`, () => {
    const t = themes[name];
    test('every text colour on its background reaches WCAG AA 4.5:1', () => {
      const low = TEXT.map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: Number(contrast(colour(t, fg), colour(t, bg)).toFixed(2)) })).filter((r) => r.ratio < 4.5);
      expect(low).toEqual([]);
    });
    test('focus ring and meaningful graphics reach 3:1 against what they sit on', () => {
      const low = GRAPHICS.map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: Number(contrast(colour(t, fg), colour(t, bg)).toFixed(2)) })).filter((r) => r.ratio < 3);
      expect(low).toEqual([]);
    });
    test('with BN and without BN stay apart for normal vision and each full dichromacy (CIE76 ΔE ≥ 20)', () => {
      const a = colour(t, 'with-bn');
      const b = colour(t, 'without-bn');
      const gaps = { normal: deltaE(a, b), ...Object.fromEntries(DEFICIENCIES.map((k) => [k, deltaE(simulate(a, k), simulate(b, k))])) };
      const close = Object.entries(gaps).filter(([, d]) => d < 20).map(([k, d]) => `${k}: ΔE ${d.toFixed(1)}`);
      expect(close).toEqual([]);
    });
  });
}

describe('print palette', () => {
  const css = readFileSync('app/styles.css', 'utf8');
  const block = /@media print\s*\{\s*:root(?:,\s*:root\[data-theme\])?\s*\{([^}]*)\}/.exec(css.slice(css.indexOf('==== Print handout')));
  const print = Object.fromEntries([...(block?.[1] ?? '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
  test('exists and uses the light theme\'s colours for every quantity and the BN pair, on white', () => {
    const same = ['with-bn', 'without-bn', 'accent', 'ok', 'warn-border', 'c-z', 'c-mean', 'c-var', 'c-norm', 'c-out'];
    expect(Object.fromEntries(same.map((k) => [k, print[`--${k}`]]))).toEqual(Object.fromEntries(same.map((k) => [k, themes.light[`--${k}`]])));
    expect(print['--bg']).toBe('#ffffff');
  });
  test('text on paper reaches 4.5:1', () => {
    const low = TEXT.filter(([fg, bg]) => print[`--${fg}`] && print[`--${bg}`]).filter(([fg, bg]) => contrast(hex(print[`--${fg}`]), hex(print[`--${bg}`])) < 4.5);
    expect(low).toEqual([]);
  });
  test('with and without BN differ in lightness, so a greyscale printout still tells them apart (|ΔL*| ≥ 10)', () => {
    expect(Math.abs(lab(hex(print['--with-bn']))[0] - lab(hex(print['--without-bn']))[0])).toBeGreaterThanOrEqual(10);
  });
});

test('the dark theme really is dark, the light one light, and the projector one black on white (luminance)', () => {
  expect(contrast(colour(themes.dark, 'bg'), hex('#000'))).toBeLessThan(1.5);
  expect(contrast(colour(themes.light, 'bg'), hex('#fff'))).toBeLessThan(1.1);
  expect([themes.projector['--bg'], themes.projector['--fg']]).toEqual(['#ffffff', '#000000']);
});

test('the projector theme has more contrast than the light one: text, muted text, borders and grid lines', () => {
  for (const [fg, bg] of [['fg', 'bg'], ['muted', 'bg'], ['border', 'panel'], ['c-grid', 'panel']]) {
    expect(contrast(colour(themes.projector, fg), colour(themes.projector, bg))).toBeGreaterThan(contrast(colour(themes.light, fg), colour(themes.light, bg)));
  }
});

// The presentation's own palette (app/presentation/presentation.css, the projector's in projector.css) over the page's.
describe('the presentation’s palettes', () => {
  const css = readFileSync('app/presentation/presentation.css', 'utf8') + readFileSync('app/presentation/projector.css', 'utf8');
  const deck = themeVariables(css, '.deck', ":root[data-theme='projector'] .deck");
  for (const name of ['light', 'dark', 'projector'] as const) {
    test(`${name}: every text colour reaches WCAG AA 4.5:1 and the focus ring 3:1`, () => {
      const t = { ...themes[name], ...deck[name] };
      const low = TEXT.filter(([fg, bg]) => contrast(colour(t, fg), colour(t, bg)) < 4.5).map(([fg, bg]) => `${fg} on ${bg}`);
      const faint = GRAPHICS.filter(([fg, bg]) => contrast(colour(t, fg), colour(t, bg)) < 3).map(([fg, bg]) => `${fg} on ${bg}`);
      expect([...low, ...faint]).toEqual([]);
    });
  }
});
