// Regenerates docs/screenshot.png (the README's picture): the page checking the bundled sample.
//   node tools/screenshot.mjs        (after bash scripts/build-web.sh)
// The picture is then made smaller with pngquant when it is installed (apt-get install pngquant).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { start } from '../tests/e2e/lib/harness.mjs';

const out = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));
const env = await start();
try {
  const page = await env.open();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.click('#sample');
  await page.waitForSelector('#results td.culprit');
  await page.evaluate(() => window.scrollTo(0, 0));
  // Point at the culprit cell without scrolling, so that the popover explains it.
  const box = await page.locator('#results td.culprit').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('#popover:not([hidden])');
  await page.screenshot({ path: out });
  try {
    execFileSync('pngquant', ['--quality', '70-95', '--speed', '1', '--force', '--output', out, out]);
  } catch {
    console.log('pngquant not available: the picture stays full-colour');
  }
  console.log(`wrote ${out}`);
} finally {
  await env.close();
}
