// Bench page: times nianbao's wasm `check`, docx-preview `renderAsync` and mammoth
// `convertToHtml` on the same bytes, in the same page. Driven by bench/browser.mjs.
import init, { check, version } from '/www/pkg/nianbao.js';

const out = document.getElementById('out');

function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p10: q(0.1), p90: q(0.9), min: s[0], max: s[s.length - 1] };
}

async function fetchBytes(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function timeRuns(warmup, runs, fn) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return stats(times);
}

const settle = () => new Promise((r) => setTimeout(r, 0));

window.bench = {
  ready: init().then(() => version()),

  /** nianbao: bytes → findings (the result object, tables included, as the page gets it: the checker's JSON text, parsed). */
  async nianbao(url, warmup, runs) {
    await this.ready;
    const bytes = await fetchBytes(url);
    let findings = 0;
    const r = await timeRuns(warmup, runs, () => {
      const result = JSON.parse(check(bytes));
      findings = result.findings.length;
    });
    return { ...r, findings };
  },

  /** docx-preview: bytes → rendered document in the page (promise resolved + layout). */
  async docxPreview(url, warmup, runs) {
    const bytes = await fetchBytes(url);
    const box = document.createElement('div');
    out.replaceChildren(box);
    let tables = 0;
    const r = await timeRuns(warmup, runs, async () => {
      box.replaceChildren();
      await docx.renderAsync(bytes.slice().buffer, box, undefined, { inWrapper: true });
      void box.offsetHeight; // style + layout, as for nianbao's drawn tables
      tables = box.querySelectorAll('table').length;
    });
    box.replaceChildren();
    await settle();
    return { ...r, tables };
  },

  /** mammoth: bytes → HTML string (not inserted in the page). */
  async mammoth(url, warmup, runs) {
    const bytes = await fetchBytes(url);
    let htmlLength = 0;
    const r = await timeRuns(warmup, runs, async () => {
      const res = await mammoth.convertToHtml({ arrayBuffer: bytes.slice().buffer });
      htmlLength = res.value.length;
    });
    return { ...r, htmlLength };
  },
};
