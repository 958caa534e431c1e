/**
 * Runs the fuzzed properties of test/fuzz (docs/FUZZING.md) for longer than CI does, from a fresh seed,
 * and saves every failing case (its seed and fast-check path, shrunk) as test/fuzz/regressions/NAME-SEED.json,
 * which the tests then replay: a saved seed is a regression test.
 *
 *   npm run fuzz -- --seconds 600 [--seed 1234] [--only engine-invariants,loaders-mutated]
 *   npm run fuzz -- --list
 */
import fc from 'fast-check';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
// The loaders' cache property writes column caches: into a fresh folder, never the user's cache (as the tests do).
if (!process.env.BACKPROOF_CACHE_DIR || process.env.BACKPROOF_CACHE_DIR === 'off') {
  const dir = mkdtempSync(path.join(tmpdir(), 'backproof-fuzz-cache-'));
  process.env.BACKPROOF_CACHE_DIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
const { PROPERTIES } = await import('../test/fuzz/properties/index.ts');
import { saveRegression } from '../test/fuzz/regressions.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string' }, only: { type: 'string' }, list: { type: 'boolean', default: false } },
});
if (values.list) {
  for (const p of PROPERTIES) console.log(`${p.name.padEnd(28)} ${p.invariant}`);
  process.exit(0);
}
const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new Error(`--seconds must be a positive number, got "${values.seconds}"`);
const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((n) => !PROPERTIES.some((p) => p.name === n)) ?? [];
if (unknown.length > 0) throw new Error(`--only: no property named ${unknown.join(', ')} (see --list)`);
const chosen = PROPERTIES.filter((p) => !only || only.includes(p.name));
// A fresh seed unless one is given (this script is a tool, not a run: its seed may come from the OS).
const base = values.seed !== undefined ? Number(values.seed) | 0 : randomInt(2 ** 31);

let failures = 0;
for (const [i, p] of chosen.entries()) {
  const seed = (base + i) | 0;
  const budget = (seconds * 1000) / chosen.length;
  const started = performance.now();
  const result = await fc.check(p.property(), { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: budget, markInterruptAsFailure: false });
  const took = ((performance.now() - started) / 1000).toFixed(1);
  if (!result.failed) {
    console.log(`${p.name}: ${result.numRuns} cases in ${took} s, seed ${seed}: passed`);
    continue;
  }
  failures++;
  const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  const file = saveRegression({
    property: p.name, seed: result.seed, path: result.counterexamplePath ?? '', counterexample: fc.stringify(result.counterexample),
    error: error.split('\n')[0]!,
  });
  console.log(`${p.name}: FAILED after ${result.numRuns} cases (seed ${result.seed}, path ${result.counterexamplePath}), saved ${file}`);
  console.log(fc.defaultReportMessage(result));
}
process.exit(failures > 0 ? 1 : 0);
