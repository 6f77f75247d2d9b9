import type { Tensor4 } from '../../../src/tensor4';
import { type StatSet, divergingRgb, featureMap } from './imagesView';

/**
 * Drawing an [n, c, h, w] block on a canvas (DOM, no React): one row per sample, one column per
 * channel, each cell the feature map as a heat map on one shared colour scale; an optional first
 * column with the input images in grey; the cells of a statistic's set outlined, the others faded.
 */

/** Where everything goes, in CSS pixels. */
export interface BlockLayout {
  cell: number;
  gap: number;
  /** Left of the first channel column (after the row numbers and the input column). */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Left of the input column, or −1 without one. */
  inputLeft: number;
}

const LABEL_W = 22;
const HEADER_H = 18;
const GAP = 3;

/** The layout for n × c cells (+1 input column) in `width` and at most `maxHeight` CSS pixels. */
export function blockLayout(n: number, c: number, width: number, maxHeight: number, withInput: boolean): BlockLayout {
  const cols = c + (withInput ? 1 : 0);
  const spare = withInput ? 8 : 0;
  const byWidth = Math.floor((width - LABEL_W - spare - GAP * cols) / cols);
  const byHeight = Math.floor((maxHeight - HEADER_H - GAP * n) / n);
  const cell = Math.max(12, Math.min(96, byWidth, byHeight));
  const inputLeft = withInput ? LABEL_W : -1;
  const left = LABEL_W + (withInput ? cell + GAP + spare : 0);
  return { cell, gap: GAP, left, top: HEADER_H, width: left + c * (cell + GAP), height: HEADER_H + n * (cell + GAP), inputLeft };
}

/** A feature map's pixels, RGBA on the diverging scale [−r, r]. */
export function heatRgba(values: ArrayLike<number>, r: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let q = 0; q < values.length; q++) {
    const [R, G, B] = divergingRgb(values[q], r);
    out.set([R, G, B, 255], 4 * q);
  }
  return out;
}

/** An input image's pixels in [0, 1], RGBA grey (1 = white garment on black, as Fashion-MNIST is stored). */
export function greyRgba(values: ArrayLike<number>): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let q = 0; q < values.length; q++) {
    const g = Math.round(255 * Math.max(0, Math.min(1, values[q])));
    out.set([g, g, g, 255], 4 * q);
  }
  return out;
}

/** Draws one h × w map scaled into a square of `size` at (x, y), without smoothing. */
export function drawMap(ctx: CanvasRenderingContext2D, rgba: Uint8ClampedArray<ArrayBuffer>, h: number, w: number, x: number, y: number, size: number): void {
  const tile = document.createElement('canvas');
  tile.width = w;
  tile.height = h;
  tile.getContext('2d')?.putImageData(new ImageData(rgba, w, h), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile, x, y, size, size);
}

interface BlockPicture {
  z: Tensor4;
  x: Tensor4 | null;
  set: StatSet;
  /** The colour scale's end: values are drawn on [−r, r]. */
  r: number;
  layout: BlockLayout;
  colors: { fg: string; accent: string; bg: string };
}

/** The whole block onto a canvas already sized layout.width × layout.height CSS pixels (scaled by dpr). */
export function drawBlock(ctx: CanvasRenderingContext2D, p: BlockPicture, dpr: number): void {
  const [n, c, h, w] = p.z.shape;
  const { cell, gap, left, top, inputLeft } = p.layout;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = p.colors.bg;
  ctx.fillRect(0, 0, p.layout.width, p.layout.height);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.fillStyle = p.colors.fg;
  if (p.x && inputLeft >= 0) ctx.fillText('image', inputLeft + cell / 2, top / 2);
  for (let ch = 0; ch < c; ch++) ctx.fillText(`c${ch + 1}`, left + ch * (cell + gap) + cell / 2, top / 2);
  for (let i = 0; i < n; i++) {
    const y = top + i * (cell + gap);
    ctx.textAlign = 'right';
    ctx.fillStyle = p.colors.fg;
    ctx.fillText(String(i + 1), 18, y + cell / 2);
    if (p.x && inputLeft >= 0) drawMap(ctx, greyRgba(featureMap(p.x, i, 0)), p.x.shape[2], p.x.shape[3], inputLeft, y, cell);
    for (let ch = 0; ch < c; ch++) {
      const x = left + ch * (cell + gap);
      const inSet = p.set.cells[i]?.[ch] ?? false;
      ctx.globalAlpha = inSet ? 1 : 0.3;
      drawMap(ctx, heatRgba(featureMap(p.z, i, ch), p.r), h, w, x, y, cell);
      ctx.globalAlpha = 1;
      if (inSet) {
        ctx.strokeStyle = p.colors.accent;
        ctx.lineWidth = 2.5;
        ctx.strokeRect(x - 1, y - 1, cell + 2, cell + 2);
      }
    }
  }
}

/** The colour scale as a horizontal bar from −r to r, at (x, y), `width` × `height`. */
export function drawScale(ctx: CanvasRenderingContext2D, r: number, x: number, y: number, width: number, height: number): void {
  const steps = Math.max(2, Math.round(width));
  const values = Float64Array.from({ length: steps }, (_, i) => -r + (2 * r * i) / (steps - 1));
  drawStrip(ctx, heatRgba(values, r), steps, x, y, width, height);
}

function drawStrip(ctx: CanvasRenderingContext2D, rgba: Uint8ClampedArray<ArrayBuffer>, steps: number, x: number, y: number, width: number, height: number): void {
  const tile = document.createElement('canvas');
  tile.width = steps;
  tile.height = 1;
  tile.getContext('2d')?.putImageData(new ImageData(rgba, steps, 1), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile, x, y, width, height);
}
