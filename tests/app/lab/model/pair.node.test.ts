import { describe, expect, test } from 'vitest';
import type { Divergence, StepMetrics, VariantName } from '../../../../src';
import { experimentSettings, trainCommand, type LabSettings } from '../../../../app/lab/model/labSettings';
import { normChoiceOf } from '../../../../app/lab/model/normChoice';
import { DEFAULT_PAIR, bnVariantOf, pairOf } from '../../../../app/lab/model/pair';
import { PRESET_BY_ID } from '../../../../app/lab/model/presets';
import { appendLogs, createRunSeries, seriesCsv, type RunSeries } from '../../../../app/lab/model/series';
import { showsNoAdvantage, verdictOf } from '../../../../app/lab/model/verdicts';
import { gradCaption, lossCaption } from '../../../../app/lab/model/captions';
import { LAB_DEFAULTS } from '../../../../app/state/slices/lab';
import { parseQuery } from '../../../../app/state/url/parse';
import { serializeQuery } from '../../../../app/state/url/serialize';
import { URL_TABLE } from '../../../../app/state/url/table';
import { pinnableRows } from '../../../../app/state/deck/pins';

const metrics = (step: number, acc: number | null): StepMetrics => ({
  step, epoch: 0, trainLoss: acc === null ? 1 : 1 - acc, trainAccuracy: acc ?? 0.5,
  testLoss: acc === null ? null : 1.2 - acc, testAccuracy: acc, quantiles: [], gradNorms: [0.01, 1],
});
function runOf(plain: readonly number[], bn: readonly number[]): RunSeries {
  const s = createRunSeries(1);
  const logs = (accs: readonly number[]) => accs.flatMap((a, i) => [metrics(10 * i + 5, null), metrics(10 * (i + 1), a)]);
  appendLogs(s, { plain: logs(plain), bn: logs(bn) });
  return s;
}
const NONE: Record<VariantName, Divergence | null> = { plain: null, bn: null };
const rep = (x: number, n: number) => Array.from({ length: n }, () => x);
const lab = (patch: Partial<LabSettings>): LabSettings => ({ ...LAB_DEFAULTS, ...patch });

describe('the two networks’ names follow the chosen pair', () => {
  test('none vs BN is named as the lab always did; BN vs GroupNorm and none vs GroupNorm name their normalizations', () => {
    expect(DEFAULT_PAIR).toMatchObject({ isDefault: true, label: { plain: 'Without BN', bn: 'With BN' }, phrase: { plain: 'without BN', bn: 'with BN' }, column: { plain: 'without_bn', bn: 'with_bn' } });
    expect(pairOf(['bn', 'group'], 4)).toMatchObject({ isDefault: false, label: { plain: 'With BN', bn: 'With GroupNorm' }, who: { plain: 'BN', bn: 'GroupNorm' }, column: { plain: 'with_bn', bn: 'with_groupnorm' } });
    expect(pairOf(['none', 'layer']).label).toEqual({ plain: 'Without LayerNorm', bn: 'With LayerNorm' });
    expect(pairOf(['rms', 'none']).label).toEqual({ plain: 'With RMSNorm', bn: 'Without RMSNorm' });
    expect([bnVariantOf(['none', 'bn']), bnVariantOf(['bn', 'group']), bnVariantOf(['layer', 'group'])]).toEqual(['bn', 'plain', null]);
  });

  test('the verdict names the networks: “GroupNorm is ahead”, never “batch norm helps”, when the second network is a GroupNorm and the first BN', () => {
    const pair = pairOf(['bn', 'group'], 4);
    const ahead = verdictOf(runOf(rep(0.5, 12), rep(0.9, 12)), NONE, 150, 3, pair);
    expect(ahead.headline).toBe('In this run, GroupNorm is ahead, and got there first.');
    expect(ahead.lead).toBe('At step 120 the network with GroupNorm leads: 90.0 % test accuracy with GroupNorm, 50.0 % with BN (mean of the last 5 evaluations, steps 80–120); test loss now 0.3 and 0.7.');
    const behind = verdictOf(runOf(rep(0.9, 12), rep(0.5, 12)), NONE, 150, 3, pair);
    expect(behind.headline).toBe('In this run, BN is far ahead, and got there first.');
    const level = verdictOf(runOf(rep(0.8, 12), rep(0.8, 12)), NONE, 150, 3, pair);
    expect(level.headline).toBe('In this run, neither shows an advantage: BN and GroupNorm are level.');
    for (const v of [ahead, behind, level]) expect(`${v.headline} ${v.lead} ${v.speed}`).not.toMatch(/batch norm|without BN/);
    // The pointer to a preset where BN helps is for the comparison with and without BN only.
    expect([showsNoAdvantage(level.advantage), showsNoAdvantage(level.advantage, pair)]).toEqual([true, false]);
    expect([showsNoAdvantage(behind.advantage), showsNoAdvantage(behind.advantage, pair)]).toEqual([true, false]);
  });

  test('with no normalization in the first network, the sentences keep their shape with the chosen one: “GroupNorm helps”', () => {
    const v = verdictOf(runOf(rep(0.5, 12), rep(0.9, 12)), NONE, 150, 3, pairOf(['none', 'group']));
    expect(v.headline).toBe('In this run, GroupNorm helps: the network with GroupNorm is ahead, and got there first.');
    expect(verdictOf(runOf(rep(0.5, 12), rep(0.9, 12)), NONE, 150, 3).headline).toBe('In this run, batch norm helps: the network with BN is ahead, and got there first.');
  });

  test('captions name the pair; the gradient caption says what any normalization does, not BN’s alone', () => {
    const pair = pairOf(['bn', 'group']);
    const run = runOf(rep(0.5, 30), rep(0.9, 30));
    expect(lossCaption(run, pair)).toMatch(/^Look for which test curve falls first and lowest\. Test loss now: with GroupNorm 0\.3 \(step 300\), with BN 0\.7 \(step 300\)\.$/);
    const g = gradCaption(run, NONE, 'unit', pair)!;
    expect(g).toMatch(/0\.01 with BN, 0\.01 with GroupNorm\.$/);
    expect(g).toMatch(/GroupNorm’s per group/);
  });

  test('the CSV of every logged step names its networks by the pair', () => {
    const csv = seriesCsv(runOf([0.5], [0.6]), 'mlp', pairOf(['bn', 'group'])).trim().split('\n');
    expect(csv.slice(1).map((l) => l.split(',')[1])).toEqual(['with_bn', 'with_bn', 'with_groupnorm', 'with_groupnorm']);
  });
});

