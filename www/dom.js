// @ts-check
// The one element builder of the page and the element: attributes through setAttribute (or
// dataset/class), children strings as text nodes. Document text only ever goes in as text, never as HTML.

/**
 * Creates an element; attrs go through setAttribute (or dataset/class), children strings become text nodes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [attrs]
 * @param {...any} children  strings, numbers, nodes, arrays of them; null/false are skipped
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'data') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

/** The element an event started at (inside a shadow root too), or null when it is not an Element. */
