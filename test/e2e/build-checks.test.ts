// What the sandbox would refuse fails at `build` (and at `backtest` of the source, which builds it
// first): exit 6, naming the import or export, the line that uses it, and what to write instead.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { buildStrategy } from '../../host/build/asc.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-build-checks-'));
});

const CASES: { fixture: string; message: string }[] = [
  {
    fixture: 'uses-date-now',
    message: 'test/fixtures/uses-date-now.ts: import "env"."Date.now" is not part of the Backproof ABI, used at test/fixtures/uses-date-now.ts:7:17 (const now = Date.now();); ' +
      "hint: a backtest has no wall clock: use bar.time (the bar's time, i64 nanoseconds since the Unix epoch, UTC)",
  },
  {
    fixture: 'uses-trace',
    message: 'test/fixtures/uses-trace.ts: import "env"."trace" is not part of the Backproof ABI, used at test/fixtures/uses-trace.ts:7:5 (trace("close", 1, bar.close);); ' +
      'hint: print with this.log("...") (the SDK\'s Strategy.log): its lines go to the run\'s log, charged and capped',
  },
  {
    fixture: 'bad-import',
    message: 'test/fixtures/bad-import.ts: import "wasi_snapshot_preview1"."proc_exit" is not part of the Backproof ABI, used at test/fixtures/bad-import.ts:10:5 (proc_exit(1);); ' +
      'hint: a strategy has no system access (files, clock, environment, exit) inside the sandbox',
  },
  {
    // the call has no location of its own in the map: the declaration is named instead (tester D7)
    fixture: 'uses-fd-write',
    message: 'test/fixtures/uses-fd-write.ts: import "wasi_snapshot_preview1"."fd_write" is not part of the Backproof ABI, declared at test/fixtures/uses-fd-write.ts:5:1 (@external("wasi_snapshot_preview1", "fd_write")); ' +
      'hint: a strategy has no system access (files, clock, environment, exit) inside the sandbox',
  },
  {
    fixture: 'no-abi-exports',
    message: 'test/fixtures/no-abi-exports.ts: the module does not export function "on_bar"; ' +
      'hint: add `export * from "../../guest-sdk/abi";` to test/fixtures/no-abi-exports.ts (the SDK\'s exports, which the host calls)',
  },
  {
    // the signature found and the ABI's both named, as for on_bar (tester: it named neither)
    fixture: 'bad-on-trade',
    message: 'test/fixtures/bad-on-trade.ts: "on_trade" has signature (f64, f64) -> (); the ABI\'s is (f64, f64, f64, f64) -> (); ' +
      'hint: declare it as the SDK does (`export function on_trade(size: f64, entryPrice: f64, exitPrice: f64, pnl: f64): void`), or export the SDK\'s own (`export * from "../../guest-sdk/abi";`)',
  },
];

describe('build refuses what the sandbox would refuse', () => {
  for (const c of CASES) {
    it(`${c.fixture}: build and backtest exit 6 with the import or export, the line and a hint; nothing is written`, async () => {
      const out = path.join(work, c.fixture);
      const built = await cli('build', `test/fixtures/${c.fixture}.ts`, '--out', `${out}.wasm`);
      expect(built.code).toBe(6);
      expect(built.err).toBe(`backproof build: error BUILD_FAILED: ${c.message}`);
      const run = await cli('backtest', '--strategy', `test/fixtures/${c.fixture}.ts`, '--data', 'data/GOOG.csv', '--out', `${out}-run`, '--unsigned');
      expect(run.code).toBe(6);
      expect(run.err).toBe(`backproof backtest: error BUILD_FAILED: ${c.message}`);
      expect((await readdir(work)).filter((f) => f.startsWith(c.fixture))).toEqual([]);
    });
  }

  it('a module built some other way is still refused by the sandbox (exit 4)', async () => {
    const wasm = path.join(work, 'escape.wasm');
    await writeFile(wasm, (await buildStrategy('test/fixtures/bad-import.ts')).wasm); // asc only, no check
    const r = await cli('backtest', '--strategy', wasm, '--data', 'data/GOOG.csv', '--out', path.join(work, 'escape-run'), '--unsigned');
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/^backproof backtest: error IMPORT_NOT_ALLOWED: import "wasi_snapshot_preview1"."proc_exit" \(byte offset \d+\) is not part of the Backproof ABI; allowed: backproof.position, /);
  });

  it('a strategy that keeps to the ABI builds, with its source map beside the module', async () => {
    const r = await cli('build', 'strategies-as/sma-cross.ts', '--out', path.join(work, 'sma.wasm'));
    expect(r.code).toBe(0);
    expect((await readdir(work)).filter((f) => f.startsWith('sma')).sort()).toEqual(['sma.build.json', 'sma.wasm', 'sma.wasm.map']);
  });
});
