// A tiny static server for www/ on 127.0.0.1, with the page's Content-Security-Policy as a header.
//   node tools/serve.mjs [PORT]        (or PORT=… ; default 8080; 0 = any free port)
// Prints "nianbao: http://127.0.0.1:PORT/" once listening. No dependencies.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Content types by file extension (shared with the benchmark's server). */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Starts the server; resolves to {server, port, url}. `csp`: the policy sent with every response
 * (tests serve host pages with other policies); `onRequest(path)` sees each request's path.
 */
export function serve({ root = fileURLToPath(new URL('../www/', import.meta.url)), port = 8080, host = '127.0.0.1',
  csp = CSP, onRequest = null } = {}) {
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  const server = createServer((req, res) => {
    onRequest?.(req.url);
    const send = (status, text) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': csp });
      res.end(text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (path.includes('\0')) return send(400, 'bad request');
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (!file.startsWith(base)) return send(403, 'forbidden');
    let st;
    try {
      st = statSync(file);
    } catch {
      return send(404, 'not found');
    }
    if (!st.isFile()) return send(404, 'not found');
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': st.size,
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const real = server.address().port;
      resolve({ server, port: real, url: `http://${host}:${real}/` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const { url } = await serve({ port });
  console.log(`nianbao: ${url}`);
}
