// End-to-end in three engines: Chromium (playwright-core), Firefox ESR (geckodriver) and WebKitGTK,
// Safari's engine (WebKitWebDriver under xvfb-run), through one small adapter, the same named subset in
// each: check (a real click on 示例报告), marks, popover (a real click on a marked cell), the focus after
// a jump, the batch summary and everything that counts reports (status line, summary, filters, badges,
// the CSV export: one outcome each), the annotated download, rejected cards without exports, the
// phone layout (390 px), and the offline file (file://).
// The engines: NIANBAO_ENGINES (comma-separated; default chromium, which the whole suite runs);
// scripts/test-all.sh runs firefox,webkit in a step of its own with NIANBAO_ENGINES_REQUIRED=1. An
// engine whose browser or driver is missing is skipped with a notice (`bash tools/install.sh
// --browser` installs them); under CI or NIANBAO_ENGINES_REQUIRED it is a failure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '../../tools/node_modules/playwright-core/index.mjs';
import { serve } from '../../tools/serve.mjs';
import { WWW, SHOTS, seed } from './lib/harness.mjs';
import { wrongTotal, legacyDoc } from './lib/fixtures.mjs';
import { launch, missing } from './lib/webdriver.mjs';

const ENGINES = (process.env.NIANBAO_ENGINES ?? 'chromium').split(',').map((e) => e.trim()).filter(Boolean);
const required = Boolean(process.env.CI || process.env.NIANBAO_ENGINES_REQUIRED);
const absent = { chromium: null, ...missing() };

let server;
let url;
before(async () => {
  // NIANBAO_ROOT=dist serves the minified copy (tools/minify.mjs) instead of www/.
  ({ server, url } = await serve({ root: (process.env.NIANBAO_ROOT ? join(process.cwd(), process.env.NIANBAO_ROOT) : WWW) + '/', port: 0 }));
  mkdirSync(SHOTS, { recursive: true });
});
after(() => new Promise((r) => server?.close(r)));

/**
 * One engine behind one interface: goto(url), run(fn, arg) runs fn(arg) in the page (awaited),
 * click(fn, arg) clicks for real the element fn(arg) returns, size(w, h), shot(name), close().
 */
async function open(engine, { width = 1280, height = 900 } = {}) {
  if (engine === 'chromium') {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
    return {
      engine,
      goto: (u) => page.goto(u),
      run: (fn, arg) => page.evaluate(fn, arg),
      async click(fn, arg) {
        const h = await page.evaluateHandle(fn, arg);
        await h.asElement().click();
      },
      size: (w, h) => page.setViewportSize({ width: w, height: h }),
      shot: async (name) => writeFileSync(join(SHOTS, `${name}.png`), await page.screenshot()),
      close: () => browser.close(),
    };
  }
  const b = await launch(engine, { width, height });
  return {
    engine,
    goto: (u) => b.goto(u),
    run: (fn, arg) => b.eval(fn, arg),
    async click(fn, arg) { await b.click(await b.eval(fn, arg)); },
    size: (w, h) => b.setSize(w, h),
    shot: async (name) => writeFileSync(join(SHOTS, `${name}.png`), await b.screenshot()),
    close: () => b.close(),
  };
}

