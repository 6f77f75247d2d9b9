import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import { createCnnExperiment, createRng, stepCnnComparison, zeros } from '../../../src';
import { LabControls } from '../../../app/lab/LabControls';
import { TrainCommand } from '../../../app/lab/TrainCommand';
import { FoldedConv } from '../../../app/notebook/fold/FoldedConv';
import { foldTask } from '../../../app/notebook/fold/foldView';
import { LAB_DEFAULTS } from '../../../app/state/slices/lab';
import { appStore } from '../../../app/state/store';
import { fmt } from '../../../app/ui/format';

beforeEach(() => appStore.setState({ ...LAB_DEFAULTS, labStep: 0, foldLayer: 1 }));

describe('the lab’s network choice', () => {
  test('CNN with 2-D data: the lab says why it trains the MLP, and keeps the MLP’s controls; nothing is switched behind the reader’s back', async () => {
    const user = userEvent.setup();
    render(<LabControls />);
    const network = screen.getByRole('combobox', { name: 'Network' });
    expect(network).toHaveAccessibleDescription('The CNN takes 28 × 28 images: choose the Fashion-MNIST subset to train it.');
    await user.selectOptions(network, 'CNN (two convolution blocks)');
    expect(appStore.getState()).toMatchObject({ labModel: 'cnn', labDataset: 'spiral' });
    expect(network).toHaveAccessibleDescription('The CNN takes 28 × 28 images: with 2-D data the lab trains the MLP. Choose the Fashion-MNIST subset to train the CNN.');
    expect(screen.getByRole('slider', { name: 'Hidden layers' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Kernel' })).toBeNull();
  });

  test('CNN on Fashion-MNIST: channels of both blocks and the kernel, each a labelled control written to the store; the MLP’s shape and BN placement give way to one sentence', async () => {
    const user = userEvent.setup();
    appStore.setState({ labDataset: 'fashion', labModel: 'cnn' });
    render(<LabControls />);
    expect(screen.getByRole('combobox', { name: 'Network' })).not.toHaveAccessibleDescription();
    expect(screen.queryByRole('slider', { name: 'Hidden layers' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Activation' })).toBeNull();
    expect(screen.getByText(/puts a BatchNorm2d right after each convolution, before ReLU/)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channels, block 1' }), '4');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channels, block 2' }), '32');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kernel' }), '5 × 5');
    expect(appStore.getState()).toMatchObject({ labChannels: '4,32', labKernel: '5' });
  });

  test('the train command follows: --model cnn with the channels and kernel chosen', () => {
    appStore.setState({ labDataset: 'fashion', labModel: 'cnn', labChannels: '16,32', labKernel: '7', labLr: 0.1 });
    render(<TrainCommand />);
    expect(screen.getByTestId('lab-command').textContent).toMatch(/^npm run train -- --model cnn --dataset fashion --channels 16,32 --kernel 7 --init xavier --optimizer sgd --lr 0.1 --batch 32/);
  });
});

describe('the fold of the lab’s CNN', () => {
  test('per output channel s and b′ of the chosen convolution, and channel 1’s kernel before and after (each weight times s₁), from the engine’s fold', async () => {
    const rng = createRng(2), x = zeros(40, 784);
    for (let i = 0; i < x.data.length; i++) x.data[i] = rng.uniform();
    const data = { x, y: Int32Array.from({ length: 40 }, (_, i) => i % 10), classes: 10 };
    const e = createCnnExperiment({ model: 'cnn', batch: 8, seed: 1, lr: 0.05, channels: [4, 6], kernel: 3, logEvery: 5, evalEvery: 5 }, { train: data, test: data });
    stepCnnComparison(e.comparison, 5);
    const model = e.comparison.variants.bn.model;
    const task = foldTask({ kind: 'cnn', step: 5, model, test: data, diverged: false, settings: e.settings }, () => 0);
    task.step();
    const view = task.view();
    render(<FoldedConv view={view} shown={8} />);
    expect(screen.getByRole('combobox', { name: 'Folded layer' })).toHaveValue('1');
    const bias = screen.getByTestId('fold-bias');
    expect(within(bias).getByText(/All 6 output channels/)).toBeInTheDocument();
    const layer = view.fold.folded[1];
    expect(bias).toHaveTextContent(fmt(layer.scale[5], 3));
    const before = screen.getByTestId('fold-kernel-before'), after = screen.getByTestId('fold-kernel-after');
    expect(before.querySelectorAll('td')).toHaveLength(9);
    const w = model.blocks[1].conv.W.data[4];
    expect(before.querySelectorAll('td')[4]).toHaveTextContent(fmt(w, 3));
    expect(after.querySelectorAll('td')[4]).toHaveTextContent(fmt(w * layer.scale[0], 3));
    expect(after).toHaveTextContent(`s₁ = ${fmt(layer.scale[0], 3)}`);
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Folded layer' }), 'Conv₁ and BN₁');
    expect(appStore.getState().foldLayer).toBe(0);
    expect(screen.getByTestId('fold-bias')).toHaveTextContent('All 4 output channels');
  });
});
