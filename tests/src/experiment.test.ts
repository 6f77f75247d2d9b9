import { describe, expect, test } from 'vitest';
import {
  EXPERIMENT_DEFAULTS,
  EngineError,
  createExperiment,
  experimentData,
  makeDataset2D,
  runSweep,
  splitDataset,
  stepComparison,
  experimentComparisonOptions,
} from '../../src';
import { OPTIONS, main, parseCommandLine } from '../../scripts/train-cli';

async function runCli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('createExperiment: the lab’s settings → data + comparison', () => {
  test('defaults: spiral 600 → 450 train / 150 test, two hidden layers of 16, SGD 0.1, batch 32', () => {
    const e = createExperiment({});
    expect(e.settings).toEqual(EXPERIMENT_DEFAULTS);
    expect([e.data.train.x.rows, e.data.test.x.rows]).toEqual([450, 150]);
    expect(e.comparison.config.hidden).toEqual([16, 16]);
    expect(e.comparison.config.optimizer).toMatchObject({ name: 'sgd', lr: 0.1 });
  });

  test('the same settings give the same data bit for bit; depth 0 is softmax regression; custom data is used as given', () => {
    const a = experimentData({ dataset: 'moons', seed: 4 }), b = experimentData({ dataset: 'moons', seed: 4 });
    expect(Array.from(a.train.x.data)).toEqual(Array.from(b.train.x.data));
    expect(experimentComparisonOptions({ depth: 0 }).hidden).toEqual([]);
    const custom = splitDataset(makeDataset2D({ name: 'xor', n: 80, seed: 9 }), 0.25, 1);
    expect(createExperiment({ batch: 8 }, custom).comparison.train).toBe(custom.train);
  });

  test('bad settings throw EngineError naming them', () => {
    expect(() => createExperiment({ dataset: 'iris' as never })).toThrow(/unknown dataset/);
    expect(() => createExperiment({ testFraction: 0.95 })).toThrow(/test fraction/);
    expect(() => createExperiment({ seed: -1 })).toThrow(/seed/);
    expect(() => createExperiment({ width: 0 })).toThrow(EngineError);
    expect(() => createExperiment({ weightDecay: -1 })).toThrow(/weight decay must be a finite number ≥ 0 \(0 = none\), got -1/);
    expect(() => createExperiment({ weightDecay: NaN })).toThrow(/weight decay must be a finite number ≥ 0/);
  });

  test('weight decay: null is the optimizer’s own default (0, or 0.01 for adamw); a number is passed to the optimizer', () => {
    const wd = (s: Parameters<typeof createExperiment>[0]) => createExperiment(s).comparison.config.optimizer.weightDecay;
    expect(EXPERIMENT_DEFAULTS.weightDecay).toBeNull();
    expect([wd({}), wd({ optimizer: 'adamw' }), wd({ optimizer: 'adamw', weightDecay: 0 }), wd({ weightDecay: 5e-4 })]).toEqual([0, 0.01, 0, 5e-4]);
  });
});

