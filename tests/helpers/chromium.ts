/**
 * Debian's Chromium and the flags it needs here (root, no GPU, no network
 * beyond loopback), shared by Playwright, the UI benchmark and Lighthouse.
 * Never `npx playwright install`: scripts/e2e.mjs installs the Debian package.
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
