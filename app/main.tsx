import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './shell/App';
import { pinSection, scrollToSection } from './shell/scrollSpy';
import { watchTheme } from './shell/theme';
import { keepStaticBodies } from './ui/staticBody';
import { startLiveQueue } from './shell/liveQueue';
import { drawBlocksWhenIdle } from './shell/drawBlocks';
import { holdHeightsInGestures } from './shell/holdHeights';
import { adoptTypeset } from './ui/typeset';
import { SECTION_IDS } from './outline';
import { appStore } from './state/store';
import { normalizeUrlValues } from './state/url/normalize';
import { noticeStore } from './state/url/notices';
import { startUrlSync } from './state/url/sync';
import { afterFrame } from './ui/afterFrame';

// The address is read into the store before the first render, so the page opens on the link's numbers.
const urlSync = startUrlSync({
  store: appStore,
  sectionIds: () => SECTION_IDS,
  normalize: normalizeUrlValues,
  onRead: ({ reason, previous, notices }) => {
    if (notices.length > 0) noticeStore.getState().show(notices);
    const now = appStore.getState();
    // A table-of-contents click already scrolls (the browser does); back/forward must scroll here.
    if (reason === 'hashchange') pinSection(now.section);
    else if (reason === 'popstate' && !now.presenting && !previous.presenting && now.section !== previous.section) {
      scrollToSection(now.section);
    }
  },
});

// A copy of the projected deck in the presenter's window follows the deck, and writes no address (no history entries in the presenter's window).
if (appStore.getState().mirror !== 'off') urlSync.stop();

// The link's theme (theme=projector) is on the page before it is drawn.
watchTheme(appStore);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The built page holds the notebook pre-rendered (app/prerender/): the sections' bodies are kept to show until
// each goes live, and the first render replaces the rest in the same task, so no frame shows the page half drawn.
function render(into: HTMLElement): void {
  // A link with settings (index.html) gets no pre-rendered bodies: they hold the default batch's numbers. Every section is live
  // at once, its equations that the page came with taken into the typeset cache now; otherwise each section's as it goes live.
  if (document.documentElement.classList.contains('link-settings')) adoptTypeset(into);
  else keepStaticBodies(into);
  const reactRoot = createRoot(into);
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
  // The page is React's now (the end-to-end tests wait for this).
  into.setAttribute('data-taken-over', '');
  // From now on a table-of-contents click scrolls smoothly (styles.css: not the link's own jump as the page loaded).
  document.documentElement.classList.add('scroll-smooth');
  // The sections still pre-rendered go live one at a time while the page is idle (or when they near the screen).
  startLiveQueue();
  // Then each block of the live sections not drawn yet is drawn once, in idle time (its size and measurements known).
  drawBlocksWhenIdle();
  // A drag moves nothing in its section up or down until it ends.
  holdHeightsInGestures();
}
// A pre-rendered page is painted first, as it came (readable at once), and then taken over; an empty one (`npm start`) is drawn at once.
const takeOver = (into: HTMLElement) => {
  if (into.firstElementChild) afterFrame(() => render(into));
  else render(into);
};
// The built page loads this code after its first paint (scripts/afterFirstPaint.ts), so it may run while the rest of the
// page's HTML is still arriving: the page is taken over once all of it is there.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => takeOver(root), { once: true });
else takeOver(root);

// Offline: the built site's service worker, registered after the page has loaded from a lazily imported module,
// off the first render's path. Never in `npm start` (no caching worker in development) nor in the presenter's copies.
if (import.meta.env.PROD && 'serviceWorker' in navigator && appStore.getState().mirror === 'off') {
  const register = () => void import('./pwa/register').then((m) => m.registerOffline());
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
