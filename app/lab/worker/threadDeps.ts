import { loadFashionCached } from '../loadFashion';

/** What a session reads from the thread it runs on (a Worker, or the page in jsdom tests): the Fashion-MNIST subset, cached, and the clock. */
export const threadDeps = {
  loadFashion: (url: string) => loadFashionCached({ url }),
  now: () => performance.now(),
};
