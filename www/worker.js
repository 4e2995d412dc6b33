// One of the checker's Web Workers (nianbao.js runs a pool of them): one WebAssembly instance, off
// the page's main thread.
// Protocol: the page first sends {init: null} (this worker compiles the .wasm itself and sends the
// compiled module back, so that the pool's other workers need not compile it again) or
// {init: WebAssembly.Module}; the worker answers {ready: true, version, rules, module?} or
// {ready: false, error}. Then the page sends {id, bytes} (bytes transferred) and gets back
// {id, json, bytes} (the result as JSON text; the same bytes, transferred back) or {id, error}; after
// a trap the worker says
// {id, error, broken: true} and is replaced.
import init, { check, rules, version } from './pkg/nianbao.js';

const WASM = new URL('./pkg/nianbao_bg.wasm', import.meta.url);

async function compile() {
  const res = await fetch(WASM);
  if (!res.ok) throw new Error(`HTTP ${res.status} for nianbao_bg.wasm`);
  try {
    return await WebAssembly.compileStreaming(res.clone());
  } catch {
    // A server that does not say application/wasm: compile from the bytes.
    return WebAssembly.compile(await res.arrayBuffer());
  }
}

let started = null;

addEventListener('message', async ({ data }) => {
  if (!started) {
    if (!data || !('init' in data)) return;
    const given = data.init instanceof WebAssembly.Module ? data.init : null;
    started = (async () => {
      const module = given ?? (await compile());
      await init({ module_or_path: module });
      let catalogue;
      try { catalogue = rules() ?? []; } catch { catalogue = []; }
      postMessage({ ready: true, version: version(), rules: catalogue, module: given ? undefined : module });
    })().catch((e) => postMessage({ ready: false, error: String(e?.message ?? e) }));
    return;
  }
  await started;
  const { id, bytes } = data ?? {};
  if (typeof id !== 'number' || !(bytes instanceof Uint8Array)) return;
  let json;
  try {
    // Sent as JSON text: the page's JSON.parse is several times quicker than the structured
    // clone of the same object (a result with its tables is tens of KB of small objects).
    json = JSON.stringify(check(bytes));
  } catch (e) {
    // A Rust panic is a trap: this instance must not be used again.
    postMessage({ id, error: String(e?.message ?? e), broken: true });
    return;
  }
  postMessage({ id, json, bytes }, [bytes.buffer]);
});
