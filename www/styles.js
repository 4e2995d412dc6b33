// The element's stylesheet: nianbao-check.css from this folder, linked inside the shadow root
// (allowed by style-src 'self'). Resolves when it is applied (or failed). The single-file build
// (tools/build-offline.mjs) replaces this module with one that adopts the CSS text it carries.
const HREF = new URL('./nianbao-check.css', import.meta.url).href;

export function adoptStyles(root) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = HREF;
  const done = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  root.append(link);
  return done;
}
