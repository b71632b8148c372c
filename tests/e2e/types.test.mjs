// The npm package's TypeScript types: tests/types/usage.ts, a portal's use of plan(), the
// element and the module, must type-check with tsc --strict against dist/samtaleplan (the types
// of the contract generated from the Rust types by tsify), and every mistake marked
// @ts-expect-error there must be caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repo } from './browser.mjs';

test('the package types check a portal that uses them, and catch its mistakes', () => {
  const generated = path.join(repo, 'dist/samtaleplan/pkg/samtaleplan.d.ts');
  assert.ok(existsSync(generated), `build the package first (./build.sh): ${generated}`);
  const tsc = path.join(repo, 'node_modules/.bin/tsc');
  const run = spawnSync(tsc, ['-p', path.join(repo, 'tests/types/tsconfig.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
