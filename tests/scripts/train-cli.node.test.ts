import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type StepMetrics, type SweepPoint, createCnnExperiment, createExperiment, encodeFashionSubset, parseFashionSubset, stepCnnComparison, stepComparison } from '../../src';
import { DEFAULT_FASHION_FILE, main, parseCommandLine } from '../../scripts/train-cli';
import { FIGURE1_CONTROLS, type LabSettings, labRunSettings, trainCommand } from '../../app/lab/model/labSettings';
import { loadFashion } from '../../app/lab/loadFashion';
import { createLabSession } from '../../app/lab/worker/session';
import type { LabEvent, LabRunSettings } from '../../app/lab/worker/messages';
import { LAB_DEFAULTS } from '../../app/state/slices/lab';
import { type RunReport, runReport } from '../../app/lab/model/report';
import { appendLogs, createRunSeries } from '../../app/lab/model/series';
import { sweepCaption } from '../../app/lab/model/captions';

async function runCli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'train-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny valid subset file: side × side images (2 × 2 by default), `n` train and `n` test, labels cycling through the 10 classes. */
function tinySubset(n = 40, side = 2): Uint8Array {
  const split = (shift: number) => ({
    labels: Uint8Array.from({ length: n }, (_, i) => (i + shift) % 10),
    pixels: Uint8Array.from({ length: n * side * side }, (_, i) => (i * 37 + shift * 11) % 256),
  });
  return encodeFashionSubset({ imageRows: side, imageCols: side, seed: 7, train: split(0), test: split(3) });
}

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const FIGURE1: LabSettings = { ...LAB_DEFAULTS, ...FIGURE1_CONTROLS };
const argsOf = (command: string): string[] => command.replace(/^npm run train -- /, '').split(' ');

describe('npm run train --dataset fashion: options', () => {
  test('reads the lab’s own file by default; --data is taken from where the command was typed', () => {
    expect(DEFAULT_FASHION_FILE).toBe(resolve('public/data/fashion-mnist-subset.bin.gz'));
    expect(parseCommandLine(['--dataset', 'fashion', '--depth', '3'])).toMatchObject({ data: { kind: 'fashion', path: DEFAULT_FASHION_FILE }, settings: { depth: 3 } });
    const parsed = parseCommandLine(['--dataset', 'fashion', '--data', 'sub/f.bin.gz'], '/home/me');
    expect(parsed).toMatchObject({ data: { kind: 'fashion', path: '/home/me/sub/f.bin.gz' } });
    expect((parsed as { settings: object }).settings).not.toHaveProperty('dataset');
  });

  test('2-D data flags with fashion, and --data without it, exit with code 2 and say why', async () => {
    const cases: [string[], RegExp][] = [
      [['--dataset', 'fashion', '--noise', '0.1'], /--noise shapes generated 2-D data; it does not apply to --dataset fashion/],
      [['--dataset', 'fashion', '--samples', '100'], /--samples .* does not apply to --dataset fashion/],
      [['--dataset', 'fashion', '--test-fraction', '0.5'], /--test-fraction .* does not apply/],
      [['--data', 'f.bin.gz'], /--data is the Fashion-MNIST subset file: add --dataset fashion/],
      [['--dataset', 'fashion', '--data', ' '], /--data expects a file path/],
    ];
    for (const [args, msg] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toMatch(msg);
    }
  });
});

