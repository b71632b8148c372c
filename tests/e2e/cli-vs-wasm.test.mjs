// The command line and the WebAssembly module in Chromium give byte-identical JSON for the same
// request: a few hundred generated requests across every regime (fixed seed), good and bad.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { useBrowser, openPage, repo } from './browser.mjs';

const cli = path.join(repo, 'target', 'release', 'samtaleplan');

/** A small deterministic generator (mulberry32), so every run checks the same requests. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function requests() {
  const r = rng(20240304);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const day = (from, span) => {
    const d = new Date(Date.UTC(...from));
    d.setUTCDate(d.getUTCDate() + Math.floor(r() * span));
    return d.toISOString().slice(0, 10);
  };
  const out = [];
  for (let i = 0; i < 400; i++) {
    const req = { start: day([2015, 6, 1], 365 * 15) };
    if (r() < 0.3) req.insurance = pick(['fuldtid', 'deltid']);
    if (r() < 0.2) req.group = pick(['standard', 'jobcenter_from_day_one']);
    if (r() < 0.3) req.lang = pick(['da', 'en']);
    if (r() < 0.5) req.today = day([2024, 0, 1], 1200);
    if (r() < 0.5) {
      req.pauses = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
        const from = day([Number(req.start.slice(0, 4)) - 1, 11, 1], 700);
        const to = new Date(from);
        to.setUTCDate(to.getUTCDate() + Math.floor(r() * 60));
        const pause = { from, to: to.toISOString().slice(0, 10), reason: pick(['arbejde', 'sygdom', 'barsel', 'ferie', 'afmeldt', 'andet']) };
        // Part-time work: the hours a week as a number, written back by both with its shortest digits.
        if (r() < 0.3) pause.hours_per_week = pick([0.5, 7.25, 15, 18.5, 29.62, 36.99, 37, 45, 168]);
        return pause;
      });
    }
    if (r() < 0.2) req.compare = true;
    if (r() < 0.1) req.handover = day([Number(req.start.slice(0, 4)), 0, 1], 900); // often out of range or not applicable
    out.push(JSON.stringify(req));
  }
  out.push('{"start":"2024-02-30"}', '{"start":"2015-06-30","lang":"en"}', '{"start":"2024-03-04","x":1}',
    '{"start":"2020-05-01","group":"jobcenter_from_day_one"}', '[]',
    '{"start":"2024-03-04","pauses":[{"from":"2024-06-01","to":"2024-08-31","hours_per_week":0}]}',
    '{"start":"2024-03-04","pauses":[{"from":"2024-06-01","to":"2024-08-31","hours_per_week":18.555}]}',
    '{"start":"2024-03-04","lang":"en","pauses":[{"from":"2024-06-01","to":"2024-08-31","hours_per_week":"15"}]}',
    '{"start":"2024-03-04","pauses":[{"from":"2024-03-05","to":"2199-12-31"}]}',
    `{"lang":"en","start":"2024-03-04","x":"${'y'.repeat(70000)}"}`, `{"start":"${'9'.repeat(70000)}"}`, '{"start":"2024-03-04","start":"2024-03-05"}', '{"start":"2024-03-04"');
  return out;
}

const ctx = useBrowser();

test('command line and WebAssembly give the same bytes', async () => {
  assert.ok(existsSync(cli), `build the command line first (cargo build --release): ${cli}`);
  const lines = requests();
  const run = spawnSync(cli, ['--jsonl'], { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  const fromCli = run.stdout.split('\n').slice(0, -1);
  assert.equal(fromCli.length, lines.length);

  const { page, problems } = await openPage(ctx.browser);
  await page.goto(ctx.server.url);
  const fromWasm = await page.evaluate(async (lines) => {
    // planJson (JSON text) is in the caseload module; plan() (objects) is the plan module's.
    const m = await import('./pkg/samtaleplan.js');
    await m.default();
    const c = await import('./pkg/caseload.js');
    await c.default();
    return lines.map((line) => {
      const viaText = c.planJson(line);
      let viaObject;
      try {
        viaObject = JSON.stringify(m.plan(JSON.parse(line)));
      } catch (e) {
        const error = { code: e.code, message: e.message };
        if (e.field !== undefined) error.field = e.field;
        viaObject = e instanceof SyntaxError ? null : JSON.stringify({ error });
      }
      return { viaText, viaObject };
    });
  }, lines);

  /** Where two answers part, with some context, so a failure is readable. */
  const same = (got, want, what, line) => {
    if (got === want) return;
    let k = 0;
    while (got[k] === want[k]) k++;
    assert.fail(`${what} differs for ${line.slice(0, 200)} at byte ${k}:\n  wasm: …${got.slice(Math.max(0, k - 60), k + 60)}\n  cli:  …${want.slice(Math.max(0, k - 60), k + 60)}`);
  };
  let errors = 0;
  for (let i = 0; i < lines.length; i++) {
    same(fromWasm[i].viaText, fromCli[i], 'planJson', lines[i]);
    // A JS object can say less than JSON text (no duplicate keys, no syntax errors): compare where it can.
    const duplicate = lines[i].includes('"start":"2024-03-04","start"');
    // An object's size is not its text's: a request too large is so by its strings' length, and
    // the message names that number rather than the text's bytes.
    const tooLarge = fromCli[i].includes('"code":"E_REQUEST_TOO_LARGE"');
    if (fromWasm[i].viaObject !== null && !duplicate && !tooLarge) {
      same(fromWasm[i].viaObject, fromCli[i], 'plan()', lines[i]);
    }
    if (tooLarge) assert.match(fromWasm[i].viaObject, /"code":"E_REQUEST_TOO_LARGE"/, lines[i].slice(0, 80));
    if (fromCli[i].startsWith('{"error"')) errors++;
  }
  assert.ok(errors >= 11 && errors < lines.length / 2, `a mix of plans and errors (${errors} errors)`);
  assert.deepEqual(problems, []);
  await page.close();
});
