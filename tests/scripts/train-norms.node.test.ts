import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createExperiment, encodeFashionSubset, experimentData, runBatchSweep, stepComparison } from '../../src';
import { main, parseCommandLine } from '../../scripts/train-cli';

/** npm run train's normalization flags (--norm, --compare, --groups, --probe-every) and --sweep-batch. */
async function runCli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'train-norms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parsing', () => {
  test('--norm X compares none with X; --compare a,b any two; --groups, --probe-every go into the settings', () => {
    expect(parseCommandLine(['--norm', 'group', '--groups', '2'])).toMatchObject({ settings: { norms: ['none', 'group'], groups: 2 }, batchSweep: null });
    expect(parseCommandLine(['--compare', 'bn,layer'])).toMatchObject({ settings: { norms: ['bn', 'layer'] } });
    expect(parseCommandLine(['--probe-every', '20', '--log-every', '5'])).toMatchObject({ settings: { probeEvery: 20, logEvery: 5 } });
    expect((parseCommandLine([]) as { settings: object }).settings).not.toHaveProperty('norms');
    expect(parseCommandLine(['--sweep-batch', '2,4,8', '--norm', 'group', '--groups', '2', '--epochs', '3'])).toMatchObject({
      batchSweep: { batchSizes: [2, 4, 8], epochs: 3, norm: 'group' }, settings: { groups: 2 },
    });
    expect(parseCommandLine(['--sweep-batch', '2,4'])).toMatchObject({ batchSweep: { epochs: 1, norm: 'bn' } });
  });

  test('bad values exit with code 2 and say what is wrong', async () => {
    const cases: [string[], RegExp][] = [
      [['--norm', 'batch'], /--norm must be one of bn, layer, group, instance, rms, got "batch"/],
      [['--norm', 'none'], /--norm must be one of bn, layer/],
      [['--compare', 'bn'], /--compare expects two normalizations separated by a comma, e\.g\. bn,group; got "bn"/],
      [['--compare', 'bn,foo'], /--compare must be one of none, bn, layer, group, instance, rms, got "foo"/],
      [['--norm', 'bn', '--compare', 'none,bn'], /--norm and --compare both choose the networks/],
      [['--norm', 'group', '--groups', '0'], /--groups expects an integer ≥ 1, got "0"/],
      [['--norm', 'group', '--groups', '2.5'], /--groups expects an integer ≥ 1, got "2.5"/],
      [['--groups', '2'], /--groups sets GroupNorm's groups: add --norm group/],
      [['--norm', 'group', '--groups', '3', '--steps', '1'], /layer 1 \(16 features\): num_channels must be divisible by num_groups/],
      [['--norm', 'instance', '--steps', '1'], /InstanceNorm .* use it in the CNN/],
      [['--probe-every', '0'], /--probe-every expects an integer ≥ 1/],
      [['--probe-every', '7', '--log-every', '5', '--steps', '1'], /probeEvery \(7\) must be a multiple of logEvery \(5\)/],
      [['--model', 'cnn', '--dataset', 'fashion', '--probe-every', '10'], /--probe-every shapes the MLP; it does not apply to --model cnn/],
      [['--sweep-batch', '1,2'], /--sweep-batch expects an integer ≥ 2, got "1"/],
      [['--sweep-batch', '2,x'], /--sweep-batch expects an integer ≥ 2, got "x"/],
      [['--sweep-batch', '2,4', '--steps', '10'], /--sweep-batch trains --epochs epochs at each batch size; it does not take --steps/],
      [['--sweep-batch', '2,4', '--compare', 'bn,group'], /choose its normalization with --norm, not --compare/],
      [['--epochs', '2'], /--epochs is the budget of --sweep-batch/],
      [['--sweep-batch', '2,4', '--epochs', '0'], /--epochs expects an integer ≥ 1/],
      [['--sweep-batch', '2,4000'], /batch size 4000 exceeds the 450 training rows/],
    ];
    for (const [args, msg] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.join('\n'), args.join(' ')).toMatch(msg);
      expect(r.out).toEqual([]);
    }
  });

  test('--help documents every new flag', async () => {
    const help = (await runCli(['--help'])).out.join('\n');
    for (const flag of ['--norm <kind>', '--compare <a>,<b>', '--groups <g>', '--probe-every <n>', '--sweep-batch <m,m,…>', '--epochs']) expect(help).toContain(flag);
  });
});

