import { describe, expect, test } from 'vitest';
import { EXPERIMENT_DEFAULTS, FIGURE1_PRESET, createExperiment, encodeFashionSubset, parseFashionSubset, resolveComparisonConfig } from '../../../../src';
import { BATCH_STEPS, LR_STEPS, nearestIndex } from '../../../../app/lab/model/labScales';
import { FASHION_FILE } from '../../../../app/lab/loadFashion';
import { FIGURE1_CONTROLS, type LabSettings, experimentSettings, labSettingsOf, labRunSettings, sameRun, sweepRates, trainCommand } from '../../../../app/lab/model/labSettings';
import { LAB_DEFAULTS } from '../../../../app/state/slices/lab';
import { createAppStore } from '../../../../app/state/store';
import { parseQuery } from '../../../../app/state/url/parse';
import { serializeQuery } from '../../../../app/state/url/serialize';

const defaults: LabSettings = { ...LAB_DEFAULTS };
const tiny = () => ({ labels: Uint8Array.from({ length: 60 }, (_, i) => i % 10), pixels: new Uint8Array(60 * 4).fill(9) });
/** A 2 × 2-pixel stand-in for the Fashion-MNIST subset: enough for a run's settings and config. */
const subset = parseFashionSubset(encodeFashionSubset({ imageRows: 2, imageCols: 2, seed: 1, train: tiny(), test: tiny() }));

describe('lab controls → the engine’s experiment settings', () => {
  test('the defaults: spiral, 3 × 16 sigmoid (Xavier), SGD at 1, batch 32, logged every step; the rest as the engine’s EXPERIMENT_DEFAULTS', () => {
    const changed = { depth: 3, activation: 'sigmoid', init: 'xavier', lr: 1 };
    expect(experimentSettings(defaults)).toEqual({ ...EXPERIMENT_DEFAULTS, ...changed, noise: 0.05, logEvery: 1, evalEvery: 10 });
    expect(labRunSettings(defaults, 'u')).toMatchObject({ data: { kind: '2d' }, maxSteps: 30_000, boundaryResolution: 64 });
  });

  test('the Figure 1 preset gives exactly the engine’s FIGURE1_PRESET comparison on the Fashion subset', () => {
    const run = labRunSettings({ ...defaults, ...FIGURE1_CONTROLS }, 'data/f.bin.gz');
    expect(run.data).toEqual({ kind: 'fashion', url: 'data/f.bin.gz' });
    const config = createExperiment(run.experiment, { train: subset.train, test: subset.test }).comparison.config;
    expect(config).toEqual(resolveComparisonConfig(FIGURE1_PRESET, 60));
  });

  test('speed and the charted layer do not change the run; every other control does', () => {
    expect(sameRun(defaults, { ...defaults, labSpeed: 0, labLayer: 2 })).toBe(true);
    for (const patch of [{ labLr: 0.2 }, { labWd: 5e-4 }, { labSeed: 2 }, { labBn: 'after' }, { labDataset: 'fashion' }, { labNoise: 0.2 }, { labOutputBn: true }] as const) {
      expect(sameRun(defaults, { ...defaults, ...patch })).toBe(false);
    }
  });

  test('labSettingsOf picks exactly the lab’s settings out of the store', () => {
    const store = createAppStore();
    expect(labSettingsOf(store.getState())).toEqual(defaults);
  });

  test('choosing a 2-D dataset puts its own noise back; Fashion keeps the last one', () => {
    const store = createAppStore();
    store.getState().setLabDataset('gaussians');
    expect(store.getState().labNoise).toBe(0.5);
    store.getState().setLabDataset('fashion');
    expect(store.getState().labNoise).toBe(0.5);
  });

  test('the sweep spans lr × 0.01 … 100 in 1-3 steps, written without float noise, the current rate in the middle', () => {
    expect(sweepRates(0.1)).toEqual([0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]);
    expect(sweepRates(0.123456)[4]).toBe(0.123456);
    expect(sweepRates(0.3)[1]).toBe(0.009);
  });
});

describe('the lab’s weight decay (lab-wd)', () => {
  test('λ > 0 is PyTorch’s weight_decay for every optimizer; λ = 0 leaves each optimizer its default (AdamW: 0.01, so AdamW never becomes Adam)', () => {
    expect(experimentSettings({ ...defaults, labWd: 5e-4 }).weightDecay).toBe(5e-4);
    expect(experimentSettings({ ...defaults, labOptimizer: 'adamw', labWd: 0.02 }).weightDecay).toBe(0.02);
    expect(experimentSettings(defaults).weightDecay).toBeNull();
    const adamw = createExperiment(experimentSettings({ ...defaults, labOptimizer: 'adamw' })).comparison.config.optimizer;
    expect(adamw).toMatchObject({ name: 'adamw', weightDecay: 0.01 });
    const sgd = createExperiment(experimentSettings({ ...defaults, labWd: 1e-3 })).comparison.config.optimizer;
    expect(sgd).toMatchObject({ name: 'sgd', weightDecay: 1e-3 });
  });

  test('the train command carries --weight-decay only when λ > 0, and parses back to the same settings', async () => {
    const { parseCommandLine } = await import('../../../../scripts/train-cli');
    expect(trainCommand(defaults, 10)).not.toContain('--weight-decay');
    const c: LabSettings = { ...defaults, labOptimizer: 'momentum', labWd: 2e-4 };
    const command = trainCommand(c, 10);
    expect(command).toContain('--lr 1 --weight-decay 0.0002 --batch 32');
    const parsed = parseCommandLine(command.replace('npm run train -- ', '').split(' '));
    expect(createExperiment((parsed as { settings: object }).settings).settings).toEqual(experimentSettings(c));
  });

  test('lab-wd in the URL: read, written, and −1 clamped to 0 with a notice', () => {
    expect(parseQuery('lab-wd=0.001').values.labWd).toBe(0.001);
    expect(serializeQuery({ ...parseQuery('').values, labWd: 5e-4 })).toBe('v=1&lab-wd=0.0005');
    const bad = parseQuery('lab-wd=-1');
    expect(bad.values.labWd).toBe(0);
    expect(bad.notices).toEqual(['lab-wd=“-1” is below the smallest allowed value; using 0.']);
  });
});

