// The development server (tests/e2e/server.mjs, behind `./build.sh serve`) run as `./build.sh
// serve` runs it, as its own process: a malformed percent-escape is answered 400 and the server
// goes on serving; an address outside www/ is refused. Asked to compress (the slow-phone benchmark),
// it sends brotli or gzip as the browser accepts, and the bytes decode to the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { repo } from './browser.mjs';
import { startServer } from './server.mjs';

/** GET `pathname` exactly as written (no normalising by a URL parser): { status, body }. */
function get(base, pathname) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: pathname, method: 'GET', agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the development server answers a malformed percent-escape with 400 and keeps serving', async () => {
  const server = spawn(process.execPath, [path.join(repo, 'tests/e2e/server.mjs'), path.join(repo, 'www'), '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (c) => (stderr += c));
  try {
    const base = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (c) => {
        out += c;
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
    });
    const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));

    for (const bad of ['/%E0%A4%A', '/%', '/%ZZ', '/pkg/%C3%28.js']) {
      const res = await get(base, bad);
      assert.equal(res.status, 400, `${bad}: ${res.status}`);
      assert.equal(res.body, 'Bad request');
    }
    // Still alive, still serving.
    const page = await get(base, '/');
    assert.equal(page.status, 200);
    assert.match(page.body, /<title>Samtaleplan/);
    assert.equal((await get(base, '/tilgaengelighed.html')).status, 200);
    // Out of www/ by an escaped "..": refused, not served.
    const escape = await get(base, '/%2e%2e/%2e%2e/Cargo.toml');
    assert.ok([403, 404].includes(escape.status), `escape: ${escape.status}`);
    assert.doesNotMatch(escape.body, /\[package\]/);
    assert.equal(server.exitCode, null, `the server stopped: ${stderr}`);
    assert.equal(stderr, '');
    server.kill();
    await exited;
  } finally {
    if (server.exitCode === null) server.kill();
  }
});

/** GET `pathname` with an Accept-Encoding, the body left as sent: { status, headers, body }. */
function getRaw(base, pathname, acceptEncoding) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    const req = http.request({ hostname, port, path: pathname, method: 'GET', agent: false, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('asked to compress, the server sends brotli or gzip by Accept-Encoding, the same bytes', async () => {
  const www = path.join(repo, 'www');
  const server = await startServer({ root: www, compress: ['br', 'gzip'] });
  try {
    const plain = await readFile(path.join(www, 'app.js'));
    const decode = { br: brotliDecompressSync, gzip: gunzipSync };
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['identity', undefined],
      [undefined, undefined],
    ]) {
      const res = await getRaw(server.url, '/app.js', accept);
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], encoding, `Accept-Encoding: ${accept}`);
      assert.equal(res.headers.vary, 'Accept-Encoding');
      assert.equal(Number(res.headers['content-length']), res.body.length);
      assert.deepEqual(encoding ? decode[encoding](res.body) : res.body, plain, `Accept-Encoding: ${accept}`);
      if (encoding) assert.ok(res.body.length < plain.length / 2, `${encoding}: ${res.body.length} of ${plain.length}`);
    }
    // The module too, as application/wasm; the fonts (woff2, compressed already) as they are.
    const wasm = await getRaw(server.url, '/pkg/samtaleplan_bg.wasm', 'gzip, br');
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    assert.equal(wasm.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(wasm.body), await readFile(path.join(www, 'pkg/samtaleplan_bg.wasm')));
    const font = await getRaw(server.url, '/fonts/IBMPlexSans-Regular-Latin1.woff2', 'gzip, br');
    assert.equal(font.headers['content-encoding'], undefined);
    assert.equal(font.headers.vary, undefined);
  } finally {
    await server.close();
  }
  // Without the option nothing is compressed.
  const plainServer = await startServer({ root: www });
  try {
    const res = await getRaw(plainServer.url, '/app.js', 'gzip, br');
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.headers.vary, undefined);
  } finally {
    await plainServer.close();
  }
});
