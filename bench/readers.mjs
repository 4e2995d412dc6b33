// Check times of the readers beside .docx, in the page's WebAssembly (the readers module, which
// reads every format; the start module reads .docx the same way): median of N runs per file, in Node.
//   node bench/readers.mjs [N]       (after scripts/build-web.sh)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const mod = await import(root + 'www/pkg-readers/nianbao_readers.js');
mod.initSync({ module: readFileSync(root + 'www/pkg-readers/nianbao_readers_bg.wasm') });
const n = Number(process.argv[2] ?? 30);
const files = [
  'samples/seed_000.docx', 'readers/seed_000.doc', 'readers/seed_000.html', 'readers/seed_000_gbk.htm',
  'samples/seed_001.docx', 'readers/seed_001_word.htm',
  'samples/seed_002.docx', 'readers/seed_002.mht',
  'samples/seed_004.docx', 'readers/seed_004_portal.html',
];
console.log('| file | bytes | median ms | min ms |');
console.log('|---|---|---|---|');
for (const f of files) {
  const bytes = readFileSync(root + 'tests/fixtures/' + f);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = JSON.parse(mod.check_reports(bytes, undefined, undefined)).results;
    times.push(performance.now() - t0);
    if (r[0].status !== 'checked') throw new Error(`${f}: ${r[0].rejection?.message}`);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${f} | ${bytes.length} | ${times[n >> 1].toFixed(2)} | ${times[0].toFixed(2)} |`);
}
