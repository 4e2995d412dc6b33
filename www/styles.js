// @ts-check
// The element's stylesheets: nianbao-check.css and print.css from this folder, linked inside the
// shadow root (allowed by style-src 'self'). Resolves when the main one is applied (or failed). The
// single-file build (tools/build-offline.mjs) replaces this module with one that adopts the CSS text
// it carries.
const HREF = new URL('./nianbao-check.css', import.meta.url).href;
const PRINT = new URL('./print.css', import.meta.url).href;

export function adoptStyles(root) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = HREF;
  const done = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  const print = document.createElement('link');
  print.rel = 'stylesheet';
  print.href = PRINT;
  root.append(link, print);
  return done;
}
