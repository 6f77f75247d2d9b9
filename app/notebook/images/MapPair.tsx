import { useEffect, useRef } from 'react';
import { ChartBox } from '../../ui/ChartBox';
import { fmt } from '../../ui/format';
import { useAppState } from '../../state/store';
import { drawMap, drawScale, heatRgba } from './blockCanvas';
import { type ImagesPass, absMax, featureMap, mapTable } from './imagesView';

interface Props {
  pass: ImagesPass;
  sample: number;
  channel: number;
  /** The largest a map may be, in CSS pixels. */
  maxSize?: number;
}

const GAP = 16;
const SCALE_H = 40;

/** The two maps on one colour scale, and the scale with its ends and 0, drawn on one canvas. */
function PairCanvas({ width, pass, sample, channel, maxSize = 224 }: Props & { width: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useAppState((s) => s.theme);
  const [, , h, w] = pass.z.shape;
  const before = featureMap(pass.z, sample, channel);
  const after = featureMap(pass.y, sample, channel);
  const r = Math.max(absMax(before), absMax(after));
  const size = Math.max(84, Math.min(maxSize, Math.floor((width - GAP) / 2)));
  const W = 2 * size + GAP, H = size + 18 + SCALE_H;
  useEffect(() => {
    const el = ref.current;
    const ctx = el?.getContext?.('2d');
    if (!el || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(W * dpr);
    el.height = Math.round(H * dpr);
    const s = getComputedStyle(el);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = s.backgroundColor;
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = s.color;
    ctx.font = '13px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    ctx.fillText('before BN (conv output)', size / 2, 8);
    ctx.fillText('after BN', size + GAP + size / 2, 8);
    drawMap(ctx, heatRgba(before, r), h, w, 0, 18, size);
    drawMap(ctx, heatRgba(after, r), h, w, size + GAP, 18, size);
    const top = size + 24;
    drawScale(ctx, r, 0, top, W, 12);
    ctx.fillStyle = s.color;
    ctx.textAlign = 'left';
    ctx.fillText(fmt(-r, 3), 0, top + 24);
    ctx.textAlign = 'center';
    ctx.fillText('0', W / 2, top + 24);
    ctx.textAlign = 'right';
    ctx.fillText(fmt(r, 3), W, top + 24);
  }, [before, after, r, h, w, size, W, H, theme]);
  const label = `Image ${sample + 1}, channel ${channel + 1}: its feature map before and after batch norm, on one colour scale from ${fmt(-r, 3)} to ${fmt(r, 3)}`;
  return <canvas ref={ref} className="img-canvas" role="img" aria-label={label} style={{ width: W, height: H }} />;
}

/** One feature map before and after BN side by side, one colour scale for both (stated), its numbers for download. */
export function MapPair(props: Props) {
  const { pass, sample, channel } = props;
  const r = Math.max(absMax(featureMap(pass.z, sample, channel)), absMax(featureMap(pass.y, sample, channel)));
  const title = `Image ${sample + 1}, channel ${channel + 1}: before and after BN`;
  return (
    <ChartBox
      label={title}
      title={title}
      data={() => mapTable(pass, sample, channel)}
      config={{ ...pass.settings, sample: sample + 1, channel: channel + 1 }}
      caption={<>Both maps on the same colour scale, −{fmt(r, 3)} (blue) … 0 (white) … {fmt(r, 3)} (red): the larger |value| of the two maps.</>}
    >
      {(width) => <PairCanvas {...props} width={width} />}
    </ChartBox>
  );
}
