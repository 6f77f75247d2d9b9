import { beforeAll } from 'vitest';
import { appStore } from '../../../app/state/store';
import { noticeStore } from '../../../app/state/url/notices';

/**
 * The 'app' project's files share one jsdom and one module graph (vite.config.ts, isolate: false):
 * each file starts as it would in a fresh one — the stores at their initial state, the address at the
 * root with one history entry's worth of state, an empty body with nothing focused.
 */
beforeAll(() => {
  appStore.setState(appStore.getInitialState(), true);
  noticeStore.getState().dismiss();
  window.history.replaceState(null, '', '/');
  (document.activeElement as HTMLElement | null)?.blur?.();
  document.body.innerHTML = '';
});
