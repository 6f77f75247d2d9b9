import { useEffect, useRef } from 'react';
import { type ClassShape, boundaryRgba, classColor, classShape, toPixel } from './model/boundaryPixels';
import { useElementWidth } from '../ui/useElementWidth';
import type { BoundaryImage, Extent, LabPoints } from './worker/messages';

interface Props {
  label: string;
  image: BoundaryImage | null;
  resolution: number;
  extent: Extent;
  classes: number;
  points: { train: LabPoints; test: LabPoints };
}

function mark(ctx: CanvasRenderingContext2D, shape: ClassShape, x: number, y: number, r: number): void {
  ctx.beginPath();
  if (shape === 'circle') ctx.arc(x, y, r, 0, 2 * Math.PI);
  else if (shape === 'square') ctx.rect(x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r);
  else if (shape === 'triangle') {
    ctx.moveTo(x, y - 1.2 * r);
    ctx.lineTo(x + 1.1 * r, y + 0.8 * r);
    ctx.lineTo(x - 1.1 * r, y + 0.8 * r);
    ctx.closePath();
  } else if (shape === 'diamond') {
    ctx.moveTo(x, y - 1.2 * r);
    ctx.lineTo(x + 1.2 * r, y);
    ctx.lineTo(x, y + 1.2 * r);
    ctx.lineTo(x - 1.2 * r, y);
    ctx.closePath();
  } else {
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y + r);
    ctx.moveTo(x + r, y - r);
    ctx.lineTo(x - r, y + r);
  }
}

/** The points, drawn once per run and size onto their own (off-screen) canvas. */
function drawPoints(points: Props['points'], extent: Extent, size: number, dpr: number): HTMLCanvasElement {
  const layer = document.createElement('canvas');
  layer.width = layer.height = Math.round(size * dpr);
  const ctx = layer.getContext('2d');
  if (!ctx) return layer;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const r = size < 240 ? 2.6 : 3.2;
  for (const [set, filled] of [[points.train, true], [points.test, false]] as const) {
    for (let i = 0; i < set.labels.length; i++) {
      const [x, y] = toPixel(extent, size, set.xy[2 * i], set.xy[2 * i + 1]);
      const shape = classShape(set.labels[i]);
      mark(ctx, shape, x, y, r);
      ctx.lineWidth = filled ? 1 : 1.6;
      ctx.strokeStyle = filled ? 'rgba(255,255,255,0.9)' : classColor(set.labels[i]);
      if (filled && shape !== 'cross') {
        ctx.fillStyle = classColor(set.labels[i]);
        ctx.fill();
      }
      ctx.stroke();
    }
  }
  return layer;
}

/** Until its box is measured (and in the build's pre-render): the size the canvas takes once it is, at any screen width (`size` below). */
const PICTURED = { width: 'clamp(120px, 100%, 420px)', aspectRatio: '1' } as const;

/** The points' layer and what it was drawn for (it is drawn anew only when one of these changes). */
interface PointsLayer {
  readonly points: Props['points'];
  readonly extent: Extent;
  readonly size: number;
  readonly dpr: number;
  readonly layer: HTMLCanvasElement;
}

/**
 * One network's decision boundary: grid cells tinted by predicted class (faint where unsure), the
 * training points filled and the test points hollow, each class with its own marker shape. A new
 * boundary costs two image copies: the points are drawn once per run, off-screen. Each canvas paints
 * in a task of its own after React's commit, so a new run's first boundary (its points drawn anew)
 * is two short tasks, not part of the render that brought it.
 */
export function BoundaryCanvas({ label, image, resolution, extent, classes, points }: Props) {
  // 0 until measured: drawn for 280 px meanwhile, and sized by CSS (PICTURED) as it will be once measured (the page does not move when it is).
  const [box, measured] = useElementWidth<HTMLDivElement>(0);
  const width = measured > 0 ? measured : 280;
  const canvas = useRef<HTMLCanvasElement>(null);
  const cells = useRef<HTMLCanvasElement | null>(null);
  const drawn = useRef<PointsLayer | null>(null);
  const size = Math.max(120, Math.min(width, 420));
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  useEffect(() => {
    const paint = (): void => {
      const c = canvas.current;
      const ctx = c?.getContext?.('2d');
      if (!c || !ctx) return;
      const d = drawn.current;
      const layer = d && d.points === points && d.extent === extent && d.size === size && d.dpr === dpr ? d.layer : drawPoints(points, extent, size, dpr);
      drawn.current = { points, extent, size, dpr, layer };
      if (c.width !== Math.round(size * dpr)) c.width = c.height = Math.round(size * dpr);
      ctx.clearRect(0, 0, c.width, c.height);
      if (image) {
        cells.current ??= document.createElement('canvas');
        const g = cells.current;
        if (g.width !== resolution) g.width = g.height = resolution;
        g.getContext('2d')?.putImageData(new ImageData(boundaryRgba(image, classes), resolution, resolution), 0, 0);
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(g, 0, 0, c.width, c.height);
      }
      ctx.drawImage(layer, 0, 0);
    };
    const timer = setTimeout(paint, 0);
    return () => clearTimeout(timer);
  }, [image, resolution, classes, points, extent, size, dpr]);
  return (
    <div ref={box} className="lab-boundary-box">
      <canvas ref={canvas} role="img" aria-label={label} style={measured > 0 ? { width: size, height: size } : PICTURED} />
    </div>
  );
}
