import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../../../app/state/url/parse';
import { serializeQuery } from '../../../../app/state/url/serialize';
import { defaultValues } from '../../../../app/state/url/table';

/** The rows of “Batch norm for images” (app/state/slices/images.ts): read, clamped, refused, written back. */
describe('img-* rows', () => {
  test('a link’s settings are read as written: n, c, k, seed, channel and image from 1, γ and β per channel', () => {
    const { values, notices } = parseQuery('img-n=8&img-c=6&img-k=5&img-seed=42&img-ch=3&img-sample=2&img-gamma=3:2.5,1:0.5&img-beta=3:-1');
    expect(notices).toEqual([]);
    expect(values).toMatchObject({ imgN: 8, imgC: 6, imgK: 5, imgSeed: 42, imgChannel: 2, imgSample: 1, imgGamma: { 2: 2.5, 0: 0.5 }, imgBeta: { 2: -1 } });
  });

  test('written back: only what differs from the defaults, channels from 1', () => {
    const q = serializeQuery({ ...defaultValues(), imgN: 1, imgChannel: 2, imgGamma: { 2: 1.5 } });
    expect(q).toContain('img-n=1');
    expect(q).toContain('img-ch=3');
    expect(q).toContain('img-gamma=3:1.5');
    expect(q).not.toContain('img-c=');
    expect(parseQuery(q).values).toMatchObject({ imgN: 1, imgChannel: 2, imgGamma: { 2: 1.5 } });
  });

  test('what cannot be (0 channels, a kernel of 40 on 28 × 28 images, no images) gives the default and says why', () => {
    const { values, notices } = parseQuery('img-c=0&img-k=40&img-n=0');
    expect(values).toMatchObject({ imgC: 4, imgK: 3, imgN: 4 });
    expect(notices).toEqual([
      'img-c=“0”: a convolution needs at least one output channel; using the default, 4.',
      'img-k=“40”: a kernel must be at least 1 × 1 and no larger than the 28 × 28 images; using the default, 3.',
      'img-n=“0”: a batch needs at least one image; using the default, 4.',
    ]);
  });

  test('what the controls do not offer is clamped with a notice: 12 channels → 8, kernel 9 → 7, 40 images → 16; a channel past 8 in γ is dropped, naming it a channel', () => {
    const { values, notices } = parseQuery('img-c=12&img-k=9&img-n=40&img-gamma=9:2,2:7');
    expect(values).toMatchObject({ imgC: 8, imgK: 7, imgN: 16, imgGamma: { 1: 3 } });
    expect(notices).toContain('img-c=“12” is above the largest allowed value; using 8.');
    expect(notices).toContain('img-k=“9” is above the largest allowed value; using 7.');
    expect(notices).toContain('img-gamma: there is no channel 9 (channels are 1 to 8); it was ignored.');
    expect(notices).toContain('img-gamma: channel 2 = “7” is out of range; using 3.');
  });
});
