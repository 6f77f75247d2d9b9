/**
 * Colour arithmetic for the theme tests: WCAG 2 contrast, colour-vision-deficiency simulation
 * (Machado, Oliveira & Fernandes 2009, severity 1.0, in linear RGB) and CIE76 ΔE in CIELAB (D65).
 * Plus a small reader of the CSS custom properties that app/styles.css sets on :root.
 */
export type Rgb = readonly [number, number, number];

/** '#rgb' or '#rrggbb' → [r, g, b] in 0…255. */
export function hex(value: string): Rgb {
  const h = value.trim().replace(/^#/, '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex colour: ${value}`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
}

const toLinear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const toSrgb = (l: number) => {
  const c = Math.min(1, Math.max(0, l));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
};

/** WCAG 2.x relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}

/** WCAG 2.x contrast ratio, 1…21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Machado et al. (2009), Table for severity 1.0, applied to linear RGB. */
const CVD = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
} as const;
export type Deficiency = keyof typeof CVD;
export const DEFICIENCIES = Object.keys(CVD) as Deficiency[];

/** How a colour looks with a full dichromacy (simulated). */
export function simulate(rgb: Rgb, kind: Deficiency): Rgb {
  const m = CVD[kind];
  const [r, g, b] = rgb.map(toLinear);
  return [0, 1, 2].map((i) => toSrgb(m[3 * i] * r + m[3 * i + 1] * g + m[3 * i + 2] * b)) as unknown as Rgb;
}

/** sRGB → CIELAB (D65 white). */
export function lab(rgb: Rgb): [number, number, number] {
  const [r, g, b] = rgb.map(toLinear);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference (≈ 2.3 is just noticeable; the charts want a difference at a glance). */
export function deltaE(a: Rgb, b: Rgb): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

export interface Themes {
  light: Record<string, string>;
  dark: Record<string, string>;
  projector: Record<string, string>;
}

/** `light-dark(a, b)` → [a, b]; any other value is the same in both schemes. */
function schemes(value: string): [string, string] {
  const m = /^light-dark\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*\)$/.exec(value);
  return m ? [m[1], m[2]] : [value, value];
}

/**
 * The custom properties of the top-level rules whose selector is `base` (each light-dark(a, b) read as a in
 * the light theme, b in the dark one) and `projector` (the projector theme: the light values it sets over),
 * later rules overriding earlier ones (as the cascade does). @media and other at-rule blocks are ignored.
 */
export function themeVariables(css: string, base = ':root', projector = ":root[data-theme='projector']"): Themes {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  const pro: Record<string, string> = {};
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let i = 0;
  for (let open = text.indexOf('{', i); open >= 0; open = text.indexOf('{', i)) {
    const selector = text.slice(i, open).trim().replace(/"/g, "'");
    const end = matchingBrace(text, open);
    const decls = selector.startsWith('@') ? {} : declarations(text.slice(open + 1, end));
    if (selector === base) {
      for (const [name, value] of Object.entries(decls)) [light[name], dark[name]] = schemes(value);
    } else if (selector === projector) Object.assign(pro, decls);
    i = end + 1;
  }
  return { light, dark, projector: { ...light, ...pro } };
}

function declarations(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);?/g)) out[m[1]] = m[2].trim();
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  throw new Error('unbalanced braces in the stylesheet');
}