describe('running', () => {
  test('--compare bn,group --groups 2: a first line naming the networks, then the lines of createExperiment + stepComparison, then the page’s report naming the pair', async () => {
    const settings = { samples: 200, steps: 4, logEvery: 2, evalEvery: 2, norms: ['bn', 'group'] as const, groups: 2 };
    const r = await runCli(['--samples', '200', '--steps', '4', '--log-every', '2', '--compare', 'bn,group', '--groups', '2']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0])).toEqual({ networks: { plain: 'bn', bn: 'group' } });
    const { comparison } = createExperiment({ ...settings, norms: [...settings.norms] });
    const logs = stepComparison(comparison, 4).logs;
    const lines = r.out.slice(1, -1).map((l) => JSON.parse(l) as { step: number; plain: object; bn: object });
    expect(lines.map((l) => l.step)).toEqual([2, 4]);
    expect(lines[1].bn).toEqual(JSON.parse(JSON.stringify((({ step: _s, epoch: _e, ...rest }) => rest)(logs.bn[1]))));
    const report = (JSON.parse(r.out.at(-1)!) as { report: { headline: string } }).report;
    expect(report.headline).not.toMatch(/batch norm/);
    expect(r.out.filter((l) => l.includes('"report"'))).toHaveLength(1);
  });

  test('--sweep-batch 4,8 --epochs 2 on the spiral: one line per batch size, eval- and train-mode accuracy, identical on a second run, as runBatchSweep', async () => {
    const args = ['--samples', '160', '--sweep-batch', '4,8', '--epochs', '2', '--norm', 'bn', '--seed', '3'];
    const a = await runCli(args), b = await runCli(args);
    expect(a.code).toBe(0);
    expect(a.out).toHaveLength(2);
    expect(b.out).toEqual(a.out);
    const points = a.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const p of points) {
      expect(p.testAccuracy).toEqual(expect.any(Number));
      expect(p.testAccuracyTrainMode).toEqual(expect.any(Number));
      expect(p.epochs).toBe(2);
    }
    const want = runBatchSweep({ norm: 'bn', batchSizes: [4, 8], epochs: 2, hidden: [16, 16], seed: 3, batchSize: 32, optimizer: { name: 'sgd', lr: 0.1 } }, experimentData({ samples: 160, seed: 3 }));
    expect(points).toEqual(want.map((p) => ({ ...p, epochs: 2 })));
  });

  test('--model cnn --sweep-batch on a 28 × 28 subset file: one line per batch size, deterministic', async () => {
    const split = (shift: number) => ({ labels: Uint8Array.from({ length: 20 }, (_, i) => (i + shift) % 10), pixels: Uint8Array.from({ length: 20 * 784 }, (_, i) => (i * 37 + shift * 11) % 256) });
    const path = join(dir, 'cnn.bin');
    writeFileSync(path, encodeFashionSubset({ imageRows: 28, imageCols: 28, seed: 7, train: split(0), test: split(3) }));
    const args = ['--model', 'cnn', '--dataset', 'fashion', '--data', path, '--sweep-batch', '4,10', '--norm', 'group', '--groups', '2'];
    const a = await runCli(args);
    expect(a.err).toEqual([]);
    expect(a.out.map((l) => (JSON.parse(l) as { batch: number; steps: number; norm: string }))).toMatchObject([{ batch: 4, steps: 5, norm: 'group' }, { batch: 10, steps: 2, norm: 'group' }]);
    expect((await runCli(args)).out).toEqual(a.out);
  });
});
