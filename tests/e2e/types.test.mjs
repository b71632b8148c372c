// The npm package's TypeScript types: tests/types/usage.ts, a portal's use of plan(), the
// element, its events on document and window, and the module, must type-check with tsc --strict against dist/samtaleplan (the types
// of the contract generated from the Rust types by tsify), and every mistake marked
// @ts-expect-error there must be caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repo } from './browser.mjs';

test('the package types check a portal that uses them, and catch its mistakes', () => {
  const generated = path.join(repo, 'dist/samtaleplan/pkg/samtaleplan.d.ts');
  assert.ok(existsSync(generated), `build the package first (./build.sh): ${generated}`);
  const tsc = path.join(repo, 'node_modules/.bin/tsc');
  const run = spawnSync(tsc, ['-p', path.join(repo, 'tests/types/tsconfig.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

// React's and Vue's JSX (issue 22): `samtaleplan/react` and `samtaleplan/vue` add the tag and its
// attributes; tests/types/react/portal.tsx and tests/types/vue/portal.tsx use them, and mark the
// mistakes the types must catch with @ts-expect-error.
for (const framework of ['react', 'vue']) {
  test(`the tag in ${framework === 'react' ? "React's" : "Vue's"} JSX is typed with its attributes`, () => {
    const tsc = path.join(repo, 'node_modules/.bin/tsc');
    const run = spawnSync(tsc, ['-p', path.join(repo, `tests/types/${framework}/tsconfig.json`)], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
}

test('the TypeScript in EMBEDDING.md is in usage.ts, so tsc --strict checks it', () => {
  const doc = readFileSync(path.join(repo, 'EMBEDDING.md'), 'utf8');
  const usage = readFileSync(path.join(repo, 'tests/types/usage.ts'), 'utf8');
  const lines = (text) => text.split('\n').map((line) => line.trim()).join('\n');
  const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, body]) => body);
  assert.ok(blocks.length > 0, 'EMBEDDING.md has a TypeScript example');
  for (const block of blocks) assert.ok(lines(usage).includes(lines(block).trim()), `usage.ts must hold, line for line:\n${block}`);
});

// The pages' JavaScript (issue 25): every www/*.js says `// @ts-check` and is in one of the two
// projects (the pages against the DOM, the caseload's worker in a worker's scope), and both pass.
for (const project of ['pages', 'worker']) {
  test(`the ${project === 'pages' ? "pages'" : "caseload worker's"} JavaScript type-checks (tests/types/${project})`, () => {
    const tsc = path.join(repo, 'node_modules/.bin/tsc');
    const run = spawnSync(tsc, ['-p', path.join(repo, `tests/types/${project}/tsconfig.json`)], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
}

test('every www/*.js says // @ts-check and is checked by tsc', () => {
  const tsc = path.join(repo, 'node_modules/.bin/tsc');
  const checked = new Set();
  for (const project of ['pages', 'worker']) {
    const run = spawnSync(tsc, ['-p', path.join(repo, `tests/types/${project}/tsconfig.json`), '--listFilesOnly'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    for (const file of run.stdout.split('\n')) checked.add(path.resolve(file.trim()));
  }
  const scripts = readdirSync(path.join(repo, 'www')).filter((name) => name.endsWith('.js'));
  assert.ok(scripts.length >= 9, `www/ has its scripts: ${scripts}`);
  for (const name of scripts) {
    const file = path.join(repo, 'www', name);
    assert.ok(readFileSync(file, 'utf8').startsWith('// @ts-check\n'), `${name} starts with // @ts-check`);
    assert.ok(checked.has(file), `${name} is in tests/types/pages or tests/types/worker`);
  }
});

// The caseload's answers are typed in www/pkg/caseload.d.ts, generated from the Rust structs
// (tsify) with the module's signatures (wasm-bindgen's unchecked_return_type): real answers of the
// caseload module (run in Node.js) are written into a TypeScript file as object literals of the
// types its methods declare they return, so tsc --strict refuses an answer the generated types do
// not describe (an object literal may have no property its type lacks, and must have every one it
// requires) — a serde attribute that shapes the JSON but not the types, a hand-written type
// (ChartNode) or a signature gone out of step with the Rust.
test('the caseload module answers with the types of its generated www/pkg/caseload.d.ts', async () => {
  const wasm = path.join(repo, 'www/pkg/caseload_bg.wasm');
  assert.ok(existsSync(wasm), `build the modules first (./build.sh): ${wasm}`);
  const core = await import(pathToFileURL(path.join(repo, 'www/pkg/caseload.js')).href);
  core.initSync({ module: readFileSync(wasm) });
  const answers = [];
  const run = (name, today, bytes) => {
    const job = new core.CaseloadJob(today, 'da', 5, undefined, undefined);
    job.feed(bytes);
    while (job.pump(5000) > 0);
    const summary = job.finish();
    const first = summary.closing_this_week.items[0] ?? summary.overdue.items[0] ?? summary.closing_next_week.items[0];
    answers.push([`${name}_summary`, 'ReturnType<CaseloadJob["finish"]>', summary]);
    answers.push([`${name}_akasse`, 'ReturnType<CaseloadJob["summary"]>', job.summary('akasse')]);
    answers.push([`${name}_page`, 'ReturnType<CaseloadJob["query"]>', job.query({ offset: 0, limit: 5 })]);
    answers.push([`${name}_chart`, 'ReturnType<typeof workloadChart>', core.workloadChart(summary.workload, 'da')]);
    const booking = job.book('akasse=1,jobcenter=2', 5);
    answers.push([`${name}_booking`, 'ReturnType<CaseloadJob["book"]>', booking]);
    const week = booking.weeks[0].from;
    answers.push([`${name}_call_in`, 'ReturnType<CaseloadJob["callIn"]>', job.callIn(week, '', 0, 5)]);
    if (first) {
      answers.push([`${name}_member`, 'ReturnType<CaseloadJob["member"]>', job.member(first.member)]);
      answers.push([`${name}_proposal`, 'ReturnType<CaseloadJob["memberProposal"]>', job.memberProposal(first.member)]);
    }
    job.free();
  };
  const file = (name) => readFileSync(path.join(repo, 'tests/caseload', name));
  run('booking', '2024-06-10', file('booking.csv'));
  run('messy', '2024-10-01', file('messy.csv'));
  run('presence', '2025-03-01', file('presence.csv'));
  run('named', '2024-10-01', file('excel-1252.csv'));
  // Optional fields are seen present somewhere, so a renamed one is caught too.
  const all = JSON.stringify(answers);
  for (const field of ['"name":', '"errors":[{', '"per_mille":null', '"delimiter":', '"name_column":', '"at_risk":true']) {
    assert.ok(all.includes(field), `the answers show ${field}`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samtaleplan-caseload-types-'));
  try {
    // Each answer's type is the return type its method declares: `ReturnType<CaseloadJob['summary']>`,
    // not a name chosen here, so a signature typed wrongly (or `any` again) is caught too.
    const types = path.join(repo, 'www/pkg/caseload.js');
    // What the module exports, not wasm-bindgen's raw exports (InitOutput), which take `any`.
    const declared = readFileSync(path.join(repo, 'www/pkg/caseload.d.ts'), 'utf8').split('export type InitInput')[0];
    assert.doesNotMatch(declared, /:\s*any\b/, 'no parameter or answer of the caseload module is any');
    const source = [`import type { CaseloadJob, workloadChart } from ${JSON.stringify(types)};`]
      .concat(answers.map(([name, type, value]) => `export const ${name}: ${type} = ${JSON.stringify(value, null, 1)};`))
      .join('\n');
    writeFileSync(path.join(dir, 'answers.ts'), source);
    const tsc = path.join(repo, 'node_modules/.bin/tsc');
    const args = ['--strict', '--noEmit', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler', '--lib', 'es2022,esnext.disposable,dom', path.join(dir, 'answers.ts')];
    const check = spawnSync(tsc, args, { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
