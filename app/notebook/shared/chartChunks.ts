import { codeChunk } from '../codeChunk';

/**
 * The chunks of the Recharts charts of sections 14 and 15 (lazyCharts.tsx): Recharts is a large library, and
 * the notebook's text and equations should not wait for it. Their sections fetch them as they go live
 * (networkSections.ts), so a chart draws without suspending.
 */
export const runningChart = codeChunk(() => import('../inference/RunningStatsChart'));
export const scaleChart = codeChunk(() => import('../why-it-works/ScaleChart'));
export const landscapeChart = codeChunk(() => import('../why-it-works/LandscapeChart'));