describe('npm run train --dataset fashion: the data file', () => {
  test('a missing, a folder, a corrupt, a truncated-gzip or an HTML file exits with code 1, naming the path and the problem', async () => {
    const good = tinySubset();
    const flipped = good.slice();
    flipped[good.length - 1] ^= 0xff;
    const gz = new Uint8Array(await new Response(new Blob([good.slice()]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    const cases: [string, RegExp][] = [
      [join(dir, 'absent.bin.gz'), /the Fashion-MNIST subset is not at .*absent\.bin\.gz: build it with "npm run data:fashion", or give its path with --data <path>/],
      [dir, /--data must be the Fashion-MNIST subset file, but .* is a folder/],
      [file('flipped.bin', flipped), /flipped\.bin is not a usable Fashion-MNIST subset: the Fashion-MNIST subset is corrupt: its checksum is/],
      [file('cut.bin.gz', gz.subarray(0, gz.length >> 1)), /cut\.bin\.gz is not a usable Fashion-MNIST subset: the Fashion-MNIST subset could not be decompressed/],
      [file('page.html', '<!doctype html><title>404</title>'), /page\.html is not a usable .*wrong magic.*HTML page/],
    ];
    for (const [path, msg] of cases) {
      const r = await runCli(['--dataset', 'fashion', '--data', path, '--steps', '1', '--batch', '8']);
      expect(r.code, path).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toMatch(msg);
    }
  });

  test('a valid --data file (gzip or not) trains on its own train/test split: lines equal createExperiment + stepComparison on that file', async () => {
    const raw = tinySubset();
    const gz = new Uint8Array(await new Response(new Blob([raw.slice()]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    const subset = parseFashionSubset(raw);
    const { comparison } = createExperiment({ depth: 1, width: 6, batch: 8, seed: 3, logEvery: 2, evalEvery: 2 }, { train: subset.train, test: subset.test });
    const logs = stepComparison(comparison, 6).logs;
    for (const path of [file('tiny.bin', raw), file('tiny.bin.gz', gz)]) {
      const r = await runCli(['--dataset', 'fashion', '--data', path, '--depth', '1', '--width', '6', '--batch', '8', '--seed', '3', '--steps', '6', '--log-every', '2']);
      expect(r.code).toBe(0);
      const lines = r.out.slice(0, -1).map((l) => JSON.parse(l));
      expect(lines.map((l) => l.step)).toEqual([2, 4, 6]);
      expect(JSON.parse(r.out.at(-1)!)).toHaveProperty('report.headline');
      lines.forEach((line, i) => {
        for (const v of ['plain', 'bn'] as const) {
          const { step, epoch, ...rest } = logs[v][i];
          expect([line.step, line.epoch]).toEqual([step, epoch]);
          expect(line[v]).toEqual(rest);
        }
      });
    }
  });
});

/**
 * The lab's side of the comparison: the Worker's protocol handler, configured with the lab's run
 * settings, loading the subset through the browser loader (app/lab/loadFashion.ts) with a fetch
 * that serves the repository's file, then asked for `steps` steps. Its logged metrics, per variant.
 */
async function labLogs(run: LabRunSettings, steps: number): Promise<Record<'plain' | 'bn', StepMetrics[]>> {
  const events: LabEvent[] = [];
  const served = readFileSync(DEFAULT_FASHION_FILE);
  const fetchFile = (async () => new Response(new Uint8Array(served))) as unknown as typeof fetch;
  const session = createLabSession({ post: (e) => events.push(e), loadFashion: (url) => loadFashion({ url, fetch: fetchFile }), now: () => 0 });
  await session.receive({ type: 'configure', runId: 1, run });
  await session.receive({ type: 'step', runId: 1, steps });
  const errors = events.filter((e) => e.type === 'error');
  expect(errors).toEqual([]);
  const metrics = events.flatMap((e) => (e.type === 'metrics' ? [e] : []));
  return { plain: metrics.flatMap((m) => m.logs.plain), bn: metrics.flatMap((m) => m.logs.bn) };
}

/** Every CLI line equals the lab's metrics at the same step, exactly (toEqual on doubles: no tolerance). */
function expectSame(lines: Record<string, unknown>[], lab: Record<'plain' | 'bn', StepMetrics[]>, steps: number[]): void {
  expect(lines.map((l) => l.step)).toEqual(steps);
  for (const v of ['plain', 'bn'] as const) {
    expect(lab[v].map((m) => m.step)).toEqual(steps);
    lab[v].forEach((m, i) => {
      const { step, epoch, ...rest } = m;
      expect([lines[i].step, lines[i].epoch]).toEqual([step, epoch]);
      expect(lines[i][v]).toEqual(rest);
    });
  }
}

describe('the lab’s Figure 1 command reproduces the lab’s numbers on the real Fashion-MNIST subset', () => {
  test('first 3 steps, logged and evaluated every step: CLI lines = the protocol handler’s metrics, bit for bit (784 → 100³ → 10, batch 60)', async () => {
    const args = argsOf(trainCommand(FIGURE1, 3)).map((a, i, all) => (all[i - 1] === '--log-every' || all[i - 1] === '--eval-every' ? '1' : a));
    expect(args).toEqual(expect.arrayContaining(['--dataset', 'fashion', '--width', '100', '--activation', 'sigmoid', '--lr', '1', '--batch', '60']));
    const cli = await runCli(args);
    expect(cli.err).toEqual([]);
    const lines = cli.out.slice(0, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
    const run = labRunSettings(FIGURE1, 'http://lab.test/data/fashion-mnist-subset.bin.gz');
    const lab = await labLogs({ ...run, experiment: { ...run.experiment, logEvery: 1, evalEvery: 1 } }, 3);
    expectSame(lines, lab, [1, 2, 3]);
    expect(lab.bn[2].testAccuracy).toBeGreaterThanOrEqual(0);
    expect(lab.bn[2].quantiles.map((q) => q.layer)).toEqual([1, 2, 3]);
  });

  test('the command exactly as the lab shows it (logged every 20 steps): the line at step 20 = the lab’s, bit for bit', async () => {
    const cli = await runCli(argsOf(trainCommand(FIGURE1, 20)));
    const lines = cli.out.slice(0, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
    expectSame(lines, await labLogs(labRunSettings(FIGURE1, 'http://lab.test/f.bin.gz'), 20), [20]);
  });
});

describe('the terminal says what the page says', () => {
  test('the lab’s default command for 300 steps ends with the page’s report of the same run: BN ahead, the drift measured', { timeout: 30_000 }, async () => {
    const cli = await runCli(argsOf(trainCommand(LAB_DEFAULTS, 300)));
    expect(cli.err).toEqual([]);
    const { report } = JSON.parse(cli.out.at(-1)!) as { report: RunReport };
    const run = labRunSettings(LAB_DEFAULTS, 'u');
    const lab = await labLogs(run, 300);
    const series = createRunSeries(LAB_DEFAULTS.labDepth);
    appendLogs(series, lab);
    expect(report).toEqual(runReport(series, { plain: null, bn: null }, 150, 3, true));
    expect(report.advantage).toBe('bn');
    expect(report.drift).toMatch(/without BN it went from .*; with BN it went from .* \(small against its band\)/);
  });

  test('--sweep ends with the sentence under the lab’s sweep chart', async () => {
    const cli = await runCli(['--depth', '1', '--width', '4', '--steps', '20', '--sweep', '0.1,100']);
    const last = JSON.parse(cli.out.at(-1)!) as { report: { sweep: string } };
    const points = cli.out.slice(0, -1).map((l) => JSON.parse(l) as SweepPoint);
    expect(points.map((p) => p.lr)).toEqual([0.1, 100]);
    // The page's call: the points, the classes (3) and the steps of each run.
    expect(last.report.sweep).toBe(sweepCaption(points, 3, 20));
    expect(last.report.sweep).toMatch(/^(Look for the rates that trained\. Reached at least .* test accuracy after 20 steps|No rate got 10 points above chance after 20 steps)/);
  });
});

describe('npm run train --model cnn', () => {
  test('without --dataset fashion, or with an MLP flag, exits with code 2 and says why', async () => {
    const cases: [string[], RegExp][] = [
      [['--model', 'cnn'], /--model cnn trains on 28 × 28 images: add --dataset fashion/],
      [['--model', 'cnn', '--dataset', 'moons'], /add --dataset fashion/],
      [['--model', 'cnn', '--dataset', 'fashion', '--width', '8'], /--width shapes the MLP; it does not apply to --model cnn/],
      [['--model', 'cnn', '--dataset', 'fashion', '--sweep', '0.1,1'], /--sweep shapes the MLP/],
      [['--model', 'rnn'], /--model must be one of mlp, cnn, got "rnn"/],
      [['--dataset', 'fashion', '--channels', '8,16'], /--channels shapes the CNN: add --model cnn to use it/],
      [['--model', 'cnn', '--dataset', 'fashion', '--channels', '8,x'], /--channels expects a number, got "x"/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.err.join('\n')).toMatch(message);
    }
  });

  test('28 × 28 subset (40 train, 40 test), channels 4,8, kernel 5, batch 8, 4 steps logged every 2: lines equal createCnnExperiment + stepCnnComparison, then the report', async () => {
    const raw = tinySubset(40, 28);
    const subset = parseFashionSubset(raw);
    const { comparison } = createCnnExperiment({ batch: 8, seed: 3, logEvery: 2, evalEvery: 2, channels: [4, 8], kernel: 5 }, { train: subset.train, test: subset.test });
    const logs = stepCnnComparison(comparison, 4).logs;
    const r = await runCli(['--model', 'cnn', '--dataset', 'fashion', '--data', file('tiny28.bin', raw), '--batch', '8', '--seed', '3', '--steps', '4', '--log-every', '2', '--channels', '4,8', '--kernel', '5']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const lines = r.out.slice(0, -1).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.step)).toEqual([2, 4]);
    lines.forEach((line, i) => {
      for (const v of ['plain', 'bn'] as const) {
        const { step: _s, epoch: _e, ...rest } = logs[v][i];
        expect(line[v]).toEqual(rest);
      }
    });
    expect(JSON.parse(r.out.at(-1)!)).toHaveProperty('report.headline');
  });
});

describe('the lab’s command for another pair of normalizations (lab-norms) reproduces the lab’s numbers', () => {
  test('BN against GroupNorm on the 2-D default: the shown command has --compare bn,group --groups 4; after its networks line, every line = the lab’s, bit for bit', async () => {
    const c: LabSettings = { ...LAB_DEFAULTS, labNorms: 'bn,group', labGroups: 4 };
    const command = trainCommand(c, 20);
    expect(command).toMatch(/ --compare bn,group --groups 4$/);
    const cli = await runCli(argsOf(command));
    expect(cli.err).toEqual([]);
    expect(JSON.parse(cli.out[0])).toEqual({ networks: { plain: 'bn', bn: 'group' } });
    const lines = cli.out.slice(1, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
    // The closing report names the pair, as the page does.
    expect((JSON.parse(cli.out.at(-1)!) as { report: RunReport }).report.lead).toMatch(/with GroupNorm/);
    expectSame(lines, await labLogs(labRunSettings(c, 'http://lab.test/unused'), 20), Array.from({ length: 20 }, (_, i) => i + 1));
  });

  test('the CNN with InstanceNorm against GroupNorm (2 groups) on the Fashion-MNIST subset: the line at step 10 = the lab’s', { timeout: 60_000 }, async () => {
    const c: LabSettings = { ...LAB_DEFAULTS, labDataset: 'fashion', labModel: 'cnn', labChannels: '4,8', labLr: 0.1, labInit: 'he', labNorms: 'instance,group', labGroups: 2 };
    const cli = await runCli(argsOf(trainCommand(c, 10)));
    expect(cli.err).toEqual([]);
    expect(JSON.parse(cli.out[0])).toEqual({ networks: { plain: 'instance', bn: 'group' } });
    expectSame(cli.out.slice(1, -1).map((l) => JSON.parse(l) as Record<string, unknown>), await labLogs(labRunSettings(c, 'http://lab.test/f.bin.gz'), 10), [10]);
  });
});
