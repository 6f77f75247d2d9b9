import { useEffect, useRef } from 'react';
import type { Tensor4 } from '../../../src/tensor4';
import { ChartBox } from '../../ui/ChartBox';
import type { ExportTable } from '../../ui/export/table';
import { useAppState } from '../../state/store';
import { blockLayout, drawBlock } from './blockCanvas';
import type { StatSet } from './imagesView';

interface Props {
  /** The block [n, c, h, w] drawn as a grid of heat maps. */
  z: Tensor4;
  /** The inputs [n, 1, H, W], drawn as a first column in grey, or null. */
  x: Tensor4 | null;
  /** Which cells one statistic is taken over: outlined, the rest faded. */
  set: StatSet;
  /** Every cell's colour scale runs from −r to r. */
  r: number;
  /** Accessible name, and the name of its data table and downloads. */
  label: string;
  title: string;
  caption: React.ReactNode;
  data: () => ExportTable;
  config: Record<string, unknown>;
  /** The tallest the grid may be, in CSS pixels (a presentation step has less room). */
  maxHeight: number;
}

/** The canvas's colours, resolved from the page's theme (see images.css). */
function colorsOf(el: HTMLElement) {
  const s = getComputedStyle(el);
  return { fg: s.color, accent: s.outlineColor, bg: s.backgroundColor };
}

function BlockCanvas({ width, ...p }: Props & { width: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useAppState((s) => s.theme);
  const [n, c] = p.z.shape;
  const layout = blockLayout(n, c, width, p.maxHeight, p.x !== null);
  useEffect(() => {
    const el = ref.current;
    const ctx = el?.getContext?.('2d');
    if (!el || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(layout.width * dpr);
    el.height = Math.round(layout.height * dpr);
    drawBlock(ctx, { z: p.z, x: p.x, set: p.set, r: p.r, layout, colors: colorsOf(el) }, dpr);
  }, [p.z, p.x, p.set, p.r, layout.width, layout.height, layout.cell, theme]); // eslint-disable-line react-hooks/exhaustive-deps
  return <canvas ref={ref} className="img-canvas" role="img" aria-label={p.label} style={{ width: layout.width, height: layout.height }} />;
}

/** An [n, c, h, w] block as a grid (rows: samples, columns: channels) with one statistic's set highlighted. */
export function BlockGrid(props: Props) {
  return (
    <ChartBox label={props.label} title={props.title} caption={props.caption} data={props.data} config={props.config}>
      {(width) => <BlockCanvas {...props} width={width} />}
    </ChartBox>
  );
}
