// Builds www/nianbao.html: the whole page in one file (code, styles and the WebAssembly inside) that
// works opened from a USB stick or a shared drive (file://), with no server and no network request.
//   node tools/build-offline.mjs            (after scripts/build-web.sh has built www/pkg)
//
// No bundler: the page's modules are plain ES modules written in a small subset this script
// understands (named imports of './x.js', `export function/const/class/let`, `export { a as b }`).
// Each module becomes a function scope; imports become destructuring of the module's exports. What
// differs offline:
//   - styles.js is replaced by one that adopts the CSS text it carries (a constructed stylesheet);
//   - nianbao.js's <offline> block is replaced: no Worker (a module worker cannot start from file://),
//     and the wasm-bindgen glue is a factory given the .wasm from this file (gzip + base64, inflated
//     with DecompressionStream), a fresh instance after a trap;
//   - the sample report is not included (no 示例报告 button);
//   - exports.js has no writer (no .xlsx, no annotated copy: writer.js is loaded with import());
//   - the modules the page loads on demand with import('./x.js') (the batch summary, the exports) are inline.
// The file's Content-Security-Policy allows exactly its one script and one style (sha256 hashes), the
// WebAssembly compile ('wasm-unsafe-eval') and nothing else: no 'unsafe-inline', no network.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const WWW = fileURLToPath(new URL('../www/', import.meta.url));
const read = (p) => readFileSync(WWW + p, 'utf8');

