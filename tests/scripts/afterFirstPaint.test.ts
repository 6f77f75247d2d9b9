import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { deferScripts } from '../../scripts/afterFirstPaint';

const BUILT = `<html><head><script>document.documentElement.classList.add('js');</script>
<script type="module" crossorigin src="./assets/index-a.js"></script>
<link rel="modulepreload" crossorigin href="./assets/jsx-b.js">
<link rel="modulepreload" crossorigin href="./assets/store-c.js">
<link rel="stylesheet" crossorigin href="./assets/style-d.css">
</head><body><div id="root"><p>pre-rendered</p></div></body></html>`;

/** Runs the loader against a stand-in document; returns what it appended to the head, and the frame and visibility hooks. */
function run(html: string, visibility: 'visible' | 'hidden') {
  const script = /<script>(\(function \(entry[\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!script) throw new Error('no loader in the page');
  const added: Record<string, string>[] = [];
  const frames: (() => void)[] = [];
  const listeners: (() => void)[] = [];
  const document = {
    visibilityState: visibility,
    createElement: (tag: string) => ({ tag }) as Record<string, string>,
    head: { append: (el: Record<string, string>) => added.push({ ...el }) },
    addEventListener: (_: string, f: () => void) => listeners.push(f),
  };
  runInNewContext(script, { document, requestAnimationFrame: (f: () => void) => frames.push(f) });
  return { added, frames, listeners };
}

describe('deferScripts: the built page fetches its code after its first paint', () => {
  test('the module script and modulepreload links leave the markup; the stylesheet stays', () => {
    const out = deferScripts(BUILT);
    expect(out).not.toMatch(/<script type="module"|rel="modulepreload"/);
    expect(out).toContain('<link rel="stylesheet" crossorigin href="./assets/style-d.css">');
    expect(out).toContain('<div id="root"><p>pre-rendered</p></div>');
  });

  test('in a visible tab nothing is fetched until the frame after the first; then the preloads and the entry, each once', () => {
    const { added, frames, listeners } = run(deferScripts(BUILT), 'visible');
    expect(added).toEqual([]);
    frames.shift()?.();
    expect(added).toEqual([]); // the first frame is being drawn: still nothing
    frames.shift()?.();
    listeners.forEach((f) => f()); // a later visibility change adds nothing more
    expect(added).toEqual([
      { tag: 'link', rel: 'modulepreload', href: './assets/jsx-b.js', crossOrigin: '' },
      { tag: 'link', rel: 'modulepreload', href: './assets/store-c.js', crossOrigin: '' },
      { tag: 'script', type: 'module', src: './assets/index-a.js', crossOrigin: '' },
    ]);
  });

  test('in a hidden tab (no frame will come) the code is fetched at once', () => {
    const { added, frames } = run(deferScripts(BUILT), 'hidden');
    expect(frames).toEqual([]);
    expect(added.map((a) => a.tag)).toEqual(['link', 'link', 'script']);
  });

  test('a page without a module script is an error in words', () => {
    expect(() => deferScripts('<html><head></head></html>')).toThrow(/no module script/);
  });
});
