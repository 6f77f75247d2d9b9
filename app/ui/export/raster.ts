/**
 * PNG files of charts, in the browser: an <svg> is drawn (as its standalone SVG text) onto a canvas at
 * `scale`× its size for a crisp image; a <canvas> chart is copied as it is. Needs a real browser
 * (Image decoding, canvas.toBlob); checked end to end in tests/e2e/export.e2e.ts.
 */

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the chart as PNG'))), 'image/png'),
  );
}

/** Rasterizes standalone SVG text (from serializeSvg) of CSS size width × height. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas to draw the chart on');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await toBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas chart as PNG, at its backing-store resolution. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return toBlob(canvas);
}
