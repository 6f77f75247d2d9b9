import { describe, expect, test } from 'vitest';
import {
  type ComparisonOptions,
  type NormKind,
  checkModelGradients,
  cnnBackward,
  cnnForwardLoss,
  cnnParams,
  createCnn,
  createCnnComparison,
  createCnnWorkspace,
  createComparison,
  backward,
  createModel,
  createRng,
  createWorkspace,
  forwardLoss,
  experimentData,
  matrix,
  params,
  stepCnnComparison,
  stepComparison,
} from '../../src';
import { numericGradient } from './finiteDifference';
import { normwiseError, randomTensor } from './images';

/** The model builder's normalization choice (MLP and CNN), the comparison of any two, and probeEvery. */
const x6 = (seed: number) => matrix(6, 3, randomTensor([6, 3, 1, 1], seed, { scale: 1.5 }).data);
const kinds = (m: ReturnType<typeof createModel>) => m.layers.map((l) => (l.kind === 'norm' ? l.norm : l.kind));

describe('MLP: norm none | bn | layer | group | rms at the bn placement', () => {
  test('today’s options build today’s model: norm absent is BatchNorm1d; norm none is no normalization anywhere', () => {
    const opts = { inputs: 3, classes: 3, hidden: [4, 4], outputBn: true };
    expect(kinds(createModel(opts, createRng(1)))).toEqual(['linear', 'batchnorm', 'activation', 'linear', 'batchnorm', 'activation', 'linear', 'batchnorm']);
    expect(kinds(createModel({ ...opts, norm: 'none' }, createRng(1)))).toEqual(kinds(createModel({ ...opts, bn: 'none', outputBn: false }, createRng(1))));
    expect(params(createModel({ ...opts, norm: 'none' }, createRng(1))).map((p) => p.name)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
  });

  test('LayerNorm and GroupNorm drop the bias before them (they subtract a mean), RMSNorm keeps it and has no β', () => {
    const opts = { inputs: 3, classes: 3, hidden: [4], groups: 2 } as const;
    expect(params(createModel({ ...opts, norm: 'layer' }, createRng(1))).map((p) => p.name)).toEqual(['W1', 'gamma1', 'beta1', 'W2', 'b2']);
    expect(params(createModel({ ...opts, norm: 'group' }, createRng(1))).map((p) => p.name)).toEqual(['W1', 'gamma1', 'beta1', 'W2', 'b2']);
    expect(params(createModel({ ...opts, norm: 'rms' }, createRng(1))).map((p) => p.name)).toEqual(['W1', 'b1', 'gamma1', 'W2', 'b2']);
    expect(kinds(createModel({ ...opts, norm: 'rms', bn: 'after', outputBn: true, groups: 1 }, createRng(1)))).toEqual(['linear', 'activation', 'rms', 'linear', 'rms']);
  });

  test.each<[NormKind, 'before' | 'after']>([['layer', 'before'], ['layer', 'after'], ['group', 'before'], ['group', 'after'], ['rms', 'before'], ['rms', 'after']])(
    '%s %s tanh, on the logits too: every parameter against central differences (train mode, 1e-6 of its largest entry)', (norm, bn) => {
      const model = createModel({ inputs: 3, classes: 6, hidden: [8, 6], activation: 'tanh', bn, outputBn: true, norm, groups: 2 }, createRng(5));
      const rng = createRng(6);
      for (const p of params(model)) if (!p.name.startsWith('W')) p.value.forEach((_, i, a) => (a[i] += 0.3 * rng.gaussian()));
      const check = checkModelGradients(model, x6(7), Int32Array.from([0, 1, 2, 3, 4, 5]));
      expect(check.results.length).toBe(params(model).length);
      for (const r of check.results) {
        expect(r.maxAbsError / Math.max(...r.entries.map((e) => Math.abs(e.numeric))), r.name).toBeLessThan(1e-6);
      }
    },
  );

  test('refusals: instance in an MLP; groups that do not divide a layer, with the layer named and PyTorch’s words', () => {
    expect(() => createModel({ inputs: 3, classes: 3, norm: 'instance' }, createRng(1))).toThrow(/InstanceNorm .* use it in the CNN/);
    expect(() => createModel({ inputs: 3, classes: 3, hidden: [6], norm: 'group', groups: 4 }, createRng(1))).toThrow(
      'layer 1 (6 features): num_channels must be divisible by num_groups (num_channels=6, num_groups=4)',
    );
    expect(() => createModel({ inputs: 3, classes: 3, norm: 'batch' as never }, createRng(1))).toThrow(/unknown norm "batch"/);
  });

  test('a steady step reuses the norm records and the output views (no allocation after the first pass)', () => {
    const model = createModel({ inputs: 3, classes: 4, hidden: [4, 4], norm: 'group', groups: 2, outputBn: true, bn: 'before' }, createRng(1));
    const ws = createWorkspace(), x = x6(2), y = Int32Array.from([0, 1, 2, 3, 1, 2]);
    forwardLoss(model, x, y, ws);
    backward(model, ws);
    const before = [ws.norm.slice(), ws.outputs.slice(), ws.normGrads.slice()];
    forwardLoss(model, x, y, ws);
    backward(model, ws);
    expect([ws.norm, ws.outputs, ws.normGrads].map((a, i) => a.every((r, k) => r === before[i][k]))).toEqual([true, true, true]);
    expect(ws.norm.filter((r) => r !== null)).toHaveLength(3);
  });

  test('a per-sample norm needs no batch: m = 1 trains in train mode (BatchNorm1d refuses it)', () => {
    const model = createModel({ inputs: 3, classes: 3, hidden: [4], norm: 'layer' }, createRng(1));
    expect(checkModelGradients(model, matrix(1, 3, [0.5, -1, 2]), [1]).maxRelError).toBeLessThan(1e-6);
  });
});

describe('CNN: norm bn | layer | group | instance | rms after every convolution', () => {
  test('defaults unchanged: bn true is BatchNorm2d, bn false none; norm wins over bn', () => {
    expect(createCnn({}, createRng(1)).blocks.map((b) => [b.bn !== null, b.norm])).toEqual([[true, null], [true, null]]);
    expect(createCnn({ bn: false }, createRng(1)).config.norm).toBe('none');
    const gn = createCnn({ norm: 'group', bn: true }, createRng(1));
    expect([gn.config.bn, gn.blocks[0].bn, gn.blocks[1].norm?.groups]).toEqual([false, null, 4]);
    expect(cnnParams(createCnn({ norm: 'instance' }, createRng(1))).map((p) => p.name)).toEqual(['W1', 'W2', 'W3', 'b3']);
    expect(cnnParams(createCnn({ norm: 'layer' }, createRng(1))).map((p) => `${p.name}:${p.value.length}`)).toEqual([
      'W1:72', 'gamma1:5408', 'beta1:5408', 'W2:1152', 'gamma2:1936', 'beta2:1936', 'W3:4000', 'b3:10',
    ]);
    expect(() => createCnn({ norm: 'group', groups: 3 }, createRng(1))).toThrow('block 1 (8 channels): num_channels must be divisible by num_groups');
  });

  test.each<NormKind>(['layer', 'group', 'instance', 'rms'])('%s: x [3, 2, 10, 10], blocks 4 → 4: every parameter against central differences (1e-6)', (norm) => {
    const model = createCnn({ inChannels: 2, imageSize: 10, channels: [4, 4], classes: 3, norm, groups: 2 }, createRng(11));
    const rng = createRng(12);
    for (const p of cnnParams(model)) if (!p.name.startsWith('W')) p.value.forEach((_, i, a) => (a[i] += 0.3 * rng.gaussian()));
    const x = randomTensor([3, 2, 10, 10], 12), labels = Int32Array.from([0, 1, 2]), ws = createCnnWorkspace();
    cnnForwardLoss(model, x, labels, ws);
    cnnBackward(model, ws);
    const loss = () => cnnForwardLoss(model, x, labels, createCnnWorkspace()).loss;
    for (const p of cnnParams(model)) expect(normwiseError(p.grad, numericGradient(p.value, loss)), p.name).toBeLessThan(1e-6);
    // A second step reuses every record.
    const records = ws.blocks.map((b) => b.norm);
    cnnForwardLoss(model, x, labels, ws);
    ws.blocks.forEach((b, i) => expect(b.norm).toBe(records[i]));
  });
});

describe('comparing any two normalizations, and the probe’s own interval', () => {
  const split = experimentData({ dataset: 'spiral', samples: 300, seed: 2 });
  const base: ComparisonOptions = { hidden: [8, 8], batchSize: 16, seed: 3, logEvery: 5, evalEvery: 10, probeSize: 40 };

  test('norms [bn, group]: the first network has BatchNorm1d, the second GroupNorm, from the same W', () => {
    const c = createComparison({ ...base, norms: ['bn', 'group'], groups: 2 }, split);
    expect(kinds(c.variants.plain.model)).toEqual(['linear', 'batchnorm', 'activation', 'linear', 'batchnorm', 'activation', 'linear']);
    expect(kinds(c.variants.bn.model)).toEqual(['linear', 'group', 'activation', 'linear', 'group', 'activation', 'linear']);
    expect(c.variants.plain.model.layers[0]).toMatchObject({ W: c.variants.bn.model.layers[0].kind === 'linear' ? c.variants.bn.model.layers[0].W : null });
    const chunk = stepComparison(c, 20);
    expect(chunk.logs.plain.at(-1)?.testAccuracy).toBeGreaterThan(0);
    expect(chunk.logs.bn.at(-1)?.quantiles[0].preBn).not.toBeNull();
    expect(() => createComparison({ ...base, norms: ['bn'] as never }, split)).toThrow(/two networks/);
    expect(() => createComparison({ ...base, norms: ['bn', 'instance'] }, split)).toThrow(/InstanceNorm/);
  });

  test('probeEvery 20 with logEvery 5: quantiles only at steps 20 and 40; every other number as probing every logged step', () => {
    const every = stepComparison(createComparison(base, split), 40), sparse = stepComparison(createComparison({ ...base, probeEvery: 20 }, split), 40);
    for (const v of ['plain', 'bn'] as const) {
      expect(sparse.logs[v].filter((m) => m.quantiles.length > 0).map((m) => m.step)).toEqual([20, 40]);
      expect(sparse.logs[v].map(({ quantiles: _q, ...rest }) => rest)).toEqual(every.logs[v].map(({ quantiles: _q, ...rest }) => rest));
      expect(sparse.logs[v][3].quantiles).toEqual(every.logs[v][3].quantiles);
    }
    expect(() => createComparison({ ...base, probeEvery: 7 }, split)).toThrow('probeEvery (7) must be a multiple of logEvery (5)');
  });

  test('the CNN comparison takes norms too: [bn, group] on 28 × 28 images, deterministic', () => {
    const images = { x: matrix(24, 784, randomTensor([24, 784, 1, 1], 3).data), y: Int32Array.from({ length: 24 }, (_, i) => i % 3), classes: 3 };
    const run = () => {
      const c = createCnnComparison({ batchSize: 8, logEvery: 2, evalEvery: 2, norms: ['bn', 'group'], seed: 4 }, { train: images, test: images });
      expect([c.variants.plain.model.config.norm, c.variants.bn.model.config.norm]).toEqual(['bn', 'group']);
      return stepCnnComparison(c, 4).logs;
    };
    const a = run();
    expect(a.bn.length).toBe(2);
    expect(run()).toEqual(a);
  });
});
