/// <reference types="vite-plugin-pwa/client" />
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { UpdateBanner } from './UpdateBanner';

/**
 * Registers the build's service worker (vite-plugin-pwa's Workbox worker, ./sw.js, scope ./) and offers a
 * new deployment without ever switching to it by itself: when a new worker is installed and waiting, a
 * banner says so; only its Reload activates the new worker, and only the page that asked reloads (another
 * tab of the notebook keeps its page and its banner). Loaded after the page's load event by app/main.tsx.
 */
export function registerOffline(): void {
  let root: Root | null = null;
  let asked = false;
  const mount = (): Root => {
    if (root) return root;
    const host = document.createElement('div');
    host.className = 'update-banner-host';
    document.body.append(host);
    return (root = createRoot(host));
  };
  const hide = () => root?.render(null);
  const update = registerSW({
    onNeedRefresh: () => {
      mount().render(
        createElement(UpdateBanner, {
          onReload: () => {
            asked = true;
            void update();
          },
          onDismiss: hide,
        }),
      );
    },
    // The new worker took control: reload if this page asked for it, else keep the page under the lesson.
    onNeedReload: () => {
      if (asked) window.location.reload();
    },
    // A browser that refuses workers (private mode, a blocked origin) still has the whole notebook, online.
    onRegisterError: () => {},
  });
}
