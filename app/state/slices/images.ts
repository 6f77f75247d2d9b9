import type { StateCreator } from 'zustand/vanilla';
import { defaultsOf, type Points, type PropsTable } from '../props';

/** The largest batch, number of channels and kernel the section “Batch norm for images” offers. */
export const IMG_N_MAX = 16;
export const IMG_C_MAX = 8;
export const IMG_K_MAX = 7;
/** The Fashion-MNIST images' side: a kernel larger than that is not a setting but a mistake. */
const IMAGE_SIDE = 28;
/** γ_c and β_c: the range of their sliders and of the URL. */
export const IMG_GAMMA_RANGE = { min: -3, max: 3 } as const;
export const IMG_BETA_RANGE = { min: -3, max: 3 } as const;

/** Batch norm for images: a batch of Fashion-MNIST images through one convolution 1 → c and BatchNorm2d. */
export interface ImagesData {
  /** Images in the batch, n. */
  imgN: number;
  /** The convolution's output channels, c. */
  imgC: number;
  /** Its kernel size k (k × k, zero padding ⌊k/2⌋). */
  imgK: number;
  /** Seed of the images drawn and the convolution's weights. */
  imgSeed: number;
  /** The channel whose statistic is highlighted (0-based; past the last channel: the last). */
  imgChannel: number;
  /** The sample whose feature map is shown before and after BN (0-based; past the last: the last). */
  imgSample: number;
  /** γ_c per channel where it is not 1 (channel index → γ). */
  imgGamma: Points;
  /** β_c per channel where it is not 0. */
  imgBeta: Points;
}

export interface ImagesSlice extends ImagesData {
  setImages: (patch: Partial<ImagesData>) => void;
}

/** Its props (see ../props.ts); the URL clamps what the sliders do not offer, and refuses what cannot be. */
export const IMAGES_PROPS = {
  imgN: { kind: 'number', param: 'img-n', default: 4, min: 1, max: IMG_N_MAX, integer: true, step: 1, coalesce: false, label: 'Images n', invalid: { below: 1, why: 'a batch needs at least one image' } },
  imgC: { kind: 'number', param: 'img-c', default: 4, min: 1, max: IMG_C_MAX, integer: true, step: 1, coalesce: false, label: 'Channels c', invalid: { below: 1, why: 'a convolution needs at least one output channel' } },
  imgK: {
    kind: 'number', param: 'img-k', default: 3, min: 1, max: IMG_K_MAX, integer: true, step: 1, coalesce: false, label: 'Kernel k',
    invalid: { below: 1, above: IMAGE_SIDE, why: `a kernel must be at least 1 × 1 and no larger than the ${IMAGE_SIDE} × ${IMAGE_SIDE} images` },
  },
  imgSeed: { kind: 'number', param: 'img-seed', default: 1, min: 0, max: 2 ** 32 - 1, integer: true, step: 1, coalesce: false, label: 'Seed' },
  imgChannel: { kind: 'number', param: 'img-ch', default: 0, min: 0, max: IMG_C_MAX - 1, integer: true, oneBased: true, coalesce: false, label: 'Channel' },
  imgSample: { kind: 'number', param: 'img-sample', default: 0, min: 0, max: IMG_N_MAX - 1, integer: true, oneBased: true, coalesce: false, label: 'Image' },
  imgGamma: { kind: 'points', param: 'img-gamma', default: Object.freeze({}), maxIndex: IMG_C_MAX - 1, ...IMG_GAMMA_RANGE, noun: 'channel' },
  imgBeta: { kind: 'points', param: 'img-beta', default: Object.freeze({}), maxIndex: IMG_C_MAX - 1, ...IMG_BETA_RANGE, noun: 'channel' },
} as const satisfies PropsTable<ImagesData>;

export const imagesSlice: StateCreator<ImagesSlice> = (set) => ({
  ...defaultsOf<ImagesData>(IMAGES_PROPS),
  setImages: (patch) => set(patch),
});