/** Rewrites one module's import/export statements; returns {body, exports: [[local, exported]]}. */
export function transform(src, name, modules) {
  const exports = [];
  let body = src.replace(/^import\s+'([^']+)';?$/gm, (_, from) => `/* import ${modules.key(from)} */`);
  body = body.replace(/^import\s+(\{[^}]*\}|\w+)\s+from\s+'([^']+)';?$/gm, (_, what, from) => {
    const key = modules.key(from);
    const named = what.match(/^\{([\s\S]*)\}$/);
    if (!named) throw new Error(`${name}: unsupported import ${what}`);
    const parts = named[1].split(',').map((s) => s.trim()).filter(Boolean)
      .map((s) => s.replace(/^(\w+)\s+as\s+(\w+)$/, '$1: $2'));
    return `const { ${parts.join(', ')} } = ${key};`;
  });
  body = body.replace(/^export\s+(async\s+function\*?|function\*?|const|let|class)\s+(\w+)/gm, (_, kind, id) => {
    exports.push([id, id]);
    return `${kind} ${id}`;
  });
  body = body.replace(/^export\s*\{([^}]*)\};?$/gm, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const m = item.match(/^(\w+)(?:\s+as\s+(\w+))?$/);
      if (!m) throw new Error(`${name}: unsupported export ${item}`);
      exports.push([m[1], m[2] ?? m[1]]);
    }
    return '';
  });
  const left = body.match(/^\s*(import|export)\b.*$/m);
  if (left) throw new Error(`${name}: statement left untransformed: ${left[0]}`);
  // (JSDoc types may say import('./x.js').T: only code outside /* */ comments counts.)
  if (/\bimport\s*\(/.test(body.replace(/\/\*[\s\S]*?\*\//g, ''))) throw new Error(`${name}: dynamic import() cannot work from file://`);
  return { body, exports };
}

const returnOf = (exports) => `return { ${exports.map(([local, exp]) => (local === exp ? local : `${exp}: ${local}`)).join(', ')} };`;

export function build() {
  const wasm = readFileSync(WWW + 'pkg/nianbao_bg.wasm');
  const wasmB64 = gzipSync(wasm, { level: 9 }).toString('base64');
  const css = read('nianbao-check.css') + '\n' + read('print.css');

  // Every module of the page is one scope named after its file ($render for ./render.js …).
  const modules = {
    key: (from) => {
      const m = /^\.\/([\w-]+)\.js$/.exec(from);
      if (!m) throw new Error(`unknown module ${from}`);
      return `$${m[1].replace(/-/g, '_')}`;
    },
  };
  // The wasm-bindgen glue as a factory: each call is a fresh module state (a fresh instance after a trap).
  const glue = transform(read('pkg/nianbao.js'), 'pkg/nianbao.js', modules);
  const glueFactory = `const $glue = () => {\n${glue.body}\n${returnOf(glue.exports)}\n};`;

  const styles = `const $styles = (() => {
const CSS = ${JSON.stringify(css)};
let sheet = null;
function adoptStyles(root) {
  if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return Promise.resolve();
}
return { adoptStyles };
})();`;

  let api = read('nianbao.js');
  const block = /\/\/ <offline>[\s\S]*?\/\/ <\/offline>\n/;
  if (!block.test(api)) throw new Error('nianbao.js: the <offline> block is missing');
  api = api.replace(block, `const workerAllowed = () => false;
const loadReaders = () => Promise.reject(new Error('离线版不含 .doc 和网页的读取'));
const WASM_GZ_B64 = ${JSON.stringify(wasmB64)};
let wasmBytes = null;
async function mainThreadGlue() {
  wasmBytes ??= await new Response(new Blob([Uint8Array.from(atob(WASM_GZ_B64), (c) => c.charCodeAt(0))])
    .stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  const mod = $glue();
  await mod.default({ module_or_path: wasmBytes });
  return mod;
}
`);

  // No writer offline (it is a separate module with its own WebAssembly): no .xlsx, no annotated copy
  // (exports.js cannot load it; actions.js offers neither).
  const writerBlock = /\/\/ <offline-writer>[\s\S]*?\/\/ <\/offline-writer>\n/;
  const noWriter = (file, text) => {
    const src = read(file);
    if (!writerBlock.test(src)) throw new Error(`${file}: the <offline-writer> block is missing`);
    return src.replace(writerBlock, text);
  };
  const exportsSrc = noWriter('exports.js', "const loadWriter = () => Promise.reject(new Error('离线版不含此功能'));\n");
  const actionsSrc = noWriter('actions.js', 'export const writerAvailable = false;\n');

  const wrap = (key, src, name) => {
    const t = transform(src, name, modules);
    return `const ${key} = (() => {\n${t.body}\n${returnOf(t.exports)}\n})();`;
  };
  // The modules app.js needs, each after the modules it imports (styles.js is the one above).
  // No paste offline (paste.js is loaded with import()).
  const appSrc = read('app.js').replace(/\/\/ <offline-paste>[\s\S]*?\/\/ <\/offline-paste>\n/, '');
  const sources = { 'nianbao.js': api, 'exports.js': exportsSrc, 'actions.js': actionsSrc, 'app.js': appSrc };
  const order = [];
  // A module the page loads on demand (`import('./x.js')` in code: batch.js, exports.js…) is here
  // one more scope, defined before the module that asks for it; the call becomes Promise.resolve($x).
  const lazy = /\bimport\(\s*'\.\/([\w-]+\.js)'\s*\)/g;
  const code = (src) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const visit = (file, path = []) => {
    if (order.includes(file) || file === 'styles.js') return;
    if (path.includes(file)) throw new Error(`import cycle: ${[...path, file].join(' → ')}`);
    sources[file] ??= read(file);
    const deps = [...sources[file].matchAll(/^import\s+(?:[^'\n]*?\s+from\s+)?'\.\/([\w-]+\.js)';?$/gm)].map((m) => m[1]);
    deps.push(...[...code(sources[file]).matchAll(lazy)].map((m) => m[1]));
    sources[file] = sources[file].replace(lazy, (_, f) => `Promise.resolve(${modules.key(`./${f}`)})`);
    for (const d of deps) visit(d, [...path, file]);
    order.push(file);
  };
  visit('app.js');
  const script = [
    glueFactory,
    styles,
    ...order.map((f) => wrap(modules.key(`./${f}`), sources[f], f)),
  ].join('\n')
    // Text that would end the inline script early (in this code, only in comments and strings,
    // where the escaped form means the same).
    .replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

  const pageCss = read('style.css');
  const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const csp = `default-src 'none'; script-src ${sha(script)} 'wasm-unsafe-eval'; style-src ${sha(pageCss)}; ` +
    "img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'";

  if (/<\/script|<!--/i.test(script) || /<\/style/i.test(pageCss)) throw new Error('inline text would end its element early');
  let html = read('index.html');
  const swap = (re, text) => {
    if (!re.test(html)) throw new Error(`index.html: ${re} not found`);
    html = html.replace(re, () => text);
  };
  swap(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  swap(/<link rel="stylesheet" href="style.css">/, `<style>${pageCss}</style>`);
  swap(/<script type="module" src="app.js"><\/script>/, `<script type="module">${script}</script>`);
  swap(/<nianbao-check id="checker" sample>/, '<nianbao-check id="checker">');
  swap(/(<p class="privacy">[^<]*)(<\/p>)/, html.match(/(<p class="privacy">[^<]*)(<\/p>)/)?.[1] + '离线版：直接用浏览器打开本文件即可，无需网络。</p>' +
    // What this file lacks, and why (said on the page, not left to be discovered).
    '<p class="offline-note" id="offline-note">离线版不含示例报告、导出 Excel 和下载带批注的报告：这些功能另需加载程序文件' +
    '（生成 Excel 和批注的程序约 1.3 MB），单个离线文件无法从本机读取它们。检查、标注、汇总、导出 CSV 和打印都可以照常使用；' +
    '需要 Excel 或带批注的报告时，请使用网页版或命令行工具（nianbao check --xlsx / --annotate）。</p>');
  if (/\bsrc="|href="(?!data:)/.test(html.replace(/<script type="module">[\s\S]*<\/script>/, ''))) {
    throw new Error('nianbao.html would load another file');
  }
  return html;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? WWW + 'nianbao.html';
  writeFileSync(out, build());
  console.log(`build-offline: wrote ${out}`);
}
