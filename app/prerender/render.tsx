import { prerender } from 'react-dom/static';
import { pictureReadyRun } from '../lab/picture';
import { App } from '../shell/App';
import { appStore } from '../state/store';
import { loadKatex } from '../ui/typeset';

/**
 * The notebook at its default settings as static HTML, for dist/index.html (scripts/prerender.ts, at build
 * time, in Node): every section's prose and numbers with its equations already typeset by KaTeX, so the page
 * is readable before any script runs and with scripts disabled. Waits for every lazily loaded section. The lab is
 * pictured as its default run is once ready (lab/picture.ts).
 */
export async function renderNotebook(): Promise<string> {
  await loadKatex();
  pictureReadyRun(appStore.getState());
  const { prelude } = await prerender(<App />, { progressiveChunkSize: Number.MAX_SAFE_INTEGER, onError: (e) => console.error("prerender:", e) });
  return new Response(prelude).text();
}
