import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface LighthouseScores {
  preset: 'mobile' | 'desktop';
  performance: number;
  accessibility: number;
  /** A few metrics behind the performance score, in ms (simulated throttling, Lighthouse's defaults). */
  fcp: number;
  lcp: number;
  tbt: number;
  /** Accessibility audits that failed, by id. */
  failedA11y: string[];
}

/**
 * Lighthouse (npm `lighthouse`) against `url` in the system Chromium: performance and accessibility,
 * with the mobile defaults (simulated slow 4G, 4× CPU slowdown) or the desktop preset.
 */
export async function runLighthouse(url: string, chromePath: string, preset: 'mobile' | 'desktop'): Promise<LighthouseScores> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    logLevel: 'silent',
  });
  try {
    const desktop = preset === 'desktop';
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
      desktop
        ? {
            extends: 'lighthouse:default',
            settings: {
              formFactor: 'desktop',
              screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
              throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 },
            },
          }
        : undefined,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
    const score = (id: string) => Math.round((categories[id]?.score ?? Number.NaN) * 100);
    const ms = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    const failedA11y = (categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0)
      .map((ref) => ref.id);
    return {
      preset,
      performance: score('performance'),
      accessibility: score('accessibility'),
      fcp: ms('first-contentful-paint'),
      lcp: ms('largest-contentful-paint'),
      tbt: ms('total-blocking-time'),
      failedA11y,
    };
  } finally {
    chrome.kill();
  }
}
