import { prerender } from 'react-dom/static';
import { App } from '../shell/App';
import { loadKatex } from '../ui/typeset';

/**
 * The notebook at its default settings as static HTML, for dist/index.html (scripts/prerender.ts, at build
 * time, in Node): every section's prose and numbers with its equations already typeset by KaTeX, so the page
 * is readable before any script runs and with scripts disabled. Waits for every lazily loaded section.
 */
export async function renderNotebook(): Promise<string> {
  await loadKatex();
  const { prelude } = await prerender(<App />, { progressiveChunkSize: Number.MAX_SAFE_INTEGER, onError: (e) => console.error("prerender:", e) });
  return new Response(prelude).text();
}
