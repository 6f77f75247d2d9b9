import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { notesForward, notesNetworkAfter, notesWeightScaling, outputMean, runningStatsTrace, sampleMiniBatch, scaleInvarianceGap } from '../../../../src';
import { WhyItWorks } from '../../../../app/notebook/why-it-works/WhyItWorks';
import { CAT_SHIFT } from '../../../../app/notebook/why-it-works/CatsCallout';
import { TRACE_BATCHES } from '../../../../app/notebook/inference/useRunningTrace';
import { landscapeTask } from '../../../../app/notebook/why-it-works/landscapeView';
import { appStore, createAppStore } from '../../../../app/state/store';
import { fmt } from '../../../../app/ui/format';

configure({ defaultHidden: true });
// A whole section renders dozens of KaTeX equations into jsdom: about a second alone, more on a loaded machine.
vi.setConfig({ testTimeout: 15_000 });
beforeEach(() => appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function'))));

const z1 = () => {
  const { net, batch } = notesNetworkAfter(0, 1e-5);
  return notesForward(net, batch).z1;
};

test('section 14: k = 0.01 on the log slider (store) breaks scale invariance by the engine’s gap; k = 10 shows ‖∂L/∂W₁‖ × 1/k', () => {
  render(<WhyItWorks />);
  const slider = screen.getByRole('slider', { name: 'Weight scale k' });
  fireEvent.change(slider, { target: { value: '-2' } });
  expect(appStore.getState().k).toBe(0.01);
  const gap = scaleInvarianceGap(z1(), 0.01, 1e-5);
  expect(screen.getByTestId('scale-gap')).toHaveTextContent(`= ${fmt(gap, 3)}, visibly different`);
  fireEvent.change(slider, { target: { value: '1' } });
  expect(appStore.getState().k).toBe(10);
  const w = notesWeightScaling(0, 1e-5, 10);
  expect(screen.getByTestId('scale-grad')).toHaveTextContent(`goes from ${fmt(w.gradNorm, 4)} to ${fmt(w.gradNormScaled, 4)}, a factor ${fmt(w.gradNormScaled / w.gradNorm, 4)}`);
  expect(screen.getByTestId('scale-gap')).toHaveTextContent('the tiny difference is ε');
});

test('section 14: the loss and gradient sentences follow the numbers — k = 0.01 changes the loss (ε/k²), k = 1 scales nothing, k = 10 gives 1/k', () => {
  render(<WhyItWorks />);
  const slider = screen.getByRole('slider', { name: 'Weight scale k' });
  const grad = () => screen.getByTestId('scale-grad');
  fireEvent.change(slider, { target: { value: '-2' } });
  const small = notesWeightScaling(0, 1e-5, 0.01);
  expect(Math.abs(small.lossScaled - small.loss)).toBeGreaterThan(1e-3);
  expect(grad()).toHaveTextContent(`The loss changes too`);
  expect(grad()).toHaveTextContent(`${fmt(small.loss, 6)} with W₁, ${fmt(small.lossScaled, 6)} with k·W₁`);
  expect(grad()).toHaveTextContent(/not 1\/k = 100/);
  expect(grad()).not.toHaveTextContent(/the loss does not change/);
  fireEvent.change(slider, { target: { value: '0' } });
  expect(appStore.getState().k).toBe(1);
  expect(grad()).toHaveTextContent(/At k = 1 nothing is scaled/);
  expect(grad()).not.toHaveTextContent(/≈ 1\/k/);
  expect(grad()).toHaveTextContent(/Like BN’s output, the loss does not change/);
  fireEvent.change(slider, { target: { value: '1' } });
  const ten = notesWeightScaling(0, 1e-5, 10);
  expect(grad()).toHaveTextContent(`The loss barely changes: ${fmt(ten.loss, 6)} with W₁, ${fmt(ten.lossScaled, 6)} with k·W₁`);
  expect(grad()).toHaveTextContent(/= 1\/k\./);
});

test('section 14: the cats callout’s evidence is the engine’s eval-mode mean of a batch shifted by +3', () => {
  render(<WhyItWorks />);
  const s = appStore.getState();
  const { bn } = runningStatsTrace({ seed: s.seed, m: s.m, shift: s.shift, scale: s.scale, momentum: s.momentum, eps: s.eps, gamma: s.gamma, beta: s.beta, batches: TRACE_BATCHES });
  const evalMean = outputMean(bn, sampleMiniBatch(s.seed + 31, s.m, s.shift + CAT_SHIFT, s.scale), 'eval');
  expect(screen.getByRole('complementary', { name: 'Correction to the notes: black and coloured cats' })).toHaveTextContent(`its output has mean ${fmt(evalMean, 3)}`);
});

test('section 14: the landscape run completes in slices and its medians are the engine’s (without BN rougher than with)', async () => {
  render(<WhyItWorks />);
  const progress = screen.getByTestId('landscape-progress');
  await waitFor(() => expect(progress.textContent).toBe('Measured up to step 400.'), { timeout: 15_000, interval: 200 });
  const task = landscapeTask();
  while (!task.step());
  const v = task.view();
  const rows = within(screen.getByTestId('landscape-summary')).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
  const want = (x: typeof v.summary.plain) => [fmt(x.lossRange ?? NaN, 3), fmt(x.gradChange ?? NaN, 3), fmt(x.beta ?? NaN, 3)];
  expect(rows).toEqual([want(v.summary.plain), want(v.summary.bn)]);
  expect(v.summary.plain.lossRange ?? 0).toBeGreaterThan(v.summary.bn.lossRange ?? Infinity);
  expect(screen.getByTestId('landscape-verdict')).toHaveTextContent(`varies ${fmt((v.summary.plain.lossRange ?? NaN) / (v.summary.bn.lossRange ?? NaN), 2)} times as much`);
}, 30_000);

test('section 14 with a zero-variance neuron and ε = 0 explains the 0/0 in words (no NaN, no “undefined”)', () => {
  appStore.getState().setBatch({ scale: 0 });
  appStore.getState().setBn({ eps: 0 });
  render(<WhyItWorks />);
  const callout = screen.getByRole('complementary', { name: 'Correction to the notes: black and coloured cats' });
  expect(callout).toHaveTextContent('σ² = 0 and ε = 0 make it 0/0');
  expect(screen.getByTestId('scale-gap').textContent).not.toMatch(/NaN|undefined/);
});

test('section 14 keeps the debate open: facts named as facts, smoothness as one account among several, the scale-invariance heading says train mode', () => {
  render(<WhyItWorks />);
  expect(screen.getByRole('heading', { name: /Scale invariance: the scale of the weights, in train mode/ })).toBeInTheDocument();
  expect(screen.queryByText(/colour intensity.{0,3} that does not matter/)).toBeNull();
  expect(screen.queryByText(/Part of that is right/)).toBeNull();
  const open = screen.getByTestId('why-open');
  for (const who of ['Bjorck', 'Kohler', 'Luo', 'Yang']) expect(open).toHaveTextContent(who);
  expect(screen.getByRole('heading', { name: 'The question is open' })).toBeInTheDocument();
  expect(screen.getByRole('complementary', { name: 'Correction to the notes: black and coloured cats' })).toHaveTextContent(/AdaBN/);
});
