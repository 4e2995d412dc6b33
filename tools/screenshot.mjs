// Regenerates the README's pictures: docs/screenshot.png (1280 px: the page checking the bundled
// sample, the culprit's popover shown) and docs/screenshot-phone.png (390 px: a batch of three
// reports, the summary as stacked rows, then 查看问题 — the first report's findings).
//   node tools/screenshot.mjs        (after bash scripts/build-web.sh)
// The pictures are then made smaller with pngquant when it is installed (apt-get install pngquant).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { start, dropFiles, seed, WWW } from '../tests/e2e/lib/harness.mjs';

const out = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));
const phone = fileURLToPath(new URL('../docs/screenshot-phone.png', import.meta.url));
const shrink = (file) => {
  try {
    execFileSync('pngquant', ['--quality', '70-95', '--speed', '1', '--force', '--output', file, file]);
  } catch {
    console.log('pngquant not available: the picture stays full-colour');
  }
};
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
  shrink(out);
  console.log(`wrote ${out}`);

  const small = await env.open();
  await small.setViewportSize({ width: 390, height: 844 });
  await dropFiles(small, [
    { name: '示例报告（含错误）.docx', bytes: readFileSync(`${WWW}/samples/sample-with-errors.docx`) },
    { name: '繁峙县卫健体育局2021年报.docx', bytes: seed(0) },
    { name: '阿合奇县卫健委2021年报.docx', bytes: seed(1) },
  ]);
  await small.waitForFunction(() => document.querySelector('nianbao-check').dataset.verdict === 'error');
  await small.locator('.overview').scrollIntoViewIfNeeded();
  await small.evaluate(() => document.querySelector('nianbao-check').shadowRoot.querySelector('.overview').scrollIntoView({ block: 'start' }));
  await small.screenshot({ path: phone });
  shrink(phone);
  console.log(`wrote ${phone}`);
} finally {
  await env.close();
}