describe('npm run train (scripts/train-cli.ts)', () => {
  test('flags map onto the experiment settings; --eval-every defaults to --log-every', () => {
    const cmd = parseCommandLine(['--dataset', 'circles', '--depth', '3', '--width', '8', '--activation', 'tanh', '--optimizer', 'adam', '--lr', '0.01', '--batch', '16', '--steps', '40', '--seed', '2', '--log-every', '5', '--output-bn', '--bn', 'after']);
    expect(cmd).toEqual({
      help: false,
      steps: 40,
      sweep: null,
      batchSweep: null,
      data: { kind: '2d' },
      settings: { dataset: 'circles', depth: 3, width: 8, activation: 'tanh', optimizer: 'adam', lr: 0.01, batch: 16, seed: 2, logEvery: 5, evalEvery: 5, outputBn: true, bn: 'after' },
    });
    expect(parseCommandLine(['--help'])).toEqual({ help: true });
    expect(parseCommandLine(['--optimizer', 'adamw', '--weight-decay', '5e-4'])).toMatchObject({ settings: { optimizer: 'adamw', weightDecay: 5e-4 } });
  });

  test('--weight-decay changes the run: SGD with wd 0.5 ends with a smaller ‖W₁‖ than without, the same run as createExperiment', async () => {
    const args = ['--dataset', 'moons', '--steps', '20', '--log-every', '20', '--batch', '16', '--seed', '5', '--lr', '0.5'];
    const last = async (extra: string[]) => JSON.parse((await runCli([...args, ...extra])).out.at(-2)!);
    const [none, decayed] = [await last([]), await last(['--weight-decay', '0.5'])];
    expect(decayed.bn.trainLoss).not.toBe(none.bn.trainLoss);
    const { comparison } = createExperiment({ dataset: 'moons', logEvery: 20, evalEvery: 20, batch: 16, seed: 5, lr: 0.5, weightDecay: 0.5 });
    const { step: _s, epoch: _e, ...rest } = stepComparison(comparison, 20).logs.bn[0];
    expect(decayed.bn).toEqual(rest);
  });

  test('prints one JSON line per logged step, equal to what createExperiment + stepComparison give (the lab’s path)', async () => {
    const args = ['--dataset', 'moons', '--steps', '30', '--log-every', '10', '--batch', '16', '--seed', '5'];
    const { code, out } = await runCli(args);
    expect(code).toBe(0);
    // The last line is the page's report of the run (tests/scripts/train-cli.node.test.ts checks it).
    const lines = out.slice(0, -1).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.step)).toEqual([10, 20, 30]);
    expect(JSON.parse(out.at(-1)!)).toHaveProperty('report.headline');
    const { comparison } = createExperiment({ dataset: 'moons', logEvery: 10, evalEvery: 10, batch: 16, seed: 5 });
    const logs = stepComparison(comparison, 30).logs;
    lines.forEach((line, i) => {
      for (const v of ['plain', 'bn'] as const) {
        const { step, epoch, ...rest } = logs[v][i];
        expect(line[v]).toEqual(rest);
        expect([line.step, line.epoch]).toEqual([step, epoch]);
      }
    });
  });

  test('a diverged variant prints {"diverged": …}; when both stop, a last line at that step ends the run', async () => {
    const one = (await runCli(['--lr', '30', '--output-bn', '--steps', '20', '--batch', '16'])).out.slice(0, -1).map((l) => JSON.parse(l));
    expect(one).toHaveLength(2);
    expect(one[0].plain.diverged.reason).toMatch(/exceeded/);
    expect(one[0].bn.trainLoss).toBeGreaterThan(0);
    const both = (await runCli(['--lr', '1000', '--steps', '50'])).out.slice(0, -1).map((l) => JSON.parse(l));
    expect(both).toHaveLength(1);
    expect(both[0].step).toBe(Math.max(both[0].plain.diverged.step, both[0].bn.diverged.step));
  });

  test('--sweep prints one JSON line per learning rate, equal to runSweep', async () => {
    const { out } = await runCli(['--sweep', '0.1,3', '--steps', '20', '--depth', '1', '--batch', '16']);
    const e = createExperiment({ depth: 1, batch: 16 });
    const want = runSweep({ ...experimentComparisonOptions(e.settings), learningRates: [0.1, 3], steps: 20 }, e.data);
    expect(out.slice(0, -1).map((l) => JSON.parse(l))).toEqual(JSON.parse(JSON.stringify(want)));
    expect(JSON.parse(out.at(-1)!)).toHaveProperty('report.sweep');
  });

  test('--help documents every option the parser takes, each on a line of its own with its argument', async () => {
    const help = (await runCli(['--help'])).out.join('\n');
    const names = Object.keys(OPTIONS);
    expect(names.length).toBeGreaterThanOrEqual(21);
    for (const name of names) {
      const option = OPTIONS[name as keyof typeof OPTIONS];
      const arg = option.type === 'string' ? ' <' : '';
      expect(help, `--${name}`).toMatch(new RegExp(`^  (-\\w, )?--${name}${arg}`, 'm'));
    }
    expect(help).toMatch(/--dataset <name> +spiral \| circles \| gaussians \| xor \| moons \| fashion/);
    expect(help).toMatch(/Exit status: 0 done, 1 .*, 2 bad options/);
  });

  test('--help prints the options; bad options exit with code 2 and a clear message', async () => {
    expect((await runCli(['--help'])).out[0]).toMatch(/--dataset <name>/);
    const cases: [string[], RegExp][] = [
      [['--lr', 'abc'], /--lr expects a number, got "abc"/],
      [['--dataset', 'iris'], /--dataset must be one of spiral/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
      [['--batch', '1'], /batch size must be an integer ≥ 2/],
      [['--steps', '0'], /--steps must be a positive integer/],
      [['--log-every', '10', '--eval-every', '15'], /multiple of logEvery/],
      [['--weight-decay=-1'], /weight decay must be a finite number ≥ 0 \(0 = none\), got -1/],
      [['--weight-decay', 'lots'], /--weight-decay expects a number, got "lots"/],
      [['--optimizer', 'adamax'], /--optimizer must be one of sgd, momentum, adam, adamw/],
    ];
    for (const [args, msg] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toMatch(msg);
    }
  });
});
