// nianbao's JavaScript API: check a report's bytes and get the result object documented in
// docs/CONTRACT.md. One WebAssembly instance per page, loaded on first use, in one Web Worker
// (the page's main thread stays free); where a worker cannot start, on the main thread.
//   import { check, rules, version } from './nianbao.js';
//   const result = await check(file);   // File, Blob, ArrayBuffer or Uint8Array
// Everything stays in this browser: the only requests are for this folder's own files.

/** Files larger than this are refused before they are read. */
export const MAX_BYTES = 100 * 1024 * 1024;

// <offline> The single-file build (tools/build-offline.mjs) replaces this block.
const workerAllowed = () => typeof Worker === 'function';
/** The wasm-bindgen glue for the main thread; a fresh copy after a trap (generation > 0). */
async function mainThreadGlue(generation) {
  const mod = await import(generation ? `./pkg/nianbao.js?g=${generation}` : './pkg/nianbao.js');
  await mod.default();
  return mod;
}
// </offline>

let engine = null; // Promise<Engine>, shared by every caller on the page
let generation = 0;
let queue = Promise.resolve(); // checks run one after another: one instance, one file at a time
let policy = null;

/**
 * Starts loading the checker (once; later calls return the same promise).
 * Resolves to {version, rules, mode} where mode is 'worker' or 'main'.
 */
export function load() {
  if (!engine) {
    const started = generation;
    engine = startWorker().catch((why) => {
      if (why) console.info(`nianbao: the checker runs on the main thread (${why.message ?? why})`);
      return startMain(started);
    });
    engine.catch(() => { engine = null; });
  }
  return engine.then(({ version, rules, mode }) => ({ version, rules, mode }));
}

/** The checker's version (loads it if needed). */
export const version = () => load().then((e) => e.version);

/** The rule catalogue: [{id, severity, title, checks, why, example}] (loads the checker if needed). */
export const rules = () => load().then((e) => e.rules);

/**
 * Checks one file. Resolves to the result object (status 'checked' or 'rejected'); a file that cannot
 * be read or checked gives a rejected result, never a thrown error. A Uint8Array or ArrayBuffer is
 * copied; a File or Blob is read into a new buffer that is moved (not copied) to the worker.
 */
export async function check(input) {
  let bytes;
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    if (input.size > MAX_BYTES) return tooLarge(input.size);
    try {
      bytes = new Uint8Array(await input.arrayBuffer());
    } catch (e) {
      return rejected('unreadable', `无法读取此文件（${short(e)}）。请确认文件仍在原处，然后重新选择。`);
    }
  } else if (input instanceof ArrayBuffer) {
    bytes = new Uint8Array(input.slice(0));
  } else if (ArrayBuffer.isView(input)) {
    bytes = new Uint8Array(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength));
  } else {
    throw new TypeError('nianbao.check() takes a File, Blob, ArrayBuffer or Uint8Array');
  }
  if (bytes.byteLength > MAX_BYTES) return tooLarge(bytes.byteLength);
  const run = queue.then(() => runOnce(bytes));
  queue = run.catch(() => {});
  return run;
}

async function runOnce(bytes) {
  let e;
  try {
    e = await (load(), engine);
  } catch (err) {
    console.error(err);
    return rejected('unreadable', `无法加载检查程序（${short(err)}）。此浏览器可能过旧（需要支持 WebAssembly），或网页文件不完整。`);
  }
  try {
    return await e.run(bytes);
  } catch (err) {
    // A trap (a Rust panic) leaves the instance unusable: the next check gets a fresh one.
    console.error(err);
    if (engine && (await engine.catch(() => null)) === e) {
      engine = null;
      generation++;
      e.close();
    }
    return rejected('internal', `检查时出现内部错误，未能完成检查（${short(err)}）。其他文件不受影响。`);
  }
}

function startWorker() {
  if (!workerAllowed()) return Promise.reject(new Error('Web Worker unavailable'));
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(workerUrl(), { type: 'module', name: 'nianbao' });
    } catch (e) {
      reject(e);
      return;
    }
    let pending = null; // {resolve, reject} of the check in flight (one at a time, see queue)
    let ready = false;
    const fail = (why) => {
      worker.terminate();
      if (!ready) reject(why);
      pending?.reject(why);
      pending = null;
    };
    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      fail(new Error(ev.message || 'the worker stopped'));
    });
    worker.addEventListener('messageerror', () => fail(new Error('unreadable message from the worker')));
    worker.addEventListener('message', ({ data }) => {
      if (!ready) {
        if (!data?.ready) return fail(new Error(data?.error ?? 'the worker did not start'));
        ready = true;
        resolve({
          mode: 'worker',
          version: data.version,
          rules: data.rules,
          run(bytes) {
            return new Promise((res, rej) => {
              pending = { resolve: res, reject: rej };
              worker.postMessage({ id: 1, bytes }, [bytes.buffer]);
            });
          },
          close: () => worker.terminate(),
        });
        return;
      }
      const p = pending;
      pending = null;
      if (!p) return;
      if ('result' in data) p.resolve(data.result);
      else p.reject(new Error(data.error));
    });
  });
}

/** The worker's URL, as a TrustedScriptURL where the host page requires Trusted Types. */
function workerUrl() {
  const url = new URL('./worker.js', import.meta.url).href;
  const tt = globalThis.trustedTypes;
  if (!tt?.createPolicy) return url;
  policy ??= tt.createPolicy('nianbao', {
    createScriptURL: (u) => {
      if (u !== url) throw new TypeError('nianbao: unexpected script URL');
      return u;
    },
  });
  return policy.createScriptURL(url);
}

async function startMain(gen) {
  const mod = await mainThreadGlue(gen);
  let catalogue;
  try { catalogue = mod.rules() ?? []; } catch { catalogue = []; }
  return {
    mode: 'main',
    version: mod.version(),
    rules: catalogue,
    run: async (bytes) => mod.check(bytes),
    close() {},
  };
}

const short = (e) => String(e?.message ?? e).slice(0, 120);

function tooLarge(size) {
  return rejected('too_large', `文件大小为 ${(size / 1048576).toFixed(0)} MB，超过 100 MB，不像是年度报告，未检查。请确认选择的文件是否正确。`);
}

/** A result made here (not by the checker) for a file that could not be checked. */
function rejected(code, message) {
  return { status: 'rejected', rejection: { code, message }, report: {}, findings: [], values: {} };
}