describe('stepped sliders', () => {
  test('nearestIndex is nearest on a log scale', () => {
    expect(LR_STEPS[nearestIndex(LR_STEPS, 0.1)]).toBe(0.1);
    expect(LR_STEPS[nearestIndex(LR_STEPS, 0.14)]).toBe(0.1);
    expect(LR_STEPS[nearestIndex(LR_STEPS, 0.15)]).toBe(0.2);
    expect(BATCH_STEPS[nearestIndex(BATCH_STEPS, 61)]).toBe(60);
  });
});

describe('the lab’s URL rows', () => {
  test('a link with the Figure 1 settings reads back into the same controls, with no notice', () => {
    const store = createAppStore();
    store.setState(FIGURE1_CONTROLS);
    const query = serializeQuery(store.getState());
    expect(query).toContain('lab-data=fashion');
    expect(query).toContain('lab-init=small');
    const { values, notices } = parseQuery(query);
    expect(notices).toEqual([]);
    expect(labSettingsOf({ ...defaults, ...values } as LabSettings)).toEqual({ ...defaults, ...FIGURE1_CONTROLS });
  });

  test('out-of-range and unknown values are clamped or dropped, and said', () => {
    const { values, notices } = parseQuery('lab-lr=50&lab-depth=2.5&lab-act=softplus&lab-batch=1');
    expect(values).toMatchObject({ labLr: 10, labDepth: 3, labActivation: 'sigmoid', labBatch: 2 });
    expect(notices).toHaveLength(4);
    expect(notices.join(' ')).toMatch(/lab-act=“softplus” is not one of relu, sigmoid, tanh, identity/);
  });
});

describe('the same run in a terminal', () => {
  test('trainCommand’s flags parse (scripts/train-cli.ts) to exactly the lab’s experiment settings', async () => {
    const { parseCommandLine } = await import('../../../../scripts/train-cli');
    const c: LabSettings = { ...defaults, labDataset: 'moons', labNoise: 0.2, labDepth: 3, labWidth: 8, labActivation: 'tanh', labBn: 'after', labOutputBn: true, labInit: 'xavier', labOptimizer: 'adam', labLr: 0.003, labBatch: 64, labSeed: 42 };
    const command = trainCommand(c, 1234)!;
    expect(command.startsWith('npm run train -- ')).toBe(true);
    const parsed = parseCommandLine(command.replace('npm run train -- ', '').split(' '));
    expect(parsed).toMatchObject({ help: false, steps: 1234 });
    expect(parsed).toMatchObject({ data: { kind: '2d' } });
    expect(createExperiment((parsed as { settings: object }).settings).settings).toEqual(experimentSettings(c));
  });

  test('for Fashion-MNIST the command reads the repository’s copy of the lab’s subset; its flags parse to exactly the lab’s settings', async () => {
    const { DEFAULT_FASHION_FILE, parseCommandLine } = await import('../../../../scripts/train-cli');
    const c: LabSettings = { ...defaults, ...FIGURE1_CONTROLS, labNoise: 0.3, labBn: 'after', labOutputBn: true, labSeed: 9 };
    const command = trainCommand(c, 500);
    expect(command).toBe('npm run train -- --dataset fashion --depth 3 --width 100 --activation sigmoid --bn after --init small --optimizer sgd --lr 1 --batch 60 --seed 9 --steps 500 --log-every 20 --eval-every 100 --output-bn');
    const parsed = parseCommandLine(command.replace('npm run train -- ', '').split(' '));
    expect(parsed).toMatchObject({ help: false, steps: 500, sweep: null, data: { kind: 'fashion', path: DEFAULT_FASHION_FILE } });
    expect(DEFAULT_FASHION_FILE.endsWith(`public/${FASHION_FILE}`)).toBe(true);
    // The dataset fields do not shape Fashion-MNIST: both sides leave them at the engine's defaults.
    const { settings } = parsed as { settings: object };
    expect(createExperiment(settings, { train: subset.train, test: subset.test }).settings).toEqual(experimentSettings(c));
    expect(labRunSettings(c, 'u').experiment).toEqual(experimentSettings(c));
    expect(experimentSettings(c)).toMatchObject({ dataset: EXPERIMENT_DEFAULTS.dataset, samples: EXPERIMENT_DEFAULTS.samples, noise: null });
  });

  test('the CLI’s --help shows the lab’s Figure 1 command as its example, word for word', async () => {
    const { main } = await import('../../../../scripts/train-cli');
    const out: string[] = [];
    expect(await main(['--help'], (l) => out.push(l), () => {})).toBe(0);
    const help = out.join('\n').replace(/ \\\n +/g, ' ');
    expect(help).toContain(trainCommand({ ...defaults, ...FIGURE1_CONTROLS }, 1000));
  });
});
