import { type Plugin, createServer } from 'vite';
import { stillControls } from '../app/prerender/stillControls';
import { fluidPlots } from '../app/prerender/fluidPlots';

/** Where the built index.html receives the notebook. */
const ROOT = '<div id="root"></div>';

/**
 * The notebook's static HTML at its default settings (app/prerender/render.tsx, every section with its
 * equations typeset by KaTeX), rendered in Node through a Vite server in middleware mode (no port).
 */
export async function renderNotebookHtml(root: string): Promise<string> {
  const server = await createServer({ root, configFile: false, logLevel: 'warn', appType: 'custom', server: { middlewareMode: true, hmr: false, ws: false } });
  try {
    const entry = (await server.ssrLoadModule('/app/prerender/render.tsx')) as typeof import('../app/prerender/render');
    return await entry.renderNotebook();
  } finally {
    await server.close();
  }
}

/**
 * `vite build` writes the notebook pre-rendered into dist/index.html's #root, so the page is readable
 * before any script runs and with scripts disabled (index.html's <noscript> says the live panels need
 * JavaScript); app/main.tsx keeps each section's body until the section goes live (app/ui/staticBody.tsx).
 * Runs in every build (`npm run build`, `npm test`, the budgets), never in `npm start`.
 */
export function prerenderNotebook(): Plugin {
  let root = process.cwd();
  return {
    name: 'bn-live:prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(ROOT)) throw new Error(`index.html has no ${ROOT} to pre-render the notebook into`);
        // The form fields after the first section as still pictures (app/prerender/stillControls.ts: the browser's form scan
        // would lay out every skipped section field by field).
        // Its plots shrink to a narrow screen without scripts (app/prerender/fluidPlots.ts).
        const body = fluidPlots(stillControls(await renderNotebookHtml(root)));
        return html.replace(ROOT, `<div id="root">${body}</div>`);
      },
    },
  };
}
