import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { expect, test } from 'vitest';
import { MountLater } from '../../../app/lab/MountLater';
import { pictureReadyRun } from '../../../app/lab/picture';
import { INITIAL_RUN, runStore, useRun } from '../../../app/lab/runStore';
import { appStore } from '../../../app/state/store';

// In Node, as in the build's pre-render (app/prerender/render.tsx): no window.

test('the lab’s picture: its default run, ready and paused at step 0, with its points and both step-0 boundaries, computed by the Worker’s code', () => {
  runStore.setState(INITIAL_RUN, true);
  pictureReadyRun(appStore.getState());
  const s = runStore.getState();
  expect(s.phase).toBe('ready');
  expect(s.playing).toBe(false);
  expect(s.step).toBe(0);
  expect(s.info?.hidden.length).toBeGreaterThan(0);
  expect(s.info?.points?.train.labels.length).toBe(s.info?.trainRows);
  expect(s.boundary?.step).toBe(0);
  expect(s.boundary?.images.plain?.classes.length).toBe(s.boundary!.resolution ** 2);
  expect(s.boundary?.images.bn).not.toBeNull();
  runStore.setState(INITIAL_RUN, true);
});

test('rendered on a server, the lab shows the run its store holds (not the store’s initial state), and MountLater’s children at once', () => {
  const Phase = () => createElement('p', null, `phase ${useRun((s) => s.phase)}`);
  runStore.setState({ phase: 'ready' });
  expect(renderToString(createElement(MountLater, null, createElement(Phase)))).toBe('<p>phase ready</p>');
  runStore.setState(INITIAL_RUN, true);
});
