import { useEffect, useRef } from 'react';
import { type ClassShape, boundaryRgba, classColor, classShape, toPixel } from '../lib/boundaryPixels';
import { useElementWidth } from '../lib/useElementWidth';
import type { BoundaryImage, Extent, LabPoints } from '../worker/messages';

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

/**
 * One network's decision boundary: grid cells tinted by predicted class (faint where unsure), the
 * training points filled and the test points hollow, each class with its own marker shape.
 */
export function BoundaryCanvas({ label, image, resolution, extent, classes, points }: Props) {
  const [box, width] = useElementWidth<HTMLDivElement>(280);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = Math.max(120, Math.min(width, 420));
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext?.('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(size * dpr);
    c.height = Math.round(size * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size, size);
    if (image) {
      const cells = document.createElement('canvas');
      cells.width = cells.height = resolution;
      cells.getContext('2d')?.putImageData(new ImageData(boundaryRgba(image, classes), resolution, resolution), 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(cells, 0, 0, size, size);
    }
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
  }, [image, resolution, extent, classes, points, size]);
  return (
    <div ref={box} className="lab-boundary-box">
      <canvas ref={canvas} role="img" aria-label={label} style={{ width: size, height: size }} />
    </div>
  );
}
