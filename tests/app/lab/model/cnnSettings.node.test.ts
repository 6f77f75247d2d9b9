import { describe, expect, test } from 'vitest';
import { createCnnExperiment, encodeFashionSubset, parseFashionSubset, resolveExperimentSettings } from '../../../../src';
import { changedSettings, ghostLegend, nextGhost } from '../../../../app/lab/model/ghost';
import { type LabSettings, experimentSettings, exportedSettings, labRunSettings, networkOf, sameRun, trainCommand } from '../../../../app/lab/model/labSettings';
import { appendLogs, createRunSeries, seriesCsv } from '../../../../app/lab/model/series';
import { LAB_DEFAULTS } from '../../../../app/state/slices/lab';
import { parseQuery } from '../../../../app/state/url/parse';
import { serializeQuery } from '../../../../app/state/url/serialize';

const cnn: LabSettings = { ...LAB_DEFAULTS, labDataset: 'fashion', labModel: 'cnn', labLr: 0.1, labInit: 'he' };
const tiny = () => ({ labels: Uint8Array.from({ length: 40 }, (_, i) => i % 10), pixels: Uint8Array.from({ length: 40 * 784 }, (_, k) => (k * 31) % 256) });
const subset = parseFashionSubset(encodeFashionSubset({ imageRows: 28, imageCols: 28, seed: 1, train: tiny(), test: tiny() }));

describe('the lab’s network choice: MLP or CNN', () => {
  test('the CNN on Fashion-MNIST: model cnn, channels 8,16, kernel 3 (CNN_DEFAULTS), logged every 10, tested every 50; the MLP’s shape left at the engine’s defaults', () => {
    expect(networkOf(cnn)).toBe('cnn');
    const s = experimentSettings(cnn);
    expect(s).toMatchObject({ model: 'cnn', channels: [8, 16], kernel: 3, lr: 0.1, init: 'he', batch: 32, logEvery: 10, evalEvery: 50, depth: 2, width: 16 });
    expect(labRunSettings(cnn, 'u')).toMatchObject({ data: { kind: 'fashion', url: 'u' }, maxSteps: 6000 });
    expect(resolveExperimentSettings(s)).toEqual(s);
    // Moving an MLP control while the CNN is chosen starts no new run; its shape does.
    expect(sameRun(cnn, { ...cnn, labDepth: 5, labActivation: 'tanh', labBn: 'after' })).toBe(true);
    expect(sameRun(cnn, { ...cnn, labChannels: '4,16' })).toBe(false);
    expect(sameRun(cnn, { ...cnn, labKernel: '5' })).toBe(false);
  });

  test('a CNN chosen with 2-D data trains the MLP (the lab says why); its channels and kernel then change nothing', () => {
    const spiral: LabSettings = { ...cnn, labDataset: 'spiral' };
    expect(networkOf(spiral)).toBe('mlp');
    expect(experimentSettings(spiral).model).toBeUndefined();
    expect(sameRun(spiral, { ...spiral, labChannels: '2,2', labModel: 'mlp' })).toBe(true);
  });

  test('the train command: --model cnn with its shape, no MLP flag; it parses (scripts/train-cli.ts) to exactly the lab’s settings', async () => {
    const { parseCommandLine } = await import('../../../../scripts/train-cli');
    const c: LabSettings = { ...cnn, labChannels: '4,32', labKernel: '5', labOptimizer: 'adamw', labWd: 0.02, labSeed: 7 };
    const command = trainCommand(c, 800);
    expect(command).toBe('npm run train -- --model cnn --dataset fashion --channels 4,32 --kernel 5 --init he --optimizer adamw --lr 0.1 --weight-decay 0.02 --batch 32 --seed 7 --steps 800 --log-every 10 --eval-every 50');
    const parsed = parseCommandLine(command.replace('npm run train -- ', '').split(' '));
    const { settings } = parsed as { settings: object };
    expect(createCnnExperiment(settings, { train: subset.train, test: subset.test }).settings).toEqual(experimentSettings(c));
  });

  test('lab-model, lab-channels, lab-kernel in the URL: read and written; a 0-channel conv or a kernel of 40 opens on the defaults with a notice in words', () => {
    expect(parseQuery('lab-model=cnn&lab-channels=4,32&lab-kernel=5').values).toMatchObject({ labModel: 'cnn', labChannels: '4,32', labKernel: '5' });
    const query = serializeQuery({ ...parseQuery('').values, labDataset: 'fashion', labModel: 'cnn', labChannels: '16,32', labKernel: '7' });
    expect(query).toBe('v=1&lab-data=fashion&lab-model=cnn&lab-channels=16,32&lab-kernel=7');
    expect(parseQuery(query).values).toMatchObject({ labModel: 'cnn', labChannels: '16,32', labKernel: '7' });
    const bad = parseQuery('lab-model=rnn&lab-channels=0,16&lab-kernel=40');
    expect(bad.values).toMatchObject({ labModel: 'mlp', labChannels: '8,16', labKernel: '3' });
    expect(bad.notices).toEqual([
      'lab-model=“rnn” is not one of mlp, cnn; using the default, mlp.',
      'lab-channels=“0,16” is not two channel counts for the CNN\'s two blocks, each 2, 4, 8, 16, 32, such as 8,16 (a convolution needs at least one output channel); using the default, 8,16.',
      'lab-kernel=“40” is not a kernel side from 1 to 7 (two blocks of a larger kernel and 2 × 2 pooling do not fit 28 × 28 images); using the default, 3.',
    ]);
  });

  test('the ghost names what changed between two runs as trained: the network, the CNN’s shape; never an MLP control the CNN ignores', () => {
    const mlp: LabSettings = { ...cnn, labModel: 'mlp' };
    expect(changedSettings(mlp, cnn)).toEqual(['labModel']);
    expect(changedSettings(cnn, { ...cnn, labDepth: 6, labKernel: '5' })).toEqual(['labKernel']);
    const series = createRunSeries(2);
    const ghost = nextGhost(null, { series, settings: cnn, step: 40, ranMs: 5000 }, { ...cnn, labChannels: '4,16' });
    expect(ghost && ghostLegend(ghost)).toBe('previous run: channels 8,16, to step 40');
    expect(ghost?.notice).toMatch(/^The CNN channels changed \(8 and 16 → 4 and 16\), so the run restarted from step 0\./);
  });

  test('the export names the CNN’s probe (block l, channel 1) and leaves out the settings that do not apply to it', () => {
    const series = createRunSeries(2);
    const q = (layer: number) => ({ layer, unit: 0, q15: -1, q50: 0, q85: 1, preBn: null });
    const m = { step: 10, epoch: 0, trainLoss: 2, trainAccuracy: 0.1, testLoss: null, testAccuracy: null, quantiles: [q(1), q(2)], gradNorms: [1, 2, 3] };
    appendLogs(series, { plain: [m], bn: [m] });
    expect(seriesCsv(series, 'cnn').split('\n')[0]).toBe(
      'step,network,train_loss,train_accuracy,test_loss,test_accuracy,block1_channel1_q15,block1_channel1_q50,block1_channel1_q85,block2_channel1_q15,block2_channel1_q50,block2_channel1_q85,grad_norm_W1,grad_norm_W2,grad_norm_W3',
    );
    const exported = exportedSettings(experimentSettings(cnn));
    expect(exported).toMatchObject({ dataset: 'fashion', model: 'cnn', channels: [8, 16], kernel: 3 });
    expect(Object.keys(exported)).not.toContain('depth');
    expect(Object.keys(exported)).not.toContain('activation');
  });
});
