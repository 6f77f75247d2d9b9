import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { parseFashionSubset } from '../../../../src';
import { ImagesSection } from '../../../../app/notebook/images/ImagesSection';
import { imagesPass } from '../../../../app/notebook/images/imagesView';
import { fmt } from '../../../../app/ui/format';
import { appStore, createAppStore } from '../../../../app/state/store';

// The committed subset, read from disk in place of the page's fetch (the same bytes the lab downloads).
const subset = parseFashionSubset(new Uint8Array(gunzipSync(readFileSync(resolve(process.cwd(), 'public/data/fashion-mnist-subset.bin.gz')))));
const load = vi.hoisted(() => ({ fail: false }));
vi.mock('../../../../app/lab/loadFashion', () => ({
  loadFashionCached: () => (load.fail ? Promise.reject(new Error('the server answered HTTP 404 for data/fashion-mnist-subset.bin.gz')) : Promise.resolve(subset)),
}));

beforeEach(() => {
  appStore.setState(Object.fromEntries(Object.entries(createAppStore().getState()).filter(([, v]) => typeof v !== 'function')));
  load.fail = false;
  // jsdom has no canvas: the drawings are skipped (checked in Chromium, tests/e2e/images.e2e.ts), their names and data are not.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

const engine = (patch = {}) => imagesPass(subset.train, 28, { n: 4, c: 4, k: 3, seed: 1, gamma: {}, beta: {}, ...patch });

test('the section shows the engine’s μ₁ and σ²₁ with m = 4 · 28 · 28 = 3,136, the block’s shape, the garments, and the map before and after', async () => {
  render(<ImagesSection />);
  const stats = await screen.findByTestId('img-stats');
  const p = engine();
  expect(stats).toHaveTextContent(`μ1 = ${fmt(p.mean[0], 4)}, σ²1 = ${fmt(p.variance[0], 4)}`);
  expect(screen.getByTestId('img-m')).toHaveTextContent('m = n · h · w = 4 · 28 · 28 = 3,136');
  expect(screen.getByRole('img', { name: /^The block z: n × C × h × w = 4 × 4 × 28 × 28\. .*Outlined: BatchNorm2d, channel 1: all 4 samples × all 28·28 positions, 3,136 values$/ })).toBeInTheDocument();
  expect(screen.getByRole('img', { name: /^Image 1, channel 1: its feature map before and after batch norm, on one colour scale/ })).toBeInTheDocument();
  expect(screen.getByTestId('img-garments')).toHaveTextContent(`1. ${subset.classNames[p.labels[0]]}`);
  expect(screen.getByTestId('img-after')).toHaveTextContent(`variance ${fmt(p.varianceAfter[0], 6)}`);
  expect(screen.getByTestId('img-one')).toHaveTextContent('Even with n = 1 (one image), BatchNorm2d would still train: each channel has m = 1 · 28 · 28 = 784 values');
});

test('choosing channel 3 and moving its γ: the store holds γ₃ alone, the numbers follow, channel 1 keeps its own γ', async () => {
  const user = userEvent.setup();
  render(<ImagesSection />);
  await screen.findByTestId('img-stats');
  const more = screen.getByRole('button', { name: 'Increase Channel highlighted' });
  await user.click(more);
  await user.click(more);
  expect(appStore.getState().imgChannel).toBe(2);
  const p = engine();
  expect(screen.getByTestId('img-stats')).toHaveTextContent(`μ3 = ${fmt(p.mean[2], 4)}`);
  await user.click(screen.getByRole('button', { name: 'Increase γ of channel 3' }));
  expect(appStore.getState().imgGamma).toEqual({ 2: 1.05 });
  const q = engine({ gamma: { 2: 1.05 } });
  await waitFor(() => expect(screen.getByTestId('img-after')).toHaveTextContent(`variance ${fmt(q.varianceAfter[2], 6)}`));
  await user.click(screen.getByRole('button', { name: 'Decrease Channel highlighted' }));
  await user.click(screen.getByRole('button', { name: 'Decrease Channel highlighted' }));
  expect(appStore.getState().imgChannel).toBe(0);
  expect(screen.getByRole('slider', { name: 'γ of channel 1' })).toHaveValue('1');
});

test('n = 1 from the slider: the message says BatchNorm2d trains on one image, with m = 784', async () => {
  appStore.getState().setImages({ imgN: 1 });
  render(<ImagesSection />);
  await waitFor(() => expect(screen.getByTestId('img-one')).toHaveTextContent(/^With n = 1 \(one image\), BatchNorm2d still trains: each channel has m = 1 · 28 · 28 = 784 values/));
  expect(screen.getByTestId('img-m')).toHaveTextContent('= 1 · 28 · 28 = 784');
});

test('a failed download is said in words with Retry, and Retry loads the images', async () => {
  load.fail = true;
  const user = userEvent.setup();
  render(<ImagesSection />);
  const status = await screen.findByRole('alert');
  expect(status).toHaveTextContent('The images could not be loaded: the server answered HTTP 404');
  load.fail = false;
  await user.click(screen.getByRole('button', { name: 'Retry' }));
  await screen.findByTestId('img-stats');
});
