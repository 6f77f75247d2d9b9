import { useMemo } from 'react';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { Slider } from '../../ui/Slider';
import { fmt } from '../../ui/format';
import { runningSeries, truth, updateTex } from './trainEvalView';
import { sliderProps } from '../../state/props';
import { BN_PROPS } from '../../state/slices/bn';
import { useAppState } from '../../state/store';
import type { RunningStatsTrace } from '../../../src/runningStats';
import { RunningStatsChart } from '../shared/lazyCharts';
import { BatchNoise } from './BatchNoise';
import { SampleModes } from './SampleModes';
import { TRACE_BATCHES, useRunningTrace } from './useRunningTrace';
import '../shared/network.css';

/** The running mean and variance's updates, α the momentum. */
export const RUNNING_TEX = String.raw`\begin{aligned} \mu_{\text{run}} &\leftarrow (1-\alpha)\,\mu_{\text{run}} + \alpha\,\mu_B \\ \sigma^2_{\text{run}} &\leftarrow (1-\alpha)\,\sigma^2_{\text{run}} + \alpha\,\tfrac{m}{m-1}\,\sigma^2_B \end{aligned}`;
/** Eval mode: the running statistics in place of the batch's. */
export const EVAL_TEX = String.raw`y = \gamma\,\frac{z - \mu_{\text{run}}}{\sqrt{\sigma^2_{\text{run}} + \varepsilon}} + \beta`;

/** The momentum and batch-size sliders, and the running mean and variance over the training batches with their last update. */
export function RunningStats({ trace }: { trace: RunningStatsTrace }) {
  const momentum = useAppState((s) => s.momentum);
  const m = useAppState((s) => s.m);
  const shift = useAppState((s) => s.shift);
  const scale = useAppState((s) => s.scale);
  const setBn = useAppState((s) => s.setBn);
  const setBatch = useAppState((s) => s.setBatch);
  const upd = useMemo(() => updateTex(trace, momentum, m), [trace, momentum, m]);
  const means = useMemo(() => runningSeries(trace, 'mean'), [trace]);
  const variances = useMemo(() => runningSeries(trace, 'variance'), [trace]);
  const real = truth(shift, scale);
  return (
    <>
      <div className="controls">
        <Slider {...sliderProps(BN_PROPS.momentum)} value={momentum} onChange={(v) => setBn({ momentum: v })} format={(v) => fmt(v, 2)} />
        <Slider label="Batch size m (the batch of sections 2–9)" value={m} min={2} max={64} step={1} onChange={(v) => setBatch({ m: v })} />
      </div>
      <div className="chart-pair">
        <div>
          <RunningStatsChart what="mean" data={means} truth={real.mean} batchName="the batch mean" />
          <ScrollEquation tex={upd.mean} label="The last update of the running mean" />
        </div>
        <div>
          <RunningStatsChart what="variance" data={variances} truth={real.variance} batchName="the batch variance σ² (biased)" />
          <ScrollEquation tex={upd.variance} label="The last update of the running variance" />
        </div>
      </div>
    </>
  );
}

/** Section 15: running statistics, eval mode, and what a batch of one does. */
export function TrainVsEval() {
  const m = useAppState((s) => s.m);
  const shift = useAppState((s) => s.shift);
  const scale = useAppState((s) => s.scale);
  const trace = useRunningTrace();
  const real = truth(shift, scale);
  return (
    <>
      <p>
        The notes stop at training. At inference there may be no batch at all (one photo at a time), and a prediction must
        not change with whatever else happens to be in the batch. So during training each BN layer also keeps a running
        average of the batch statistics, and at inference (eval mode) it normalizes with those instead.
      </p>
      <ScrollEquation tex={RUNNING_TEX} label="Running mean and variance updates, alpha is the momentum" />
      <p>
        Here α is the momentum (PyTorch&apos;s default 0.1). They start at 0 and 1, as in PyTorch; the running variance is kept
        unbiased (×m/(m−1)), while the batch variance that normalizes the batch in train mode stays biased (÷m). Below, the neuron of section 2 (true
        mean {fmt(real.mean, 3)}, true variance {fmt(real.variance, 3)}) sees {TRACE_BATCHES} training batches of m = {m}.
      </p>
      <p className="bn-hint" data-testid="momentum-conventions">
        Read α the PyTorch way: it weights the <em>new</em> batch. Ng&apos;s course writes the same average with β = 0.9 weighting
        the <em>old</em> value, and Keras&apos;s momentum = 0.99 is also the weight of the old value: Keras 0.99 is PyTorch 0.01,
        and Ng&apos;s 0.9 is PyTorch&apos;s 0.1. PyTorch&apos;s momentum=None keeps a cumulative average (every batch weighted
        equally) instead.
      </p>
      <RunningStats trace={trace} />
      <p>
        A small momentum averages over many batches (smooth, but slow to forget the start); momentum 1 keeps only the last
        batch. Eval mode then uses the end of these lines:
      </p>
      <ScrollEquation tex={EVAL_TEX} />
      <SampleModes trace={trace} />
      <BatchNoise trace={trace} />
    </>
  );
}
