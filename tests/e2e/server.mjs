// A small static file server for the page: used by the end-to-end tests and by `./build.sh serve`.
// It binds to 127.0.0.1, sends the strict Content-Security-Policy the page must live under, and
// serves .wasm as application/wasm; asked to, it compresses as a production host should (brotli or
// gzip by the browser's Accept-Encoding, with Vary: Accept-Encoding), for the slow-phone benchmark.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
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

// What is worth compressing: text and the module. Fonts (woff2) and PNGs are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.ts', '.txt']);

// Each encoding at its highest level, as a host compressing once at deploy time would use.
const ENCODERS = {
  br: (body) =>
    brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => gzipSync(body, { level: 9 }),
};

/** The first of `offered` (in the server's order of preference) that the Accept-Encoding accepts. */
function negotiate(acceptEncoding = '', offered) {
  const accepted = new Set();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return offered.find((e) => accepted.has(e) || accepted.has('*')) ?? null;
}

/**
 * Serves `root` on 127.0.0.1. Resolves to { url, requests, close }, where `requests` lists every
 * path asked for (tests count them). `csp` is the policy sent with every file (false for none);
 * `cors` adds Access-Control-Allow-Origin: * for use from another origin. `compress` lists the
 * encodings offered, in order of preference (['br', 'gzip'], or one of them; true is both):
 * text and the module are then sent in the first one the browser accepts, at its highest level,
 * each file compressed once (again when it changes). Unless `keepAlive`, the server does not keep
 * the process running, so a test that fails before closing it cannot hang.
 */
export function startServer({ root, port = 0, csp = CSP, cors = false, keepAlive = false, compress = false } = {}) {
  const base = path.resolve(root);
  const requests = [];
  const offered = compress === true ? ['br', 'gzip'] : compress || [];
  for (const e of offered) if (!ENCODERS[e]) throw new Error(`unknown encoding ${e} (br, gzip)`);
  const compressed = new Map(); // file and encoding -> { mtimeMs, size, body }
  const encode = (file, info, body, encoding) => {
    const key = `${encoding}\0${file}`;
    const hit = compressed.get(key);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.body;
    const out = ENCODERS[encoding](body);
    compressed.set(key, { mtimeMs: info.mtimeMs, size: info.size, body: out });
    return out;
  };
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
      let info = await stat(file);
      if (info.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      let body = await readFile(file);
      const headers = {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      };
      if (csp) headers['Content-Security-Policy'] = csp;
      if (cors) headers['Access-Control-Allow-Origin'] = '*';
      if (offered.length && COMPRESSIBLE.has(path.extname(file))) {
        headers.Vary = 'Accept-Encoding';
        const encoding = negotiate(req.headers['accept-encoding'], offered);
        if (encoding) {
          body = encode(file, info, body, encoding);
          headers['Content-Encoding'] = encoding;
        }
      }
      headers['Content-Length'] = body.length;
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

// `node server.mjs ROOT [PORT]`; COMPRESS=br,gzip (or one of them) compresses as a host would.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'www', port = '8080'] = process.argv.slice(2);
  const compress = process.env.COMPRESS ? process.env.COMPRESS.split(',').map((e) => e.trim()) : false;
  const { url } = await startServer({ root, port: Number(port), keepAlive: true, compress });
  console.log(`Samtaleplan: ${url}  (Ctrl-C stopper / stops)`);
}
