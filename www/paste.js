// @ts-check
// Paste: a selection copied from a report's web page (Ctrl+V anywhere on the page, or the visible
// 粘贴网页内容 box) is checked like a saved page. The clipboard's text/html goes to the checker as
// a page (the readers module reads it); a paste of plain text only gets a message that the tables
// are needed. Nothing leaves the browser.
//
//   import { attachPaste } from './paste.js';
//   attachPaste(document.getElementById('checker'));

import { el } from './dom.js';

/** The pasted HTML as a page file (a fragment gets a document around it, UTF-8 declared). */
/** @param {string} html */
export function pastedFile(html) {
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`;
  return new File([page], '粘贴的网页内容.html', { type: 'text/html' });
}

/**
 * Adds the paste box before `checker` and the page-wide Ctrl+V.
 * @param {HTMLElement & { checkFiles: (files: File[]) => Promise<unknown> }} checker
 */
export function attachPaste(checker) {
  const msg = el('p', { class: 'paste-msg', role: 'status', 'aria-live': 'polite' });
  const area = el('div', {
    class: 'paste-area', contenteditable: 'true', role: 'textbox', 'aria-multiline': 'true', tabindex: '0',
    'aria-label': '在这里粘贴从年报网页复制的内容', 'data-placeholder': '在这里按 Ctrl+V（Mac 上 ⌘+V）粘贴从年报网页上复制的正文和表格',
  });
  const button = el('button', { type: 'button', class: 'paste-button', 'aria-expanded': 'false' }, '粘贴网页内容');
  const box = el('div', { class: 'paste', hidden: true }, area, msg);
  const wrap = el('section', { class: 'paste-wrap', 'aria-label': '粘贴网页内容' }, button, box);
  checker.before(wrap);
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./paste.css', import.meta.url).href;
  document.head.append(link);

  button.addEventListener('click', () => {
    box.hidden = !box.hidden;
    button.setAttribute('aria-expanded', String(!box.hidden));
    if (!box.hidden) area.focus();
  });

  // Each paste numbered: only the latest one writes the message (an earlier paste's check may end
  // after a later paste has said what it found).
  let latest = 0;
  const take = async (/** @type {ClipboardEvent} */ e) => {
    const data = e.clipboardData;
    if (!data) return;
    const html = data.getData('text/html');
    const text = data.getData('text/plain');
    if (!html && !text) return;
    e.preventDefault();
    const mine = ++latest;
    area.replaceChildren();
    if (html && /<table[\s>]/i.test(html)) {
      msg.textContent = '正在检查粘贴的网页内容…';
      await checker.checkFiles([pastedFile(html)]);
      if (mine === latest) msg.textContent = '已检查粘贴的网页内容，结果见下方。';
      return;
    }
    // Plain text, or HTML without a table: the checker's own message says what is needed.
    msg.textContent = '正在读取粘贴的内容…';
    box.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    try {
      const { checkPaste } = await import('./readers.js');
      const [result] = await checkPaste(html || null);
      if (mine === latest) msg.textContent = result?.rejection?.message ?? '粘贴的内容中没有找到年报的表格。';
    } catch {
      if (mine === latest) msg.textContent = '粘贴的内容只有纯文字，没有表格结构，无法检查；请选中包括表格在内的正文后复制再粘贴。';
    }
  };
  area.addEventListener('paste', take);
  // Ctrl+V anywhere on the page (but not into a form field).
  document.addEventListener('paste', (e) => {
    const t = e.target;
    if (t instanceof Node && (t === area || area.contains(t))) return;
    if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    take(e);
  });
  return wrap;
}