describe('the lab’s normalization settings', () => {
  test('default: no norms or groups in the engine’s settings (today’s runs, presets and exports unchanged), no flag in the command', () => {
    expect(experimentSettings(LAB_DEFAULTS)).not.toHaveProperty('norms');
    expect(experimentSettings(LAB_DEFAULTS)).not.toHaveProperty('groups');
    expect(trainCommand(LAB_DEFAULTS, 500)).not.toMatch(/--compare|--groups/);
  });

  test('BN vs GroupNorm: norms and groups go to the engine and to the command, MLP and CNN; groups only with a GroupNorm', () => {
    expect(experimentSettings(lab({ labNorms: 'bn,group', labGroups: 8 }))).toMatchObject({ norms: ['bn', 'group'], groups: 8 });
    expect(trainCommand(lab({ labNorms: 'bn,group', labGroups: 8 }), 500)).toMatch(/ --compare bn,group --groups 8$/);
    expect(trainCommand(lab({ labNorms: 'none,layer', labGroups: 8 }), 500)).toMatch(/ --compare none,layer$/);
    const cnn = lab({ labDataset: 'fashion', labModel: 'cnn', labNorms: 'instance,group', labGroups: 2 });
    expect(trainCommand(cnn, 100)).toMatch(/^npm run train -- --model cnn .* --compare instance,group --groups 2$/);
  });

  test('groups that do not divide a normalized width: the lab trains the largest that does below it, and says why in PyTorch’s words', () => {
    const c = normChoiceOf(lab({ labNorms: 'bn,group', labWidth: 6, labGroups: 4 }));
    expect(c).toMatchObject({ groups: 3, groupChoices: [1, 2, 3, 6], hasGroup: true });
    expect(c.note).toBe('GroupNorm’s 4 groups do not divide the 6 units of each hidden layer (PyTorch: “num_channels must be divisible by num_groups”): the lab trains 3 groups. Groups that divide every normalized count: 1, 2, 3, 6.'.replace('GroupNorm’s', "GroupNorm's"));
    expect(normChoiceOf(lab({ labNorms: 'bn,group', labOutputBn: true, labWidth: 16 })).groupChoices).toEqual([1]);
    expect(normChoiceOf(lab({ labDataset: 'fashion', labModel: 'cnn', labChannels: '4,32', labNorms: 'bn,group', labGroups: 8 })).groups).toBe(4);
    expect(normChoiceOf(lab({ labNorms: 'bn,layer', labWidth: 6, labGroups: 4 })).note).toBeNull();
  });

  test('InstanceNorm chosen for the MLP: the lab compares without and with BN and says why', () => {
    const c = normChoiceOf(lab({ labNorms: 'instance,bn' }));
    expect(c.norms).toEqual(['none', 'bn']);
    expect(c.note).toMatch(/the MLP's units have none: with the MLP the lab compares without and with BN/);
    expect(experimentSettings(lab({ labNorms: 'instance,bn' }))).not.toHaveProperty('norms');
  });

  test('lab-norms and lab-groups in the URL: round trip; old links mean none vs BN; bad values open on the defaults with a notice', () => {
    expect(parseQuery('').values).toMatchObject({ labNorms: 'none,bn', labGroups: 4 });
    const query = serializeQuery({ ...parseQuery('').values, labNorms: 'bn,group', labGroups: 2 });
    expect(query).toBe('v=1&lab-norms=bn,group&lab-groups=2');
    expect(parseQuery(query).values).toMatchObject({ labNorms: 'bn,group', labGroups: 2 });
    const bad = parseQuery('lab-norms=bn,bn&lab-groups=zero');
    expect(bad.values).toMatchObject({ labNorms: 'none,bn', labGroups: 4 });
    expect(bad.notices.join(' ')).toMatch(/lab-norms=“bn,bn” is not two different normalizations from none, bn, layer, group, instance, rms, such as bn,group .*; using the default, none,bn\./);
    expect(bad.notices.join(' ')).toMatch(/lab-groups=“zero” is not a number; using the default, 4\./);
    expect(parseQuery('lab-norms=batch').notices.join(' ')).toMatch(/lab-norms=“batch” is not two different normalizations/);
    // An instructor's deck pins them with the lab's other settings.
    expect(pinnableRows(URL_TABLE).map((r) => r.param)).toEqual(expect.arrayContaining(['lab-norms', 'lab-groups', 'lab-model']));
  });

  test('the preset “BN vs GroupNorm at a small batch” trains the pair at m = 2 on Fashion-MNIST, and is labelled as one where BN hurts', () => {
    const p = PRESET_BY_ID['bn-vs-group'];
    expect(p.kind).toBe('hurts');
    expect(experimentSettings(p.settings)).toMatchObject({ norms: ['group', 'bn'], groups: 4, batch: 2, width: 100, depth: 3, lr: 0.03 });
  });
});
