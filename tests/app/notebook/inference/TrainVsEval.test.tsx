import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { batchMateSpread, firstSampleOutput, runningStatsTrace, sampleMiniBatch } from '../../../../src';
import { NOISE_DRAWS } from '../../../../app/notebook/inference/BatchNoise';
import { TrainVsEval } from '../../../../app/notebook/inference/TrainVsEval';
import { TRACE_BATCHES } from '../../../../app/notebook/inference/useRunningTrace';
import { appStore, createAppStore } from '../../../../app/state/store';
import { fmt, tex } from '../../../../app/ui/format';

// Role queries skip jsdom's slow visibility check (computed styles); the e2e test checks the real accessibility tree.
configure({ defaultHidden: true });
// A whole section renders dozens of KaTeX equations into jsdom: about a second alone, more on a loaded machine.
vi.setConfig({ testTimeout: 15_000 });
beforeEach(() => appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function'))));

/** The engine's view of the store's current settings. */
function engine() {
  const s = appStore.getState();
  const trace = runningStatsTrace({ seed: s.seed, m: s.m, shift: s.shift, scale: s.scale, momentum: s.momentum, eps: s.eps, gamma: s.gamma, beta: s.beta, batches: TRACE_BATCHES });
  const z = sampleMiniBatch(s.seed, s.m, s.shift, s.scale);
  return { trace, z };
}
const cells = () => within(screen.getByRole('table', { name: /Sample 1's output/ })).getAllByRole('cell').map((c) => c.textContent);

describe('section 15, train vs eval', () => {
  test('train mode: sample 1’s output in its batch (m = 8) is the engine’s; alone it is refused with the engine’s own message', () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    render(<TrainVsEval />);
    const { trace, z } = engine();
    const own = firstSampleOutput(trace.bn, z, 'train');
    expect(own.ok && cells()[0]).toBe(own.ok && fmt(own.y, 6));
    expect(cells()[2]).toBe('refused (see below)');
    expect(screen.getByTestId('m1-error')).toHaveTextContent('Expected more than 1 value per channel when training, got input size [1, 1]');
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  test('switching to eval mode (radio) stores mode = eval and shows one number three times, the engine’s eval output', () => {
    render(<TrainVsEval />);
    fireEvent.click(screen.getByRole('radio', { name: 'Eval mode' }));
    expect(appStore.getState().mode).toBe('eval');
    const { trace, z } = engine();
    const out = firstSampleOutput(trace.bn, [z[0]], 'eval');
    expect(out.ok).toBe(true);
    if (out.ok) expect(cells()).toEqual([fmt(out.y, 6), fmt(out.y, 6), fmt(out.y, 6)]);
    expect(screen.queryByTestId('m1-error')).toBeNull();
  });

  test('the momentum slider (store) changes the running statistics: the caption and last update show the engine’s values after 50 batches', async () => {
    render(<TrainVsEval />);
    await screen.findAllByRole('figure', {}, { timeout: 10_000 }); // the charts load on first use (Recharts: seconds on a loaded machine)
    fireEvent.change(screen.getByRole('slider', { name: 'Momentum' }), { target: { value: '0.5' } });
    expect(appStore.getState().momentum).toBe(0.5);
    const { trace } = engine();
    expect(screen.getByRole('figure', { name: `Running mean over ${TRACE_BATCHES} training batches` })).toHaveTextContent(`ending at ${fmt(trace.runningMean[TRACE_BATCHES - 1], 4)}`);
    expect(screen.getByLabelText('The last update of the running variance').textContent).toContain(tex(trace.runningVar[TRACE_BATCHES - 1], 4).replace('-', '−'));
  });

  test('the batch-size slider is the shared m: m = 20 reaches the store and the sample table', () => {
    render(<TrainVsEval />);
    act(() => appStore.getState().setBatch({ m: 20 }));
    expect(screen.getByRole('row', { name: /in its own batch \(m = 20\)/ })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /with 19 other samples/ })).toBeInTheDocument();
  });
});

test('σ² = 0 and ε = 0 (scale 0): the outputs are explained as 0/0 in words, never printed as NaN or “undefined”', () => {
  act(() => appStore.getState().setBatch({ scale: 0 }));
  act(() => appStore.getState().setBn({ eps: 0 }));
  const { container } = render(<TrainVsEval />);
  expect(cells()[0]).toBe('no value (0/0: σ² = 0 and ε = 0)');
  expect(screen.getByTestId('zero-over-zero')).toHaveTextContent('0/0 has no value');
  expect(container.textContent).not.toMatch(/NaN|undefined/);
});

describe('section 15: BN’s noise and the frameworks’ conventions', () => {
  test('the batch-noise sentence is the engine’s spread of sample 1 over 200 draws of batch-mates, and shrinks when m grows', () => {
    render(<TrainVsEval />);
    const check = () => {
      const { trace, z } = engine();
      const s = appStore.getState();
      const o = { seed: s.seed, m: s.m, shift: s.shift, scale: s.scale, draws: NOISE_DRAWS };
      const train = batchMateSpread(trace.bn, z[0], { ...o, mode: 'train' });
      const evalMode = batchMateSpread(trace.bn, z[0], { ...o, mode: 'eval' });
      const p = screen.getByTestId('batch-noise');
      expect(p).toHaveTextContent(/^The notes say BN helps a network “generalize” \(section 14 questions their reason\)\. One mechanism that can help, measured here: in train mode/);
      expect(p).toHaveTextContent(`between ${fmt(train.min, 3)} and ${fmt(train.max, 3)} in train mode (standard deviation ${fmt(train.std, 3)})`);
      expect(p).toHaveTextContent(`in eval mode it is ${fmt(evalMode.mean, 3)} every time (standard deviation 0)`);
      return train.std;
    };
    const small = check();
    act(() => appStore.getState().setBatch({ m: 64 }));
    expect(check()).toBeLessThan(small);
  });

  test('the momentum conventions: PyTorch weights the new batch; Ng’s 0.9 and Keras’s 0.99 weight the old value', () => {
    render(<TrainVsEval />);
    const p = screen.getByTestId('momentum-conventions');
    expect(p).toHaveTextContent('Keras 0.99 is PyTorch 0.01');
    expect(p).toHaveTextContent('momentum=None keeps a cumulative average');
  });
});
