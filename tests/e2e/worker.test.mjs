// End-to-end: the check runs in a Web Worker (the page's main thread never instantiates the
// WebAssembly), and the page still works where a worker is unavailable or cannot start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, startPortal, openHost, STRICT_CSP, seed, cards, pickFiles } from './lib/harness.mjs';
import { wrongTotal } from './lib/fixtures.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Counts WebAssembly compilations/instantiations on the page's main thread (workers are not touched). */
const COUNT_WASM = () => {
  window.__wasmOnMain = 0;
  for (const name of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming']) {
    const real = WebAssembly[name];
    WebAssembly[name] = function (...args) { window.__wasmOnMain++; return real.apply(this, args); };
  }
  const RealModule = WebAssembly.Module;
  WebAssembly.Module = function (...args) { window.__wasmOnMain++; return new RealModule(...args); };
};

async function checkTwo(page) {
  await pickFiles(page, [{ name: '总计有误.docx', bytes: wrongTotal() }, { name: 'seed_000.docx', bytes: seed(0) }]);
  const cs = await cards(page, 2);
  assert.deepEqual(cs.map((c) => [c.name, c.status]), [['总计有误.docx', 'error'], ['seed_000.docx', 'warning']]);
  assert.match(cs[0].summary, /✖ 2 个错误/);
}

test('the check runs in a Web Worker: the main thread never instantiates the WebAssembly', async () => {
  const page = await env.context.newPage();
  await page.addInitScript(COUNT_WASM);
  await page.goto(env.url);
  await page.waitForSelector('body[data-ready="1"]');
  assert.equal(await page.getAttribute('body', 'data-engine'), 'worker');
  await checkTwo(page);
  assert.equal(await page.evaluate(() => window.__wasmOnMain), 0);
  // The pool grows to one worker per logical core (at most 4) while checks wait.
  const cores = await page.evaluate(() => Math.max(1, Math.min(navigator.hardwareConcurrency || 1, 4)));
  assert.equal(page.workers().length, Math.min(cores, 2), 'a worker per file in flight, up to the cores');
  // The file's bytes are moved to the worker, not copied: the buffer sent is detached afterwards.
  const detached = await page.evaluate(async () => {
    const real = Worker.prototype.postMessage;
    let sent = null;
    Worker.prototype.postMessage = function (msg, transfer) { sent = msg.bytes; return real.call(this, msg, transfer); };
    try {
      await document.querySelector('nianbao-check').check(new File([new Uint8Array(10)], 'x.docx'));
    } finally {
      Worker.prototype.postMessage = real;
    }
    return sent ? sent.buffer.byteLength : -1;
  });
  assert.equal(detached, 0, 'the bytes were copied to the worker, not transferred');
  await page.close();
});

test('without Web Workers the page checks on the main thread', async () => {
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(COUNT_WASM);
  await page.addInitScript(() => { delete window.Worker; });
  await page.goto(env.url);
  await page.waitForSelector('body[data-ready="1"]');
  assert.equal(await page.evaluate(() => typeof Worker), 'undefined');
  assert.equal(await page.getAttribute('body', 'data-engine'), 'main');
  await checkTwo(page);
  assert.ok(await page.evaluate(() => window.__wasmOnMain) >= 1, 'the WebAssembly ran on the main thread');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a portal whose policy forbids workers (worker-src \'none\') still gets its checks, on the main thread', async () => {
  const portal = await startPortal({ csp: `${STRICT_CSP}; worker-src 'none'` });
  try {
    const page = await openHost(env.context, `${portal.url}portal/strict.html`);
    await page.waitForSelector('nianbao-check[data-ready="1"]', { state: 'attached' });
    const [ready] = await page.evaluate(() => window.__events.filter((e) => e.type === 'ready'));
    assert.equal(ready.mode, 'main');
    await pickFiles(page, [{ name: '总计有误.docx', bytes: wrongTotal() }]);
    const [c] = await cards(page, 1);
    assert.equal(c.status, 'error');
    assert.equal(portal.count('/worker.js'), 0);
    // The only violation is the refused worker itself.
    const violations = await page.evaluate(() => window.__violations);
    assert.ok(violations.every((v) => v.startsWith('worker-src')), violations.join('\n'));
    await page.close();
  } finally {
    await portal.close();
  }
});

/** Sets the logical core count the page sees, before its scripts run. */
const CORES = (n) => {
  Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n, configurable: true });
};

for (const cores of [1, 3, 8]) {
  test(`the worker pool: ${cores} core(s) → ${Math.min(cores, 4)} worker(s), every check of a batch in one of them`, async () => {
    const page = await env.context.newPage();
    await page.addInitScript(CORES, cores);
    await page.addInitScript(COUNT_WASM);
    // Counts the files sent to workers (and the re-checks among them: a file checked again beside last
    // year's or naming the other files of its agency and year), and to how many distinct workers.
    await page.addInitScript(() => {
      window.__sent = 0;
      window.__again = 0;
      const used = new Set();
      window.__used = used;
      const real = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (msg, transfer) {
        if (msg?.bytes) { window.__sent++; used.add(this); }
        if (msg?.bytes && (msg.job?.sameYear || msg.job?.previous)) window.__again++;
        return real.call(this, msg, transfer);
      };
    });
    await page.goto(env.url);
    await page.waitForSelector('body[data-ready="1"]');
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `seed_${i}.docx`, bytes: seed(i % 5) }));
    await pickFiles(page, files);
    const cs = await cards(page, 12);
    assert.deepEqual(cs.map((c) => c.name), files.map((f) => f.name), 'cards in the files\' order');
    // The seeds repeat (12 files of 5 reports): copies of one agency and year are each checked again
    // once, naming the others (M.DUPYEAR), and every check goes to a worker.
    const [sent, again] = await page.evaluate(() => [window.__sent, window.__again]);
    assert.equal(sent - again, 12, 'each file went to a worker');
    assert.ok(again > 0 && again <= 12, `at most one re-check per file: ${again}`);
    assert.equal(await page.evaluate(() => window.__wasmOnMain), 0);
    assert.equal(page.workers().length, Math.min(cores, 4));
    assert.ok(await page.evaluate(() => window.__used.size) <= Math.min(cores, 4));
    await page.close();
  });
}
