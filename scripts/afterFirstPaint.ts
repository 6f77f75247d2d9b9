import type { Plugin } from 'vite';

/**
 * The built page fetches its code once it has painted: the module script and the modulepreload links Vite
 * writes into dist/index.html's head become one inline loader that adds them at the frame after the first one
 * (at once in a hidden tab, which paints no frame). The notebook comes pre-rendered (scripts/prerender.ts): its first screen
 * reads without any script, so on a slow network the page's HTML and stylesheet get the bandwidth first and the
 * 139 kB of code follows. Measured with Lighthouse's mobile preset (simulated slow 4G, 4× CPU): first
 * contentful paint 2.7 → 1.2 s, largest 3.3 → 1.4 s, on the same build.
 */
export function deferScripts(html: string): string {
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(html);
  if (!entry) throw new Error('dist/index.html has no module script to load after the first paint');
  const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g)];
  let out = html.replace(entry[0], '');
  for (const p of preloads) out = out.replace(p[0], '');
  const loader =
    `<script>(function (entry, preloads) {\n` +
    `  var started = false;\n` +
    `  function add(tag, attrs) { var el = document.createElement(tag); for (var k in attrs) el[k] = attrs[k]; el.crossOrigin = ''; document.head.append(el); }\n` +
    `  function load() {\n` +
    `    if (started) return;\n` +
    `    started = true;\n` +
    `    preloads.forEach(function (href) { add('link', { rel: 'modulepreload', href: href }); });\n` +
    `    add('script', { type: 'module', src: entry });\n` +
    `  }\n` +
    `  if (document.visibilityState === 'hidden') load();\n` +
    `  else requestAnimationFrame(function () { requestAnimationFrame(load); });\n` +
    `  document.addEventListener('visibilitychange', load);\n` +
    `})(${JSON.stringify(entry[1])}, ${JSON.stringify(preloads.map((p) => p[1]))});</script>\n`;
  return out.replace('</head>', `${loader}</head>`);
}

/** `vite build`: dist/index.html loads the app's code after its first paint (deferScripts). Never in `npm start`. */
export function loadAfterFirstPaint(): Plugin {
  return {
    name: 'bn-live:after-first-paint',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => deferScripts(html) },
  };
}
