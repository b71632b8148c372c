// A small static file server for the page: used by the end-to-end tests and by `./build.sh serve`.
// It binds to 127.0.0.1, sends the strict Content-Security-Policy the page must live under, and
// serves .wasm as application/wasm.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1. Resolves to { url, requests, close }, where `requests` lists every
 * path asked for (tests count them). `csp` is the policy sent with every file (false for none);
 * `cors` adds Access-Control-Allow-Origin: * for use from another origin. Unless `keepAlive`, the
 * server does not keep the process running, so a test that fails before closing it cannot hang.
 */
export function startServer({ root, port = 0, csp = CSP, cors = false, keepAlive = false } = {}) {
  const base = path.resolve(root);
  const requests = [];
  const server = http.createServer(async (req, res) => {
    // A malformed address (a broken percent-escape such as /%E0%A4%A, which decodeURIComponent
    // refuses) is the client's mistake: 400, and the server goes on serving.
    let url;
    let name;
    try {
      url = new URL(req.url, 'http://127.0.0.1');
      name = decodeURIComponent(url.pathname);
    } catch {
      requests.push(req.url);
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    requests.push(url.pathname);
    let file = path.normalize(path.join(base, name));
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      const headers = {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      };
      if (csp) headers['Content-Security-Policy'] = csp;
      if (cors) headers['Access-Control-Allow-Origin'] = '*';
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      if (!keepAlive) server.unref();
      const { port: actual } = server.address();
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        requests,
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections();
          }),
      });
    });
  });
}

// `node server.mjs ROOT [PORT]`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'www', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port), keepAlive: true });
  console.log(`Samtaleplan: ${url}  (Ctrl-C stopper / stops)`);
}
