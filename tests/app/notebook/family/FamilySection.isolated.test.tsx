import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { parseFashionSubset } from '../../../../src';
import { FamilySection } from '../../../../app/notebook/family/FamilySection';
import { type FamilySettings, familyBase, familyPass } from '../../../../app/notebook/family/familyView';
import { tokensPass } from '../../../../app/notebook/family/tokensView';
import { fmt } from '../../../../app/ui/format';
import { appStore, createAppStore } from '../../../../app/state/store';

// The committed subset, read from disk in place of the page's fetch.
const subset = parseFashionSubset(new Uint8Array(gunzipSync(readFileSync(resolve(process.cwd(), 'public/data/fashion-mnist-subset.bin.gz')))));
vi.mock('../../../../app/lab/loadFashion', () => ({ loadFashionCached: () => Promise.resolve(subset) }));

beforeEach(() => {
  appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function')));
  // jsdom has no canvas: the drawing is skipped (checked in Chromium), its name and data are not.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

const engine = (patch: Partial<FamilySettings> = {}) => {
  const { seed, ...s } = { norm: 'bn' as const, groups: 2, channel: 0, swap: 3, seed: 1, ...patch };
  return familyPass(familyBase(subset.train, 28, seed), s);
};

test('BN by default: the block with channel 1’s set, the engine’s μ and σ² over 4 · 784 values, and the two consequences in numbers', async () => {
  render(<FamilySection />);
  const stats = await screen.findByTestId('fam-stats');
  const p = engine();
  if ('refused' in p.stats) throw new Error('refused');
  expect(stats).toHaveTextContent(`BatchNorm: μ = ${fmt(p.stats.mean, 4)}, σ² = ${fmt(p.stats.variance, 4)}, over 3,136 values`);
  expect(screen.getByRole('img', { name: /^The block z: n × c × h × w = 4 × 8 × 28 × 28\. .*Outlined: BatchNorm, channel 1: all 4 samples/ })).toBeInTheDocument();
  expect(screen.getByTestId('fam-swap')).toHaveTextContent(`BatchNorm ${fmt(p.swapDelta.bn as number, 3)}, LayerNorm 0 (exactly), InstanceNorm 0 (exactly), GroupNorm (G = 2) 0 (exactly)`);
  expect(screen.getByTestId('fam-mode')).toHaveTextContent(`differ by up to ${fmt(p.modeDelta.bn as number, 3)}`);
  expect(screen.getByTestId('fam-tokens-delta')).toHaveTextContent(`LayerNorm 0 (exactly), RMSNorm 0 (exactly). BatchNorm over the tokens (per feature, over the sequence) would change token 1's output by up to ${fmt(tokensPass(1, 4).bnDelta, 3)}`);
  expect(screen.getByTestId('fam-uses').querySelectorAll('tbody tr')).toHaveLength(5);
});

test('GroupNorm: G = 2 outlines channels 1–4 of sample 1; G = 3 shows PyTorch’s message; the choice is in the store', async () => {
  const user = userEvent.setup();
  render(<FamilySection />);
  await screen.findByTestId('fam-stats');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Normalization' }), 'GroupNorm');
  expect(appStore.getState().famNorm).toBe('group');
  const st = engine({ norm: 'group' }).stats;
  const mean = 'refused' in st ? NaN : st.mean;
  await waitFor(() => expect(screen.getByTestId('fam-stats')).toHaveTextContent(`GroupNorm: μ = ${fmt(mean, 4)}`));
  expect(screen.getByRole('img', { name: /group 1 of 2 \(channels 1–4\)/ })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: "Increase GroupNorm's groups G" }));
  expect(appStore.getState().famGroups).toBe(3);
  await waitFor(() => expect(screen.getByTestId('fam-stats')).toHaveTextContent('num_channels must be divisible by num_groups (num_channels=8, num_groups=3)'));
});

test('replacing sample 2 instead of 4 and 6 tokens: the store and the words follow', async () => {
  const user = userEvent.setup();
  render(<FamilySection />);
  await screen.findByTestId('fam-swap');
  const fewer = screen.getByRole('button', { name: 'Decrease Sample replaced (not sample 1)' });
  await user.click(fewer);
  await user.click(fewer);
  expect(appStore.getState().famSwap).toBe(1);
  await waitFor(() => expect(screen.getByTestId('fam-swap')).toHaveTextContent(/^Sample 2 \(/));
  await user.click(screen.getByRole('button', { name: 'Increase Tokens in the sequence, T' }));
  await user.click(screen.getByRole('button', { name: 'Increase Tokens in the sequence, T' }));
  expect(appStore.getState().famTokens).toBe(6);
  expect(screen.getByRole('region', { name: "The 6 tokens, 6 features each, and each token's statistics" })).toBeInTheDocument();
});
