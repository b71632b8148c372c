// The npm package's TypeScript types: tests/types/usage.ts, a portal's use of plan(), the
// element, its events on document and window, and the module, must type-check with tsc --strict against dist/samtaleplan (the types
// of the contract generated from the Rust types by tsify), and every mistake marked
// @ts-expect-error there must be caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