/** Waits in the page until fn(arg) is truthy; returns its value. */
async function until(br, fn, arg, what, ms = 30000) {
  const t0 = Date.now();
  for (;;) {
    const v = await br.run(fn, arg);
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`${br.engine}: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Drops files on the element's drop zone (a DataTransfer made in the page, as a drag and drop gives). */
const drop = (br, files) => br.run(({ files }) => {
  const dt = new DataTransfer();
  for (const { name, b64 } of files) {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    dt.items.add(new File([bytes], name));
  }
  const zone = document.querySelector('nianbao-check').shadowRoot.querySelector('#drop');
  for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  return true;
}, { files: files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') })) });

/** Every card and its outcome, badges and tools; the status line; the summary's counts and filters. */
const state = (br) => br.run(() => {
  const root = document.querySelector('nianbao-check').shadowRoot;
  return {
    status: root.querySelector('#status').textContent,
    counts: root.querySelector('.overview-counts')?.textContent ?? '',
    filters: [...root.querySelectorAll('.overview-filters button')].map((b) => b.textContent),
    cards: [...root.querySelectorAll('#results .file-card')].map((c) => ({
      name: c.querySelector('.fname').textContent,
      status: c.dataset.status,
      badges: [...c.querySelectorAll('.badge')].map((b) => b.textContent),
      tools: Boolean(c.querySelector('.card-tools')),
      annotate: Boolean(c.querySelector('button.annotate')),
    })),
  };
});

/**
 * Downloads are caught in the page (the Blob given to URL.createObjectURL, the anchor's click; no
 * fetch of the blob: URL, which the page's CSP does not allow), read back: [{name, size, head, text}].
 */
const catchDownloads = (br) => br.run(() => {
  window.__downloads = [];
  const blobs = new Map();
  const make = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    const u = make.call(URL, blob);
    blobs.set(u, blob);
    return u;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = blobs.get(this.href);
    if (!this.download || !blob) return click.call(this);
    const name = this.download;
    window.__downloads.push(blob.arrayBuffer().then((b) => ({
      name, size: b.byteLength, head: [...new Uint8Array(b.slice(0, 2))], text: new TextDecoder().decode(b),
    })));
    return undefined;
  };
  return true;
});
const downloads = (br, n) => until(br, (n) => window.__downloads.length >= n && Promise.all(window.__downloads), n, `${n} download(s)`);

const LABEL = { error: '有错误', warning: '有警告', rejected: '无法检查', pass: '通过' };

for (const engine of ENGINES) {
  if (!(engine in absent)) throw new Error(`NIANBAO_ENGINES: unknown engine ${engine} (chromium, firefox, webkit)`);
  const skip = absent[engine] && !required ? `${absent[engine]} is not installed (bash tools/install.sh --browser)` : false;

  test(`${engine}: check, marks, popover, focus after a jump`, { skip }, async () => {
    const br = await open(engine);
    try {
      await br.goto(url);
      await until(br, () => document.body.dataset.ready === '1', null, 'the checker');
      await br.click(() => document.querySelector('nianbao-check').shadowRoot.querySelector('#sample'));
      await until(br, () => document.querySelector('nianbao-check').shadowRoot.querySelector('.file-card td.mark-error'), null, 'a marked cell');
      const s = await state(br);
      assert.equal(s.cards.length, 1);
      assert.equal(s.cards[0].status, 'error');
      assert.match(s.cards[0].badges[0], /^✖ \d+ 个错误$/);
      assert.ok(!s.cards[0].badges.some((b) => b.includes('通过')), 'a card with findings never says 通过');
      // The popover of a marked cell: a real click.
      await br.click(() => document.querySelector('nianbao-check').shadowRoot.querySelector('td.mark-error'));
      const pop = await until(br, () => {
        const p = document.querySelector('nianbao-check').shadowRoot.querySelector('#popover');
        return !p.hidden && p.getBoundingClientRect().height > 0 && p.textContent;
      }, null, 'the popover');
      assert.match(pop, /✖ 错误/);
      // A finding of the list goes to its cell: the focus follows.
      await br.click(() => document.querySelector('nianbao-check').shadowRoot.querySelector('button.finding:not(.text-link)'));
      const focus = await until(br, () => {
        const root = document.querySelector('nianbao-check').shadowRoot;
        const a = root.activeElement;
        return a?.matches('td') && a.id;
      }, null, 'the focus on the cell');
      const target = await br.run(() => document.querySelector('nianbao-check').shadowRoot.querySelector('button.finding:not(.text-link)').dataset.target);
      assert.equal(focus, target);
      await br.shot(`engines-${engine}-check`);
    } finally {
      await br.close();
    }
  });

  test(`${engine}: batch summary, status line, filters, badges and the CSV agree; rejected cards offer no export`, { skip }, async () => {
    const br = await open(engine);
    try {
      await br.goto(url);
      await until(br, () => document.body.dataset.ready === '1', null, 'the checker');
      await drop(br, [
        { name: '总计有误.docx', bytes: wrongTotal() },
        { name: '有警告.docx', bytes: seed(0) },
        { name: '旧版.doc', bytes: legacyDoc() },
      ]);
      await until(br, () => document.querySelector('nianbao-check').dataset.verdict === 'error', null, 'the batch');
      const s = await state(br);
      const by = Object.fromEntries(s.cards.map((c) => [c.name, c]));
      assert.equal(by['总计有误.docx'].status, 'error');
      assert.equal(by['有警告.docx'].status, 'warning', 'a report with warnings only is 有警告, not 通过');
      assert.equal(by['旧版.doc'].status, 'rejected');
      assert.deepEqual(by['有警告.docx'].badges.filter((b) => b.includes('通过')), []);
      // One count everywhere: the status line, the summary, its filters.
      assert.match(s.status, /1 个有错误，1 个有警告，1 个无法检查/);
      assert.doesNotMatch(s.status, /通过/);
      assert.match(s.counts, /共 3 个文件：1 个有错误，1 个有警告，1 个无法检查，0 个通过/);
      assert.deepEqual(s.filters, ['全部（3）', '有错误（1）', '有警告（1）', '无法检查（1）', '通过（0）']);
      // The 有警告 filter shows exactly that report.
      await br.click(() => document.querySelector('nianbao-check').shadowRoot.querySelector('.overview-filters button[data-filter="warning"]'));
      const rows = await br.run(() => [...document.querySelector('nianbao-check').shadowRoot.querySelectorAll('.overview-table tbody tr:not(.spacer)')]
        .map((tr) => [tr.querySelector('[data-key="name"]').textContent, tr.querySelector('[data-key="status"]').textContent]));
      assert.deepEqual(rows, [['有警告.docx', '有警告']]);
      await br.click(() => document.querySelector('nianbao-check').shadowRoot.querySelector('.overview-filters button[data-filter="all"]'));
      // A rejected card has nothing to export or print.
      assert.equal(by['旧版.doc'].tools, false);
      assert.equal(by['总计有误.docx'].tools, true);
      // The CSV of the batch: each file's 状态 is its card's outcome.
      await catchDownloads(br);
      await br.click(() => document.querySelector('nianbao-check').shadowRoot.querySelector('.batch-tools .export-csv'));
      const [csv] = await downloads(br, 1);
      assert.match(csv.name, /^问题清单-\d{4}-\d{2}-\d{2}\.csv$/);
      const status = new Map(csv.text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(',').slice(0, 2)));
      for (const c of s.cards) assert.equal(status.get(c.name), LABEL[c.status], `${c.name} in the CSV`);
    } finally {
      await br.close();
    }
  });

  test(`${engine}: the annotated download`, { skip }, async () => {
    const br = await open(engine);
    try {
      await br.goto(url);
      await until(br, () => document.body.dataset.ready === '1', null, 'the checker');
      await drop(br, [{ name: '总计有误.docx', bytes: wrongTotal() }]);
      await until(br, () => document.querySelector('nianbao-check').shadowRoot.querySelector('.file-card button.annotate'), null, 'the card');
      await catchDownloads(br);
      await br.click(() => document.querySelector('nianbao-check').shadowRoot.querySelector('.file-card button.annotate'));
      const [docx] = await downloads(br, 1);
      assert.equal(docx.name, '总计有误（检查意见）.docx');
      assert.deepEqual(docx.head, [0x50, 0x4b], 'a .docx (zip) file');
      assert.ok(docx.size > 10000);
      const said = await until(br, () => {
        const t = document.querySelector('nianbao-check').shadowRoot.querySelector('#status').textContent;
        return t.startsWith('已生成') && t;
      }, null, 'the status line');
      assert.match(said, /条批注/);
    } finally {
      await br.close();
    }
  });

  test(`${engine}: at 390 px the summary is readable (nothing cut) and leads to the findings`, { skip }, async () => {
    const br = await open(engine, { width: 390, height: 844 });
    try {
      await br.size(390, 844);
      await br.goto(url);
      await until(br, () => document.body.dataset.ready === '1', null, 'the checker');
      const width = await br.run(() => document.documentElement.clientWidth);
      assert.ok(width <= 600, `the page is ${width} px wide: the phone layout applies up to 600 px`);
      await drop(br, [{ name: '有警告的一份很长很长的文件名称（第二稿）.docx', bytes: seed(0) }, { name: '总计有误.docx', bytes: wrongTotal() }]);
      await until(br, () => document.querySelector('nianbao-check').dataset.verdict === 'error', null, 'the batch');
      const cut = await br.run(() => [...document.querySelector('nianbao-check').shadowRoot.querySelectorAll('.overview-table tbody tr:not(.spacer) td')]
        .filter((td) => getComputedStyle(td).display !== 'none' && td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent));
      assert.deepEqual(cut, [], 'no summary cell is cut off');
      // Each stacked cell is labelled with its column (td::before, from data-label).
      const label = await br.run(() => {
        const td = document.querySelector('nianbao-check').shadowRoot.querySelector('.overview-table tbody td[data-key="agency"]');
        return [td.dataset.label, getComputedStyle(td, '::before').content];
      });
      assert.equal(label[0], '机关');
      assert.notEqual(label[1], 'none');
      await br.click(() => document.querySelector('nianbao-check').shadowRoot.querySelector('.batch-tools .jump-findings'));
      const focused = await until(br, () => {
        const a = document.querySelector('nianbao-check').shadowRoot.activeElement;
        return a && (a.matches('aside.findings, .text-findings') ? a.closest('.file-card').querySelector('.fname').textContent : null);
      }, null, 'the focus on the findings');
      assert.equal(focused, '总计有误.docx', 'errors first');
      const top = await br.run(() => document.querySelector('nianbao-check').shadowRoot.activeElement.getBoundingClientRect().top);
      assert.ok(top >= -1 && top < 844, `the findings are on screen (top ${top})`);
      // The report's row labels stay readable: no label cell narrower than five characters (the
      // table scrolls sideways instead of wrapping labels one character per line).
      const narrow = await br.run(() => [...document.querySelector('nianbao-check').shadowRoot.querySelectorAll('.file-card table.grid td:not(.num):not(.hole)')]
        .filter((td) => td.textContent.trim().length > 4 && td.getBoundingClientRect().width > 0)
        .filter((td) => td.getBoundingClientRect().width < 5 * parseFloat(getComputedStyle(td).fontSize))
        .map((td) => td.textContent.trim()));
      assert.deepEqual(narrow, [], 'row labels one character per line');
      await br.shot(`engines-${engine}-390`);
    } finally {
      await br.close();
    }
  });

  test(`${engine}: the offline file checks and draws, and says what it lacks`, { skip }, async () => {
    const br = await open(engine);
    try {
      await br.goto(pathToFileURL(join(WWW, 'nianbao.html')).href);
      await until(br, () => document.body.dataset.ready === '1', null, 'the offline checker');
      await drop(br, [{ name: '总计有误.docx', bytes: wrongTotal() }]);
      await until(br, () => document.querySelector('nianbao-check').shadowRoot.querySelector('.file-card td.mark-error'), null, 'the marked card');
      const s = await state(br);
      assert.equal(s.cards[0].status, 'error');
      assert.equal(s.cards[0].annotate, false, 'no annotated download offline');
      const note = await br.run(() => document.getElementById('offline-note')?.textContent ?? '');
      assert.match(note, /不含示例报告、导出 Excel 和下载带批注的报告/);
      assert.match(note, /无法/);
      assert.equal(await br.run(() => document.querySelector('nianbao-check').shadowRoot.querySelector('.export-xlsx')), null);
    } finally {
      await br.close();
    }
  });
}
