/// <reference types="vite-plugin-pwa/client" />
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { stopLiveQueue } from '../shell/liveQueue';
import { scheduleDataAhead } from './offlineData';
import { UpdateBanner } from './UpdateBanner';

/**
 * Registers the build's service worker (vite-plugin-pwa's Workbox worker, ./sw.js, scope ./) and offers a
 * new deployment without ever switching to it by itself: when a new worker is installed and waiting, a
 * banner says so; only its Reload activates the new worker, and only the page that asked reloads (another
 * tab of the notebook keeps its page and its banner). Loaded after the page's load event by app/main.tsx.
 * Once the worker is active, the Fashion-MNIST subset is fetched ahead when the page is idle (offlineData.ts).
 * `reload` is the page's reload (tests pass their own).
 */
export function registerOffline(reload: () => void = () => window.location.reload()): void {
  let root: Root | null = null;
  let asked = false;
  // A page that already had a worker and got another: a new version activated, by this page's Reload or
  // another tab's. (The first visit's page getting its first worker is not a new version.)
  const sw = navigator.serviceWorker;
  let replaced = false;
  let before = sw.controller;
  const mount = (): Root => {
    if (root) return root;
    const host = document.createElement('div');
    host.className = 'update-banner-host';
    document.body.append(host);
    return (root = createRoot(host));
  };
  const hide = () => root?.render(null);
  const offer = () =>
    mount().render(
      createElement(UpdateBanner, {
        onReload: () => {
          asked = true;
          stopLiveQueue();
          // Another tab's Reload activated the new version already: nothing waits any more, just reload.
          if (replaced) reload();
          else void update();
        },
        onDismiss: hide,
      }),
    );
  // Another tab activated a new version: this page's code is the old one (its sections not yet opened may
  // no longer be served), so the banner offers the reload here too.
  sw.addEventListener('controllerchange', () => {
    if (before !== null && !asked) {
      replaced = true;
      offer();
    }
    before = sw.controller;
  });
  const update = registerSW({
    onNeedRefresh: offer,
    // The new worker took control: reload if this page asked for it, else keep the page under the lesson.
    onNeedReload: () => {
      if (asked) reload();
    },
    // A browser that refuses workers (private mode, a blocked origin) still has the whole notebook, online.
    onRegisterError: () => {},
  });
  scheduleDataAhead();
}
