import type { BoundaryImage, Extent } from '../worker/messages';

/**
 * Colours and geometry of the decision-boundary canvases. Class colours stay away from the
 * blue/orange of the with/without-BN pair, and points also differ by marker shape, so colour is
 * never the only cue.
 */
export const CLASS_COLORS: readonly (readonly [number, number, number])[] = [
  [118, 42, 131], // purple
  [27, 120, 55], // green
  [191, 129, 45], // ochre
  [77, 77, 77], // grey
  [197, 27, 125], // magenta
  [1, 102, 94], // teal
  [140, 81, 10], // brown
  [153, 112, 171], // lilac
  [90, 174, 97], // light green
  [0, 0, 0], // black
];
export const CLASS_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
export type ClassShape = (typeof CLASS_SHAPES)[number];

export const classColor = (k: number): string => `rgb(${CLASS_COLORS[k % CLASS_COLORS.length].join(' ')})`;
export const classShape = (k: number): ClassShape => CLASS_SHAPES[k % CLASS_SHAPES.length];

/** Alpha of a cell: faint where the network hesitates (max probability 1/classes), strong where sure. */
export function cellAlpha(confidence255: number, classes: number): number {
  const chance = 1 / classes;
  const sure = Math.min(1, Math.max(0, (confidence255 / 255 - chance) / (1 - chance)));
  return 0.12 + 0.5 * sure;
}

/** RGBA pixels (one per grid cell, row-major from the top) for a canvas ImageData of resolution². */
export function boundaryRgba(image: BoundaryImage, classes: number): Uint8ClampedArray<ArrayBuffer> {
  const n = image.classes.length;
  const out = new Uint8ClampedArray(new ArrayBuffer(4 * n));
  for (let i = 0; i < n; i++) {
    const [r, g, b] = CLASS_COLORS[image.classes[i] % CLASS_COLORS.length];
    out[4 * i] = r;
    out[4 * i + 1] = g;
    out[4 * i + 2] = b;
    out[4 * i + 3] = Math.round(255 * cellAlpha(image.confidence[i], classes));
  }
  return out;
}

/** Data coordinates → pixel position on a size × size canvas showing `extent` (y up). */
export function toPixel(extent: Extent, size: number, x: number, y: number): [number, number] {
  return [((x - extent.x0) / (extent.x1 - extent.x0)) * size, ((extent.y1 - y) / (extent.y1 - extent.y0)) * size];
}
