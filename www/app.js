// @ts-check
// The standalone page: one <nianbao-check> (the same element portals embed), the rule catalogue
// and version in the footer, drops anywhere on the page, and the iframe mode:
//   index.html?parent=https://portal.example.gov.cn  posts each result to that origin only, and
//   checks files that origin sends ({type: 'nianbao-check', name, bytes}); other origins are ignored.
import './nianbao-check.js';
import { el } from './dom.js';
import { rules as ruleCatalogue } from './nianbao.js';

const checker = /** @type {import('./nianbao-check.js').NianbaoCheck} */ (document.getElementById('checker'));

// A file dropped anywhere on the page goes to the checker (the element takes drops on itself).
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('drop', (e) => {
  if (e.defaultPrevented) return;
  e.preventDefault();
  if (e.dataTransfer) checker.checkFiles(e.dataTransfer);
});

// <offline-paste> The single-file build (tools/build-offline.mjs) drops this block: no paste there.
// The paste box and Ctrl+V (paste.js), loaded after the start so that the start download does not grow.
import('./paste.js').then(({ attachPaste }) => attachPaste(checker)).catch((e) => console.error(e));
// </offline-paste>

checker.addEventListener('nianbao-ready', (e) => {
  document.getElementById('version').textContent = e.detail.version;
  document.body.dataset.engine = e.detail.mode;
  document.body.dataset.ready = '1';
});

// The rule catalogue (rules.json, not part of the checker) is fetched when its panel first opens.
const help = /** @type {HTMLDetailsElement} */ (document.getElementById('rules-help'));
let catalogueShown = false;
help.addEventListener('toggle', () => {
  if (!help.open || catalogueShown) return;
  catalogueShown = true;
  ruleCatalogue().then((rules) => {
    const list = document.getElementById('rules-list');
    document.getElementById('rules-count').textContent = `共 ${rules.length} 条规则，逐条如下（✖ 错误：数字或结构确有问题；⚠ 警告：需要人工核对）。`;
    list.replaceChildren();
    for (const r of rules) {
      list.append(el('dt', {}, el('code', {}, r.id), ` ${r.severity === 'error' ? '错误' : '警告'}　${r.title}`),
        el('dd', {}, r.checks));
    }
    help.dataset.loaded = '1';
  }, (err) => {
    catalogueShown = false; // tried again on the next opening
    console.error(err);
    document.getElementById('rules-count').textContent = '规则目录加载失败，请刷新网页后重试。';
  });
});

// ---- iframe mode
const parentOrigin = (() => {
  const p = new URLSearchParams(location.search).get('parent');
  if (!p || window.parent === window) return null;
  try {
    const u = new URL(p);
    // An exact origin only (scheme://host[:port]); never '*'.
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === p.replace(/\/$/, '') ? u.origin : null;
  } catch {
    return null;
  }
})();

if (parentOrigin) {
  const post = (msg) => window.parent.postMessage(msg, parentOrigin);
  checker.addEventListener('nianbao-ready', (e) => post({ type: 'nianbao-ready', version: e.detail.version }));
  checker.addEventListener('nianbao-result', (e) => {
    const { file, result } = e.detail;
    post({ type: 'nianbao-result', name: file.name, size: file.size, result });
  });
  window.addEventListener('message', (e) => {
    if (e.origin !== parentOrigin || e.source !== window.parent) return;
    const { type, name, bytes } = e.data ?? {};
    if (type !== 'nianbao-check') return;
    if (!(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes) || bytes instanceof Blob)) return;
    checker.check(new File([/** @type {BlobPart} */ (bytes)], typeof name === 'string' && name ? name : '未命名文件.docx'));
  });
}
