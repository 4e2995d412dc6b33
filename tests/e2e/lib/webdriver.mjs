// A small W3C WebDriver client (fetch over HTTP to the driver) for the engines playwright-core does
// not drive here: Firefox ESR through geckodriver and WebKitGTK (Safari's engine) through
// WebKitWebDriver, run under xvfb-run. Only what the cross-engine tests use: a session, navigation,
// scripts, element clicks, window size, screenshots.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

const which = (names) => {
  for (const n of names) {
    for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/bin', `${process.env.HOME}/.cargo/bin`])) {
      if (dir && existsSync(join(dir, n))) return join(dir, n);
    }
  }
  return null;
};

/** A free TCP port on localhost. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser'].find((p) => existsSync(p)) ?? null;

/**
 * The engines this machine can drive through WebDriver: {firefox, webkit} → what is missing (null when
 * the engine can run). Installed by `bash tools/install.sh --browser`.
 */
export function missing() {
  const firefox = !which(['firefox-esr', 'firefox']) ? 'firefox-esr' : !which(['geckodriver']) ? 'geckodriver' : null;
  const webkit = !which(['WebKitWebDriver']) ? 'webkit2gtk-driver (WebKitWebDriver)'
    : !which(['xvfb-run']) ? 'xvfb (xvfb-run)' : !MINIBROWSER ? 'MiniBrowser (libwebkit2gtk-4.1-0)' : null;
  return { firefox, webkit };
}

/** Starts the driver for `engine` ('firefox' | 'webkit') and a session in it. */
export async function launch(engine, { width = 1280, height = 900 } = {}) {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), `nianbao-${engine}-`));
  let child;
  let caps;
  if (engine === 'firefox') {
    child = spawn(which(['geckodriver']), ['--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore', env: { ...process.env, MOZ_HEADLESS: '1' } });
    caps = {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: which(['firefox-esr', 'firefox']),
        args: ['-headless', '-profile', profile],
        prefs: { 'intl.accept_languages': 'zh-CN', 'browser.download.folderList': 2, 'browser.download.dir': profile },
      },
    };
  } else if (engine === 'webkit') {
    // WebKitGTK needs a display: a virtual one (-a: a free server number). The driver is a child
    // of xvfb-run; it is stopped with the whole process group.
    child = spawn(which(['xvfb-run']), ['-a', '-s', '-screen 0 1600x1200x24', which(['WebKitWebDriver']), `--port=${port}`],
      { stdio: 'ignore', detached: true });
    caps = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } };
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      if (engine === 'webkit') process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch { /* already gone */ }
    rmSync(profile, { recursive: true, force: true });
  };
  // Wait for the driver to listen.
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok) break;
    } catch { /* not yet */ }
    if (i > 100) { stop(); throw new Error(`${engine}: the WebDriver server did not start`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  const call = async (method, path, body) => {
    const r = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(`${engine} ${method} ${path}: ${json.value?.error ?? r.status}: ${json.value?.message ?? ''}`);
    return json.value;
  };
  let session;
  try {
    session = (await call('POST', '/session', { capabilities: { alwaysMatch: caps } })).sessionId;
  } catch (e) {
    stop();
    throw e;
  }
  const s = (path) => `/session/${session}${path}`;
  const browser = {
    engine,
    /** Navigates and waits for the load. */
    goto: (url) => call('POST', s('/url'), { url }),
    /**
     * Runs `fn` (a function, its source sent as text) in the page with JSON arguments; awaits its
     * promise. Elements returned come back as element references.
     */
    eval: (fn, ...args) => call('POST', s('/execute/async'), {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn}).apply(null, Array.from(arguments).slice(0, -1)))
          .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`,
      args,
    }).then((r) => {
      if (r?.error) throw new Error(`${engine}: in the page: ${r.error}`);
      return r?.ok;
    }),
    /** A real click (the driver's pointer) on an element reference. */
    click: (ref) => call('POST', s(`/element/${ref[ELEMENT]}/click`), {}),
    /** Types into the focused element (keys as the W3C key codes, e.g. '\uE004' for Tab). */
    keys: (ref, text) => call('POST', s(`/element/${ref[ELEMENT]}/value`), { text }),
    setSize: (w, h) => call('POST', s('/window/rect'), { width: w, height: h }),
    screenshot: () => call('GET', s('/screenshot')).then((b64) => Buffer.from(b64, 'base64')),
    async close() {
      try { await call('DELETE', s('')); } catch { /* the browser may be gone */ }
      stop();
    },
  };
  try {
    await browser.setSize(width, height);
  } catch { /* some window managers refuse; the default size is used */ }
  return browser;
}
