import { expect, test } from 'vitest';
import { fluidPlots } from '../../../app/prerender/fluidPlots';

test('a pre-rendered plot of fixed size gets the viewBox of that size and the mark; one with a viewBox keeps it; other SVGs (KaTeX’s, icons) are left alone', () => {
  const html = [
    '<svg width="640" height="118" role="group" class="plot-svg">',
    '<svg class="recharts-surface" width="560.5" height="220" style="width:100%">',
    '<svg class="quantile-chart series-bn" width="560" height="180">',
    '<svg width="400em" height="1.08em" viewBox="0 0 400000 1080" preserveAspectRatio="xMinYMin slice">',
    '<svg width="16" height="16" class="icon">',
    '<svg class="plot-svg" width="100%">',
    '<svg class="quantile-chart" width="560" height="220" viewBox="0 0 560 220">',
  ].join('');
  expect(fluidPlots(html)).toBe(
    [
      '<svg width="640" height="118" role="group" class="plot-svg" viewBox="0 0 640 118" data-still-svg="">',
      '<svg class="recharts-surface" width="560.5" height="220" style="width:100%" viewBox="0 0 560.5 220" data-still-svg="">',
      '<svg class="quantile-chart series-bn" width="560" height="180" viewBox="0 0 560 180" data-still-svg="">',
      '<svg width="400em" height="1.08em" viewBox="0 0 400000 1080" preserveAspectRatio="xMinYMin slice">',
      '<svg width="16" height="16" class="icon">',
      '<svg class="plot-svg" width="100%">',
      '<svg class="quantile-chart" width="560" height="220" viewBox="0 0 560 220" data-still-svg="">',
    ].join(''),
  );
});
