import { act, configure, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, expect, test } from 'vitest';
import { WhyNormalize } from '../../../../app/notebook/why/WhyNormalize';
import { COVARIATE_SEEDS, COVARIATE_STEPS, driftSentences, medianDrift, seedsSentence } from '../../../../app/notebook/why/covariateShift';
import { covariateShiftTask } from '../../../../app/notebook/why/covariateTask';
import { DRIFTED } from '../../../../app/lab/model/captions';
import { appStore } from '../../../../app/state/store';
import { defaultValues } from '../../../../app/state/url/table';

configure({ defaultHidden: true });
beforeEach(() => appStore.setState(defaultValues()));

const finished = (depth: number) => {
  const task = covariateShiftTask(depth);
  while (!task.step());
  return task.view();
};

test('section 1 trains both networks to step 600, then 4 more seeds; its words are the engine’s drift and the seeds’ accuracy ranges', async () => {
  render(<WhyNormalize />);
  const progress = screen.getByTestId('shift-progress');
  await waitFor(() => expect(progress.textContent).toBe(`Trained ${COVARIATE_STEPS} steps, ${COVARIATE_SEEDS.length} seeds.`), { timeout: 30_000, interval: 200 });
  const v = finished(3);
  expect(screen.getByTestId('shift-summary')).toHaveTextContent(driftSentences(v.rows) ?? 'missing');
  expect(screen.getByTestId('shift-seeds')).toHaveTextContent(seedsSentence(v));
  expect(v.seedAccuracy.bn).toHaveLength(5);
  expect(await screen.findAllByRole('figure')).toHaveLength(2);
}, 60_000);

test('the words follow the run: the input to BN is reported beside the BN output, and the accuracy verdict follows the ranges', () => {
  const v = finished(3);
  const words = driftSentences(v.rows) ?? '';
  expect(words).toMatch(/Without BN the median moved from/);
  expect(words).toMatch(/re-standardised on every batch to batch mean β, which is learned; its median moved/);
  expect(words).toMatch(/The input to BN itself (kept moving|moved a little|moved little against its band)/);
  expect(words).not.toMatch(/stays put|spread set by γ/);
  const seeds = seedsSentence(v);
  const min = (a: readonly number[]) => Math.min(...a), max = (a: readonly number[]) => Math.max(...a);
  if (min(v.seedAccuracy.bn) > max(v.seedAccuracy.plain)) expect(seeds).toMatch(/every seed ends above/);
  else if (min(v.seedAccuracy.plain) > max(v.seedAccuracy.bn)) expect(seeds).toMatch(/every seed ends higher without BN/);
  else expect(seeds).toMatch(/ranges overlap/);
  // A made-up run where no-BN wins is never described as a BN win.
  const flipped = { ...v, seedAccuracy: { plain: [0.9, 0.91, 0.92, 0.93, 0.94], bn: [0.5, 0.6, 0.61, 0.62, 0.7] } };
  expect(seedsSentence(flipped)).toMatch(/every seed ends higher without BN/);
});

test('depth is a control (1–8, in the URL as why-depth): the charted layer is the last of that many', async () => {
  render(<WhyNormalize />);
  act(() => appStore.getState().setBn({ whyDepth: 6 }));
  expect(screen.getByRole('slider', { name: 'Hidden layers' })).toHaveValue('6');
  expect(finished(6).layer).toBe(6);
  expect(finished(1).layer).toBe(1);
});

test('the caveat’s depth-1 claim holds: neither median drifts (under 1 band width, the lab’s “drifted”), yet every BN seed ends above every seed without', () => {
  const v = finished(1);
  for (const series of ['plain', 'bn'] as const) expect(medianDrift(v.rows, series)?.bands).toBeLessThan(DRIFTED);
  expect(Math.min(...v.seedAccuracy.bn)).toBeGreaterThan(Math.max(...v.seedAccuracy.plain));
  expect(seedsSentence(v)).toMatch(/With BN every seed ends above every seed without it\./);
}, 60_000);
