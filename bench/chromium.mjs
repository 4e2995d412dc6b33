// Debian's Chromium (or $CHROMIUM), headless, as every browser benchmark launches it: no sandbox,
// GPU, QUIC or background networking, so that the figures measure the page and nothing else.
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';

export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches the browser (playwright-core). */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
}
