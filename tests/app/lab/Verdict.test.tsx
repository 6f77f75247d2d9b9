import { act, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { Verdict } from '../../../app/lab/Verdict';
import { INITIAL_RUN, runStore } from '../../../app/lab/runStore';
import { createRunSeries } from '../../../app/lab/model/series';
import type { RunInfo } from '../../../app/lab/worker/messages';

afterEach(() => runStore.setState(INITIAL_RUN, true));

const UNTESTED = ['No verdict yet: the networks have not been tested.', 'Once they have, this says whether either network is ahead and, once one has learned, which first held a test accuracy near the best seen.'];
const lines = (box: HTMLElement) => [...box.querySelectorAll('p')].map((p) => p.textContent);

test('before a run is ready, the verdict’s box is there already, saying what an untested run’s verdict says in the same two lines (it came in only after Play and moved the charts below 112 px)', () => {
  runStore.setState(INITIAL_RUN, true);
  render(<Verdict />);
  const waiting = screen.getByTestId('lab-verdict-waiting');
  expect(lines(waiting)).toEqual(UNTESTED);
  expect(waiting.querySelector('.lab-verdict-head')).toHaveAttribute('aria-live', 'polite');
  // The run is ready, nothing tested yet: the verdict itself, with the same two lines.
  act(() => runStore.setState({ phase: 'ready', info: { testRows: 150, classes: 3, hidden: [8] } as unknown as RunInfo, series: createRunSeries(1) }));
  expect(screen.queryByTestId('lab-verdict-waiting')).toBeNull();
  expect(lines(screen.getByTestId('lab-verdict'))).toEqual(UNTESTED);
});
