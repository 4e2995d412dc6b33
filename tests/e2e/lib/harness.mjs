// Shared set-up for the end-to-end tests: the static server on a free port, headless Chromium
// (/usr/bin/chromium through playwright-core) with a fresh profile, fixture files, screenshots.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../../../tools/node_modules/playwright-core/index.mjs';
import { serve } from '../../../tools/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WWW = join(ROOT, 'www');
export const SHOTS = join(ROOT, 'test-output', 'screenshots');
export const seed = (n) => readFileSync(join(ROOT, `tests/fixtures/samples/seed_00${n}.docx`));

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts the server (of www/, or of `root`: a minified copy made by tools/minify.mjs) and the
 * browser; returns helpers. Call close() when done.
 */
export async function start({ root = WWW } = {}) {
  if (!existsSync(join(WWW, 'pkg', 'nianbao_bg.wasm'))) {
    throw new Error('www/pkg is missing: run bash scripts/build-web.sh first');
  }
  const { server, url } = await serve({ root: root + '/', port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
  });
  mkdirSync(SHOTS, { recursive: true });
  const origin = new URL(url).origin;
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));

  /** A fresh tab on the page, ready to check; collects page errors and console errors. */
  async function open(path = '') {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.problems = problems;
    await page.goto(url + path);
    await page.waitForSelector('body[data-ready="1"]');
    return page;
  }

  async function close() {
    await context.close();
    await new Promise((r) => server.close(r));
    rmSync(profile, { recursive: true, force: true });
  }

  /** Every request went to this server, for a file that exists under www/. */
  function foreignRequests(list = requests) {
    return list.filter((u) => {
      const p = new URL(u);
      if (p.origin !== origin) return true;
      let path = decodeURIComponent(p.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = join(root, path);
      return !file.startsWith(root + '/') || !existsSync(file) || !statSync(file).isFile();
    });
  }

  return { url, origin, context, open, close, requests, foreignRequests };
}

export const shot = (page, name, fullPage = false) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

/** Drops files on the drop zone with a page-built DataTransfer. files: [{name, bytes}]. */
export async function dropFiles(page, files, target = '#drop') {
  const payload = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }));
  return page.evaluate(({ payload, target }) => {
    const dt = new DataTransfer();
    for (const { name, b64 } of payload) {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], name));
    }
    const el = document.querySelector(target) ?? document.querySelector('nianbao-check')?.shadowRoot?.querySelector(target);
    const t0 = performance.now();
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
    window.__dropAt = t0;
    return t0;
  }, { payload, target });
}

/** Picks files through the file input. files: [{name, bytes}]. */
export async function pickFiles(page, files) {
  await page.setInputFiles('#picker', files.map((f) => ({
    name: f.name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(f.bytes),
  })));
}

/** Waits until `n` result cards are drawn and returns their summaries. */
export async function cards(page, n) {
  await page.waitForFunction((n) => (document.querySelector('nianbao-check')?.shadowRoot ?? document)
    .querySelectorAll('#results .file-card').length >= n, n);
  return page.$$eval('#results .file-card', (els) => els.map((c) => ({
    name: c.querySelector('.fname')?.textContent,
    status: c.dataset.status,
    summary: c.querySelector('.summary')?.textContent,
    rejection: c.querySelector('.rejection')?.textContent ?? null,
    code: c.querySelector('.rejection')?.dataset.code ?? null,
    ms: Number(c.dataset.ms),
    sinceDrop: Number(c.dataset.sinceDrop),
  })));
}

/** The strict policy a portal may send (issue: embedding under the host's own CSP). */
export const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; base-uri 'none'; require-trusted-types-for 'script'";

/**
 * A portal's server: its pages (tests/e2e/hosts) under /portal/, nianbao's www/ copied as-is under
 * /static/nianbao/, every response with `csp`. `log` holds each request's path.
 */
export async function startPortal({ csp = STRICT_CSP } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-portal-'));
  mkdirSync(join(root, 'static'));
  symlinkSync(WWW, join(root, 'static', 'nianbao'));
  symlinkSync(join(ROOT, 'tests', 'e2e', 'hosts'), join(root, 'portal'));
  const log = [];
  const { server, url } = await serve({ root: root + '/', port: 0, csp, onRequest: (p) => log.push(p) });
  return {
    url,
    origin: new URL(url).origin,
    log,
    count: (suffix) => log.filter((p) => p.split('?')[0].endsWith(suffix)).length,
    async close() {
      await new Promise((r) => server.close(r));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Opens a host page in the context; collects page and console errors in page.problems. */
export async function openHost(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.problems = problems;
  await page.goto(url);
  return page;
}

/** The events record.js collected on a host page. */
export const events = (page, type) => page.evaluate((type) => window.__events.filter((e) => !type || e.type === type), type);
