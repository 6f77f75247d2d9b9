import type { LaunchOptions } from 'playwright-core';

/**
 * Debian's Chromium (or $CHROMIUM_PATH), headless, with the flags this closed network needs (no
 * background or component traffic). Kept free of Vitest so the global set-up can use it too.
 */
export const CHROMIUM: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
};
