// The checker's Web Worker: one WebAssembly instance, off the page's main thread.
// Protocol (see engine.js): the page sends {id, bytes} (bytes transferred) and gets back
// {id, result} or {id, error}; after a trap the worker says {id, error, broken: true} and is
// replaced. On start it posts {ready: true, version, rules} or {ready: false, error}.
import init, { check, rules, version } from './pkg/nianbao.js';

const started = init().then(
  () => {
    let catalogue;
    try { catalogue = rules() ?? []; } catch { catalogue = []; }
    postMessage({ ready: true, version: version(), rules: catalogue });
  },
  (e) => postMessage({ ready: false, error: String(e?.message ?? e) }),
);

addEventListener('message', async ({ data }) => {
  await started;
  const { id, bytes } = data ?? {};
  if (typeof id !== 'number' || !(bytes instanceof Uint8Array)) return;
  try {
    postMessage({ id, result: check(bytes) });
  } catch (e) {
    // A Rust panic is a trap: this instance must not be used again.
    postMessage({ id, error: String(e?.message ?? e), broken: true });
  }
});
