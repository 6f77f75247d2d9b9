import { describe, expect, test } from 'vitest';
import {
  type Cnn,
  cnnBackward,
  cnnForward,
  cnnForwardLoss,
  cnnParams,
  createCnn,
  createCnnWorkspace,
  createOptimizer,
  createRng,
  optimizerStep,
} from '../../src';
import { numericGradient } from './finiteDifference';
import { normwiseError, randomTensor } from './images';

const labelsFor = (n: number, classes: number) => Int32Array.from({ length: n }, (_, i) => (i * 7) % classes);

describe('the CNN as data: shapes, parameters, shared initial weights', () => {
  test('default (Fashion-MNIST) CNN, x [4, 1, 28, 28]: logits [4 × 10]; parameters W1 [8×9], γ1, β1, W2 [16×72], γ2, β2, W3 [400×10], b3', () => {
    const model = createCnn({}, createRng(1));
    const ws = createCnnWorkspace();
    const logits = cnnForward(model, randomTensor([4, 1, 28, 28], 2), ws);
    expect([logits.rows, logits.cols]).toEqual([4, 10]);
    expect(cnnParams(model).map((p) => `${p.name}:${p.value.length}`)).toEqual([
      'W1:72', 'gamma1:8', 'beta1:8', 'W2:1152', 'gamma2:16', 'beta2:16', 'W3:4000', 'b3:10',
    ]);
    expect(model.blocks.map((b) => b.outShape)).toEqual([[1, 8, 13, 13], [1, 16, 5, 5]]);
  });

  test('with and without BN from one seed: the same W1, W2, W3; the plain one has conv biases instead of γ, β', () => {
    const bn = createCnn({ bn: true }, createRng(7)), plain = createCnn({ bn: false }, createRng(7));
    expect(cnnParams(plain).map((p) => p.name)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    const weights = (m: Cnn) => cnnParams(m).filter((p) => p.name.startsWith('W')).map((p) => Array.from(p.value));
    expect(weights(plain)).toEqual(weights(bn));
    // He init: std √(2 / fan-in), fan-in C·k·k = 72 for W2.
    const W2 = weights(bn)[1];
    const std = Math.sqrt(W2.reduce((s, v) => s + v * v, 0) / W2.length);
    expect(Math.abs(std - Math.sqrt(2 / 72))).toBeLessThan(0.1 * Math.sqrt(2 / 72));
  });

  test('bad configs and inputs: clear errors', () => {
    expect(() => createCnn({ imageSize: 8, channels: [4, 4] }, createRng(1))).toThrow(
      "block 2's convolution output is 1 × 1, too small for its 2 × 2 pooling: use fewer blocks or larger images",
    );
    expect(() => createCnn({ imageSize: 12, channels: [4, 4, 4] }, createRng(1))).toThrow("Kernel size can't be greater than actual input size");
    expect(() => createCnn({ channels: [8, 2.5] }, createRng(1))).toThrow('channels[1] (output channels of block 2) must be an integer ≥ 1, got 2.5');
    const model = createCnn({}, createRng(1));
    expect(() => cnnForward(model, randomTensor([2, 1, 27, 28], 1), createCnnWorkspace())).toThrow(
      'the CNN expects images [n ≥ 1, 1, 28, 28], got [2, 1, 27, 28]',
    );
    expect(() => cnnBackward(model, createCnnWorkspace())).toThrow('cnnBackward needs a cnnForwardLoss');
  });
});

describe('the CNN backward pass: central differences of the whole loss (float64, h = 1e-5)', () => {
  // Gaussian inputs and weights: no ReLU input and no pair of values in a pooling window within ±h of
  // a kink for these seeds (a kink would show as an O(1) error, not a small one).
  test.each([true, false])('x [3, 2, 10, 10], blocks 3 → 4 channels, bn %s: every parameter\'s gradient agrees to 1e-6 (relative to its largest entry)', (bn) => {
    const model = createCnn({ inChannels: 2, imageSize: 10, channels: [3, 4], classes: 3, bn }, createRng(11));
    // γ away from 1 and β, b away from 0 (alternating signs, so some ReLUs clip in every channel).
    for (const p of cnnParams(model)) if (!p.name.startsWith('W')) p.value.forEach((_, i) => (p.value[i] = (p.name.startsWith('gamma') ? 1 : 0) + 0.2 * (i % 2 ? -1 : 1) * (i + 1)));
    const x = randomTensor([3, 2, 10, 10], 12), labels = labelsFor(3, 3), ws = createCnnWorkspace();
    cnnForwardLoss(model, x, labels, ws, 'train', false);
    cnnBackward(model, ws);
    const loss = () => cnnForwardLoss(model, x, labels, createCnnWorkspace(), 'train', false).loss;
    for (const p of cnnParams(model)) {
      expect(normwiseError(p.grad, numericGradient(p.value, loss)), p.name).toBeLessThan(1e-6);
    }
  });
});

describe('the CNN training step', () => {
  test('x [8, 1, 12, 12], SGD lr 0.1, 30 steps on one batch: the loss falls below half its start, buffers reused throughout', () => {
    const model = createCnn({ imageSize: 12, channels: [4, 8], classes: 4 }, createRng(3));
    const x = randomTensor([8, 1, 12, 12], 4), labels = labelsFor(8, 4), ws = createCnnWorkspace();
    const opt = createOptimizer({ name: 'sgd', lr: 0.1 }, cnnParams(model));
    const first = cnnForwardLoss(model, x, labels, ws).loss;
    cnnBackward(model, ws);
    optimizerStep(opt);
    const records = ws.blocks.map((b) => [b.conv, b.bn, b.pool]);
    let last = first;
    for (let s = 0; s < 30; s++) {
      last = cnnForwardLoss(model, x, labels, ws).loss;
      cnnBackward(model, ws);
      optimizerStep(opt);
    }
    expect(last).toBeLessThan(first / 2);
    expect(ws.blocks.map((b) => [b.conv, b.bn, b.pool])).toEqual(records);
    ws.blocks.forEach((b, i) => expect(b.conv).toBe(records[i][0]));
  });
});
