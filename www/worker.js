// @ts-check
// One of the checker's Web Workers (nianbao.js runs a pool of them): one WebAssembly instance, off
// the page's main thread.
// Protocol: the page first sends {init: null} (this worker compiles the .wasm itself and sends the
// compiled module back, so that the pool's other workers need not compile it again) or
// {init: WebAssembly.Module}; the worker answers {ready: true, version, kinds, module?} or
// {ready: false, error}. Then the page sends {id, bytes, job} (bytes transferred; job as run() in
// nianbao.js takes it: see jobs.js) and gets back {id, json, digest, bytes} (json: {results, keys} as JSON text,
// as the checker wrote it; digest: the file's; the same bytes, transferred back) or {id, error}; after a trap the worker says {id, error, broken: true} and is replaced.
// @ts-ignore (built by scripts/build-web.sh; the glue has no type declarations)
import init, { check_files, check_pair, check_reports, file_digest, plan_batch, report_kinds, version } from './pkg/nianbao.js';
import { runJobText } from './jobs.js';

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
const glue = { check_files, check_pair, check_reports, file_digest, plan_batch };

addEventListener('message', async ({ data }) => {
  if (!started) {
    if (!data || !('init' in data)) return;
    const given = data.init instanceof WebAssembly.Module ? data.init : null;
    started = (async () => {
      const module = given ?? (await compile());
      await init({ module_or_path: module });
      let kinds;
      try { kinds = JSON.parse(report_kinds()); } catch { kinds = []; }
      postMessage({ ready: true, version: version(), kinds, module: given ? undefined : module });
    })().catch((e) => postMessage({ ready: false, error: String(e?.message ?? e) }));
    return;
  }
  await started;
  const { id, bytes, job } = data ?? {};
  if (typeof id !== 'number' || !(bytes instanceof Uint8Array)) return;
  let out;
  try {
    // Sent as the checker's JSON text: the page's JSON.parse is several times quicker than the
    // structured clone of the same object (a result with its tables is tens of KB of small objects).
    out = runJobText(glue, bytes, job ?? {});
  } catch (e) {
    // A Rust panic is a trap: this instance must not be used again.
    postMessage({ id, error: String(e?.message ?? e), broken: true });
    return;
  }
  // @ts-ignore (a worker's postMessage(message, transfer), not the window's)
  postMessage({ id, json: out.json, digest: out.digest, bytes }, [bytes.buffer]);
});
