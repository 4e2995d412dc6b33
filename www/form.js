// @ts-check
// <nianbao-check>'s verdict and its form integration: for="input-id" watches the host's own
// <input type="file">; with block-on-error, a form is not submitted while its files are being checked,
// have errors or cannot be checked (setCustomValidity, and a capturing submit listener).
import { outcomeOf } from './outcome.js';

/**
 * The verdict of a set of results: error > rejected > warning > pass.
 * @param {any[]} results
 * @returns {'none' | 'error' | 'rejected' | 'warning' | 'pass'}
 */
export function verdictOf(results) {
  const all = new Set(results.map(outcomeOf));
  return /** @type {const} */ (['error', 'rejected', 'warning', 'pass']).find((o) => all.has(o)) ?? 'none';
}

export class Verdict {
  verdict = 'none';
  reason = '';
  /** @type {HTMLInputElement | null} the host's <input type="file"> (for="…") */
  input = null;
  /** @type {(() => void) | null} */
  #unbind = null;

  /**
   * @param {HTMLElement} host  the element (attributes block-on-error, for; events)
   * @param {{verdict: HTMLElement, blocked: HTMLElement, status: HTMLElement}} ui
   * @param {{reset(): void, check(files: FileList): void}} act  clears the cards; checks the input's files
   */
  constructor(host, ui, act) {
    this.host = host;
    this.ui = ui;
    this.act = act;
  }

  /** Sets the verdict ('pending' while checking), blocks the form when asked to, and says so. @param {string} verdict @param {any[]} [results] */
  set(verdict, results = []) {
    this.verdict = verdict;
    const block = this.host.hasAttribute('block-on-error');
    const blocking = block && ['pending', 'error', 'rejected'].includes(verdict);
    const errors = results.reduce((n, r) => n + (r.findings?.filter((/** @type {any} */ f) => f.severity === 'error').length ?? 0), 0);
    this.reason = !blocking ? ''
      : verdict === 'pending' ? '正在检查所选文件，请稍候再提交。'
        : verdict === 'error' ? `所选文件有 ${errors} 个错误，请改正后重新选择文件再提交。`
          : '所选文件无法检查（见下方说明），请选择正确的 .docx 年度报告后再提交。';
    this.input?.setCustomValidity?.(this.reason);
    const msg = this.ui.verdict;
    msg.textContent = this.reason;
    msg.hidden = !this.reason || verdict === 'pending';
    this.host.dataset.verdict = verdict;
    this.host.dispatchEvent(new CustomEvent('nianbao-verdict', { detail: { verdict }, bubbles: true, composed: true }));
  }

  /** Watches the input named by the host's for="…" attribute. */
  bind() {
    this.unbind();
    const id = this.host.getAttribute('for') ?? '';
    const root = /** @type {Document | ShadowRoot} */ (this.host.getRootNode());
    const input = root.getElementById?.(id) ?? document.getElementById(id);
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') {
      this.ui.status.textContent = `找不到要检查的文件选择框（id="${id}"）。`;
      return;
    }
    this.input = input;
    const onChange = () => {
      this.act.reset();
      this.ui.blocked.hidden = true;
      if (input.files?.length) this.act.check(input.files);
      else this.set('none');
    };
    const onInvalid = () => this.showBlocked();
    // Capture on the document: runs before the host's own submit handlers, so a blocked
    // submission (forms with novalidate, or form.requestSubmit()) never reaches them.
    const onSubmit = (/** @type {Event} */ e) => {
      if (e.target !== input.form || !this.reason) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      this.showBlocked();
    };
    input.addEventListener('change', onChange);
    input.addEventListener('invalid', onInvalid);
    document.addEventListener('submit', onSubmit, true);
    this.#unbind = () => {
      input.removeEventListener('change', onChange);
      input.removeEventListener('invalid', onInvalid);
      document.removeEventListener('submit', onSubmit, true);
      input.setCustomValidity('');
    };
    if (input.files?.length) onChange();
  }

  unbind() {
    this.#unbind?.();
    this.#unbind = null;
    this.input = null;
  }

  showBlocked() {
    const b = this.ui.blocked;
    b.textContent = `未提交：${this.reason}`;
    b.hidden = false;
    this.ui.verdict.hidden = true; // the same reason, now said as a refused submission
    b.scrollIntoView({ block: 'nearest' });
  }
}
