import type { VariantName } from '../../src/train';
import type { LineRole } from './model/labCharts';

/** Colour by network, dash by network (so colour is never the only cue), width and opacity by role. */
export const VARIANT_COLOR: Readonly<Record<VariantName, string>> = { plain: 'var(--without-bn)', bn: 'var(--with-bn)' };
export const VARIANT_DASH: Readonly<Record<VariantName, string | undefined>> = { plain: '7 4', bn: undefined };

const ROLE: Readonly<Record<LineRole, { width: number; opacity: number }>> = {
  train: { width: 1.2, opacity: 0.45 },
  test: { width: 2.6, opacity: 1 },
  q15: { width: 1.3, opacity: 0.8 },
  q50: { width: 2.6, opacity: 1 },
  q85: { width: 1.3, opacity: 0.8 },
  grad: { width: 2, opacity: 1 },
};

/** The previous run's lines (model/ghost.ts): the network's colour and dash, wide and faint, under the current run's. */
export const GHOST = { width: 3, opacity: 0.35 } as const;

export function lineStyle(variant: VariantName, role: LineRole, ghost = false) {
  return {
    stroke: VARIANT_COLOR[variant],
    strokeDasharray: VARIANT_DASH[variant],
    strokeWidth: ghost ? GHOST.width : ROLE[role].width,
    strokeOpacity: ghost ? GHOST.opacity : ROLE[role].opacity,
  };
}
