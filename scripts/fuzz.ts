/**
 * Runs the fuzzed properties of test/fuzz (docs/FUZZING.md) for longer than CI does, from a fresh seed,
 * and saves every failing case (its seed and fast-check path, shrunk) as test/fuzz/regressions/NAME-SEED.json,
 * which the tests then replay: a saved seed is a regression test.
 *
 *   npm run fuzz -- --seconds 600 [--seed 1234] [--only engine-invariants,loaders-csv-mutated]
 *   npm run fuzz -- --list
 *   (--grace S: a property still running S seconds past its share of the time is called hung; default 120)
 *
 * Each property runs on a worker thread under a watchdog: a case that never returns (a hang) cannot stall
 * the run; the worker is ended and the seed saved with the number of cases it had reached.
 */
import fc from 'fast-check';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { saveRegression, type Regression } from '../test/fuzz/regressions.ts';

type Job = { name: string; seed: number; budgetMs: number; graceMs: number };
type Failure = Omit<Regression, 'property'> & { report?: string };
type Outcome = { name: string; seed: number; runs: number; ms: number; failure?: Failure };

if (!isMainThread) {
  // A property's worker: one fast-check run, its outcome posted back.
  const { name, seed, budgetMs } = workerData as Job;
  const { PROPERTIES } = await import('../test/fuzz/properties/index.ts');
  const p = PROPERTIES.find((q) => q.name === name)!;
  parentPort!.postMessage('started'); // the watchdog counts from here, not from the worker's (slow) module loading
  const started = performance.now();
  const result = await fc.check(p.property(), { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false });
  const outcome: Outcome = { name, seed, runs: result.numRuns, ms: performance.now() - started };
  if (result.failed) {
    const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    outcome.failure = { seed: result.seed, path: result.counterexamplePath ?? '', counterexample: fc.stringify(result.counterexample), error: error.split('\n')[0]!, report: fc.defaultReportMessage(result) };
  }
  parentPort!.postMessage(outcome);
} else {
  let values;
  try {
    ({ values } = parseArgs({
      // --grace: how long past its share of the time a property's worker may go before it is called hung (a case can be slow).
      options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string' }, only: { type: 'string' }, grace: { type: 'string', default: '120' }, list: { type: 'boolean', default: false } },
    }));
  } catch (e) {
    usage((e as Error).message);
  }
  // Checked before the properties load (a second or more: binaryen, the engine, the loaders).
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) usage(`--seconds must be a positive number, got "${values.seconds}"`);
  const grace = Number(values.grace);
  if (!(grace > 0)) usage(`--grace must be a positive number, got "${values.grace}"`);
  if (values.seed !== undefined && !/^-?\d+$/.test(values.seed)) usage(`--seed must be a whole number, got "${values.seed}"`);
  // The loaders' cache property writes column caches: into a fresh folder, never the user's cache (as the tests
  // do). Set before any worker starts: workers inherit the environment.
  if (!process.env.BACKPROOF_CACHE_DIR || process.env.BACKPROOF_CACHE_DIR === 'off') {
    const dir = mkdtempSync(path.join(tmpdir(), 'backproof-fuzz-cache-'));
    process.env.BACKPROOF_CACHE_DIR = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  const { PROPERTIES } = await import('../test/fuzz/properties/index.ts');
  if (values.list) {
    for (const p of PROPERTIES) console.log(`${p.name.padEnd(28)} ${p.invariant}`);
    process.exit(0);
  }
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((n) => !PROPERTIES.some((p) => p.name === n)) ?? [];
  if (unknown.length > 0) usage(`--only: no property named ${unknown.join(', ')} (see --list)`);
  const chosen = PROPERTIES.filter((p) => !only || only.includes(p.name));
  // A fresh seed unless one is given (this script is a tool, not a run: its seed may come from the OS).
  const base = values.seed !== undefined ? Number(values.seed) | 0 : randomInt(2 ** 31);

  let failures = 0;
  for (const [i, p] of chosen.entries()) {
    const job: Job = { name: p.name, seed: (base + i) | 0, budgetMs: (seconds * 1000) / chosen.length, graceMs: grace * 1000 };
    const outcome = await runJob(job);
    const took = (outcome.ms / 1000).toFixed(1);
    if (!outcome.failure) {
      console.log(`${p.name}: ${outcome.runs} cases in ${took} s, seed ${job.seed}: passed`);
      continue;
    }
    failures++;
    const { report, ...failure } = outcome.failure;
    const file = saveRegression({ property: p.name, ...failure });
    console.log(`${p.name}: FAILED after ${outcome.runs} cases (seed ${failure.seed}${failure.path ? `, path ${failure.path}` : ''}), saved ${file}`);
    console.log(report ?? failure.error);
  }
  process.exit(failures > 0 ? 1 : 0);
}

function usage(message: string): never {
  console.error(`fuzz: ${message}`);
  process.exit(2);
}

/** Runs one property on a worker; a worker silent past its time and the grace (from its start) is ended and reported as hung. */
function runJob(job: Job): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    let hung: NodeJS.Timeout | undefined;
    const arm = () => setTimeout(() => {
      void worker.terminate();
      const error = `hung: no outcome within ${((job.budgetMs + job.graceMs) / 1000).toFixed(0)} s (a case never returned)`;
      // No path: the replay runs the property from this seed, as many cases as it had time for (bounded by the test's timeout).
      resolve({ ...job, runs: 0, ms: performance.now() - started, failure: { seed: job.seed, path: '', counterexample: '', error } });
    }, job.budgetMs + job.graceMs);
    worker.on('message', (o: Outcome | 'started') => {
      if (o === 'started') {
        hung = arm();
        return;
      }
      clearTimeout(hung);
      void worker.terminate();
      resolve(o);
    });
    worker.once('error', (e) => {
      clearTimeout(hung);
      reject(e);
    });
  });
}
