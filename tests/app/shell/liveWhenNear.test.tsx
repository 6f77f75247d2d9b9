import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { LiveWhenNear } from '../../../app/shell/LiveWhenNear';
import { keepStaticBodies } from '../../../app/ui/staticBody';

/**
 * A pre-rendered section near the screen goes live once its code has arrived (`preload`): until then it shows
 * its pre-rendered body. Rendering it at once made its lazy code suspend, and React then held the section's
 * content back 300 ms after the fallback (issue 15).
 */
let near: IntersectionObserverCallback | undefined;
class Observer {
  constructor(cb: IntersectionObserverCallback) {
    near = cb;
  }
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}

beforeAll(() => {
  const page = document.createElement('div');
  page.innerHTML = '<section data-section="near-test"><h2>Title</h2><p>the pre-rendered body</p></section>';
  keepStaticBodies(page);
});
const originalObserver = globalThis.IntersectionObserver;
afterEach(() => {
  globalThis.IntersectionObserver = originalObserver;
  near = undefined;
});

test('near the screen, a section with code to fetch keeps its pre-rendered body until the code has arrived, then goes live', async () => {
  globalThis.IntersectionObserver = Observer as unknown as typeof IntersectionObserver;
  let arrive = () => {};
  const code = new Promise<void>((done) => (arrive = done));
  let asked = 0;
  const preload = () => {
    asked++;
    return code;
  };
  render(
    <div>
      <LiveWhenNear id="near-test" first={false} preload={preload}>
        <p>the live section</p>
      </LiveWhenNear>
    </div>,
  );
  expect(screen.getByText('the pre-rendered body')).toBeInTheDocument();
  await act(async () => near?.([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver));
  expect(asked).toBe(1);
  expect(screen.queryByText('the live section')).toBeNull();
  expect(screen.getByText('the pre-rendered body')).toBeInTheDocument();
  await act(async () => {
    arrive();
    await code;
  });
  expect(screen.getByText('the live section')).toBeInTheDocument();
  expect(screen.queryByText('the pre-rendered body')).toBeNull();
});
