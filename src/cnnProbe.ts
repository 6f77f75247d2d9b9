import type { Cnn } from './cnn';
import { type CnnWorkspace, cnnForward } from './cnnPass';
import type { Dataset } from './datasets';
import { EngineError, checkInteger } from './errors';
import { quantiles } from './quantiles';
import { createRng, shuffleInPlace } from './rng';
import { type Tensor4, zeros4 } from './tensor4';
import { PROBE_QUANTILES, type UnitQuantiles, streamSeed } from './train';

/**
 * The CNN's per-channel probe, the analogue of train.ts's per-unit one (Ioffe & Szegedy 2015,
 * Fig. 1 b–c): a fixed batch of training images is run through the network in train mode (BN uses
 * the probe batch's own statistics; the running statistics are left alone), and for one output
 * channel of every convolution block the 15/50/85 % quantiles are taken over all of that channel's
 * n·h·w values of its input to ReLU: the BatchNorm2d output with BN, the convolution's output (bias
 * included) without. With BN, `preBn` holds the same quantiles of the convolution's output, BN's input.
 */

/** Images in the CNN's probe batch (fewer than the MLP's 256 rows: each gives h·w values per channel). */
export const CNN_PROBE_SIZE = 64;

/**
 * The probe batch: `size` training images (at most all of them), picked by the seed's probe stream as
 * train.ts picks the MLP's probe rows, as [size, 1, side, side].
 */
export function cnnProbeBatch(train: Dataset, side: number, seed: number, size = CNN_PROBE_SIZE): Tensor4 {
  checkInteger('probe size', size, 2);
  const n = train.x.rows, d = train.x.cols, rows = Math.min(size, n);
  if (d !== side * side) throw new EngineError('shape', `a probe of ${side} × ${side} images needs ${side * side} pixels per row, got ${d}`);
  const picked = shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), createRng(streamSeed(seed, 2))).subarray(0, rows);
  const probe = zeros4([rows, 1, side, side]);
  picked.forEach((r, i) => probe.data.set(train.x.data.subarray(r * d, (r + 1) * d), i * d));
  return probe;
}

/** Scratch for one channel's values and the quantiles (reused: no allocation after the first call). */
export interface ChannelScratch {
  values: Float64Array;
  readonly out: Float64Array;
}

export const createChannelScratch = (): ChannelScratch => ({ values: new Float64Array(0), out: new Float64Array(PROBE_QUANTILES.length) });

/** Quantiles of channel `channel` of x [n, C, h, w] over its n·h·w values. */
function channelQuantiles(x: Tensor4, channel: number, s: ChannelScratch): { q15: number; q50: number; q85: number } {
  const [n, C, h, w] = x.shape, hw = h * w;
  if (s.values.length !== n * hw) s.values = new Float64Array(n * hw);
  for (let i = 0; i < n; i++) s.values.set(x.data.subarray((i * C + channel) * hw, (i * C + channel + 1) * hw), i * hw);
  const q = quantiles(s.values, PROBE_QUANTILES, s.out, s.values);
  return { q15: q[0], q50: q[1], q85: q[2] };
}

/**
 * Runs the probe batch through `model` (train mode, running statistics untouched) and returns, per
 * convolution block, the quantiles of channel `channel`'s input to ReLU (`layer` = the block, `unit`
 * = the channel, 0-based). @throws EngineError for a channel a block does not have.
 */
export function cnnChannelQuantiles(model: Cnn, probe: Tensor4, ws: CnnWorkspace, channel: number, scratch: ChannelScratch = createChannelScratch()): UnitQuantiles[] {
  const narrowest = Math.min(...model.config.channels);
  checkInteger('probe channel', channel, 0);
  if (channel >= narrowest) throw new EngineError('config', `probe channel ${channel} does not exist in a block of ${narrowest} channels`);
  cnnForward(model, probe, ws, 'train', false);
  return model.blocks.map((b, i) => {
    const rec = ws.blocks[i];
    if (!rec.conv) throw new EngineError('config', 'the probe pass left no record');
    const conv = channelQuantiles(rec.conv.y, channel, scratch);
    if (!b.bn || !rec.bn) return { layer: b.index, unit: channel, ...conv, preBn: null };
    return { layer: b.index, unit: channel, ...channelQuantiles(rec.bn.y, channel, scratch), preBn: conv };
  });
}
