import { beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { loadRecordedRun, openRecordedData, reexecute } from '../../host/inspect/reexecute.ts';

let work: string;
let run: string;
let key: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-e2e-'));
  run = path.join(work, 'run');
  key = path.join(work, 'keys');
  expect((await cli('keygen', '--out', key)).code).toBe(0);
  const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--commission', '0.002', '--out', run, '--key', path.join(key, 'backproof.key'), '--csv', 'trades');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
});

/** Copies the good run, damages one file, and returns the verify outcome. */
async function tampered(file: string, at: (len: number) => number, extra: string[] = []): Promise<{ code: number; err: string }> {
  const dir = path.join(work, `t-${file.replace(/\W/g, '_')}-${Math.random().toString(36).slice(2)}`);
  await cp(run, dir, { recursive: true });
  const p = path.join(dir, file);
  const bytes = await readFile(p);
  const i = at(bytes.length);
  bytes[i] = bytes[i]! ^ 0x01;
  await writeFile(p, bytes);
  return cli('verify', dir, '--pubkey', path.join(key, 'backproof.pub'), ...extra);
}

describe('backproof backtest / verify / replay', () => {
  it('writes a complete run folder and prints the stats table', async () => {
    const stats = JSON.parse(await readFile(path.join(run, 'stats.json'), 'utf8'));
    expect(stats.trades).toBe(93);
    expect(stats.exposurePct).toBeCloseTo(94.273743, 5); // backtesting.py's: bars spanned by closed trades
    const trades = (await readFile(path.join(run, 'trades.csv'), 'utf8')).trim().split('\n');
    expect(trades).toHaveLength(94);
    const record = JSON.parse(await readFile(path.join(run, 'record.json'), 'utf8'));
    expect(record.links.map((l: { kind: string }) => l.kind)).toEqual(['toolchain', 'strategy', 'data', 'config', 'trace', 'result']);
    expect(record.signed).toBe(true);
  });

  it('verify passes on the untouched folder and pins the key', async () => {
    const r = await cli('verify', run, '--pubkey', path.join(key, 'backproof.pub'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/record → signature → chain → config → strategy → data → trace → result/);
    expect(r.out).toMatch(/\(the trusted key\)/);
  });

  it('replay re-executes to the same root', async () => {
    const r = await cli('replay', run);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^MATCH trace root [0-9a-f]{64}/);
  });

  it('detects one flipped byte in each input and names the link', async () => {
    const cases: [string, (n: number) => number, RegExp][] = [
      ['strategy.wasm', (n) => n - 10, /\[strategy\]/],
      ['result.pb', (n) => Math.floor(n / 2), /\[result\]/],
      ['trades.csv', (n) => n - 3, /\[result\].*trades\.csv line/],
      ['trace-leaves.bin', () => 5, /\[trace\]/],
      ['config.json', (n) => n - 4, /\[config\]/],
      ['record.pb', (n) => n - 60, /\[signature\]: the Ed25519 signature does not verify/], // inside the signature
      ['record.pb', () => 40, /\[signature\]: the Ed25519 signature does not verify/], // inside the signed record
    ];
    for (const [file, at, expected] of cases) {
      const r = await tampered(file, at);
      expect(r.code, file).toBe(5);
      expect(r.err, file).toMatch(expected);
    }
  });

  it('detects a changed data byte', async () => {
    const data = path.join(work, 'GOOG-tampered.csv');
    const bytes = await readFile('data/GOOG.csv');
    bytes[bytes.length - 5] = bytes[bytes.length - 5] === 0x31 ? 0x32 : 0x31;
    await writeFile(data, bytes);
    const v = await cli('verify', run, '--data', data);
    expect(v.code).toBe(5);
    expect(v.err).toMatch(/\[data\]: SHA-256 of .*GOOG-tampered\.csv is [0-9a-f]{64}, the record says [0-9a-f]{64}/);
  });

  it('replay reports MISMATCH with both roots when the data differs by one byte', async () => {
    const data = path.join(work, 'GOOG-one-byte.csv');
    const text = await readFile('data/GOOG.csv', 'utf8');
    // One byte of one real bar: 2008-03-28's close 438.08 becomes 448.08 (within its Low and High,
    // so the file loads; a close above High would be a data error).
    const line = '2008-03-28,447.46,453.57,434.31,438.08,4376200';
    expect(text).toContain(line);
    await writeFile(data, text.replace(line, line.replace(',438.08,', ',448.08,')));
    const r = await cli('replay', run, '--data', data);
    expect(r.code).toBe(5);
    expect(r.out).toMatch(/note: data .* has SHA-256 [0-9a-f]{64}, the record says [0-9a-f]{64}/);
    expect(r.out).toMatch(/MISMATCH\n  trace root  recorded ([0-9a-f]{64})\n              replayed (?!\1)[0-9a-f]{64}/);
  });

  it('rejects a bad signature under the wrong trusted key', async () => {
    const otherKey = path.join(work, 'other-keys');
    await cli('keygen', '--out', otherKey);
    const r = await cli('verify', run, '--pubkey', path.join(otherKey, 'backproof.pub'));
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/\[signature\].*not by the trusted key/);
  });

  it('says so when a record is unsigned', async () => {
    const dir = path.join(work, 'unsigned');
    expect((await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', dir, '--unsigned')).code).toBe(0);
    const r = await cli('verify', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/UNSIGNED/);
    // Without a signature, a changed link is caught by the chain.
    const record = await readFile(path.join(dir, 'record.pb'));
    const at = record.indexOf(Buffer.from('data/GOOG.csv'));
    record[at] = 'D'.charCodeAt(0);
    await writeFile(path.join(dir, 'record.pb'), record);
    const broken = await cli('verify', dir);
    expect(broken.code).toBe(5);
    expect(broken.err).toMatch(/\[chain\]: link "data"|\[chain\]: link "config"\.prev|\[chain\]: head/);
    expect((await cli('verify', dir, '--pubkey', path.join(key, 'backproof.pub'))).code).toBe(5);
  });
});

describe('other data formats through the whole path', () => {
  it('a Lean zip and a d/m/y quote file: run, verify and replay with the recorded read options', async () => {
    const lean = path.join(work, 'lean');
    expect((await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'test/data/lean/equity/usa/daily/spy.zip', '--out', lean, '--unsigned')).code).toBe(0);
    expect((await cli('verify', lean)).code).toBe(0);
    expect((await cli('replay', lean)).out).toMatch(/^MATCH/);
    const quotes = path.join(work, 'quotes');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'test/data/bidask.csv', '--date-format', 'dmy', '--duplicates', 'keep', '--param', 'fast=2', '--param', 'slow=3', '--out', quotes, '--unsigned');
    expect(r.code).toBe(0);
    const record = JSON.parse(await readFile(path.join(quotes, 'record.json'), 'utf8'));
    expect(record.links[2].body.files[0]).toMatchObject({ dateFormat: 'dmy', duplicates: 'keep', bars: '10' });
    expect((await cli('verify', quotes)).code).toBe(0);
    expect((await cli('replay', quotes)).out).toMatch(/^MATCH/);
    expect((await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'test/data/bidask.csv', '--out', path.join(work, 'q2'))).code).toBe(3);
  });
});

describe('several symbols through the whole path', () => {
  it('pairs on ORCL and GOOG: run, verify and replay', async () => {
    const dir = path.join(work, 'pairs');
    const r = await cli('backtest', '--strategy', 'strategies-as/pairs.ts', '--data', 'ORCL=test/data/orcl-1995-2014.txt', '--data', 'GOOG=data/GOOG.csv', '--out', dir, '--unsigned');
    expect(r.code).toBe(0);
    const record = JSON.parse(await readFile(path.join(dir, 'record.json'), 'utf8'));
    expect(record.links[2].body.files.map((f: { symbol: string }) => f.symbol)).toEqual(['ORCL', 'GOOG']);
    expect((await cli('export', dir, '--trades')).code).toBe(0); // written on demand, then checked by verify below
    expect((await readFile(path.join(dir, 'trades.csv'), 'utf8')).split('\n')[0]).toMatch(/^Symbol,/);
    expect((await cli('verify', dir)).code).toBe(0);
    expect((await cli('replay', dir)).out).toMatch(/^MATCH/);
    const dup = await cli('backtest', '--strategy', 'strategies-as/pairs.ts', '--data', 'X=data/GOOG.csv', '--data', 'X=data/GOOG.csv', '--out', path.join(work, 'dup'));
    expect(dup.code).toBe(2);
    expect(dup.err).toMatch(/symbol names must be unique/);
  });
});

describe('trace modes and the trace command', () => {
  it('prints a window of the per-instruction trace, backed by the recorded root', async () => {
    const r = await cli('trace', run, '--from', '1000', '--count', '3', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.schema).toBe('backproof/trace@1');
    const recs = doc.records;
    expect(recs.map((x: { index: number }) => x.index)).toEqual([1000, 1001, 1002]);
    for (const x of recs) expect(Object.keys(x)).toEqual(['index', 'func', 'offset', 'opcode', 'stackHeight', 'address', 'source', 'name', 'functionName']);
    const text = await cli('trace', run, '--count', '2');
    expect(text.out).toMatch(/\(2 of \d+ instructions; trace root [0-9a-f]{64} matches the record\)/);
  });

  it('--snapshot-every commits state hashes into the trace; replay and trace still work', async () => {
    const dir = path.join(work, 'snap');
    expect((await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--snapshot-every', '500', '--out', dir, '--unsigned')).code).toBe(0);
    const snaps = JSON.parse(await readFile(path.join(dir, 'snapshots.json'), 'utf8'));
    expect(snaps.map((x: { bar: number }) => x.bar)).toEqual([499, 999, 1499, 1999]);
    const again = path.join(work, 'snap2');
    await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--snapshot-every', '500', '--out', again, '--unsigned');
    expect(JSON.parse(await readFile(path.join(again, 'snapshots.json'), 'utf8'))).toEqual(snaps);
    const other = path.join(work, 'snap3');
    await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--snapshot-every', '500', '--param', 'fast=9', '--out', other, '--unsigned');
    expect(JSON.parse(await readFile(path.join(other, 'snapshots.json'), 'utf8'))[0].sha256).not.toBe(snaps[0].sha256);
    expect((await cli('replay', dir)).out).toMatch(/^MATCH/);
    const t = await cli('trace', dir, '--from', '700000', '--count', '3');
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/matches the record/);
  });

  it('backproof snapshot checks the state after event K re-executing only to its leaf', async () => {
    const dir = path.join(work, 'snap-orcl');
    expect((await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'test/data/orcl-1995-2014.txt', '--snapshot-every', '100', '--out', dir, '--unsigned')).code).toBe(0);
    const snaps = JSON.parse(await readFile(path.join(dir, 'snapshots.json'), 'utf8'));
    const r = await cli('snapshot', dir, '--bar', '199');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`sha256 ${snaps[1].sha256}`);
    const executed = Number(/re-executed (\d+) of 5036/.exec(r.out)![1]);
    // to the end of the snapshot's leaf, 0 of 2 (format 8: 91,020 bytes of stream), not all 5036
    expect([executed, r.out.includes('committed in leaf 0 of 2')]).toEqual([3700, true]);
    expect((await cli('snapshot', dir, '--bar', '150')).code).toBe(2);
    expect((await cli('snapshot', run, '--bar', '99')).code).toBe(2); // no snapshots in that run
    const broken = path.join(work, 'snap-broken');
    await cp(dir, broken, { recursive: true });
    const leaves = await readFile(path.join(broken, 'trace-leaves.bin'));
    leaves[40] = leaves[40]! ^ 1;
    await writeFile(path.join(broken, 'trace-leaves.bin'), leaves);
    const b = await cli('snapshot', broken, '--bar', '199');
    expect(b.code).toBe(5);
    expect(b.err).toMatch(/trace-leaves\.bin .*is not the recorded list/);
  });

  it('backproof snapshot checks a record that straddles two leaves', async () => {
    const dir = path.join(work, 'snap-every');
    // EMA crossover on GOOG with a snapshot after every bar, trace format 4: the record after event 1099 straddles leaves.
    expect((await cli('backtest', '--strategy', 'strategies-as/ema-cross.ts', '--data', 'data/GOOG.csv', '--snapshot-every', '1', '--out', dir, '--unsigned', '--trace-format', '4')).code).toBe(0);
    // Find, by re-execution, a snapshot record that starts within 48 bytes of a leaf's end.
    const rr = await loadRecordedRun(dir);
    const { hostRecords } = await reexecute({ wasm: rr.wasm, feeds: (await openRecordedData(rr)).feeds, config: rr.config, instrumenter: rr.instrumenter, keepFrom: Number.MAX_SAFE_INTEGER, hostRecords: true });
    const starts = hostRecords.map((h): [number, number] => [h.words[1]!, h.startWord]);
    const straddling = starts.find(([, at]) => (4 * at) % 65536 > 65536 - 48);
    expect(straddling).toEqual([1099, 114682]);
    const r = await cli('snapshot', dir, '--bar', String(straddling![0]));
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/committed in leaves \d+ and \d+ \(the record straddles them\) of \d+/);
  });

  it('--trace off runs with fuel only, verifies and replays', async () => {
    const dir = path.join(work, 'trace-off');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--trace', 'off', '--out', dir, '--unsigned');
    expect(r.code).toBe(0);
    const record = JSON.parse(await readFile(path.join(dir, 'record.json'), 'utf8'));
    expect(record.links[3].body.traceMode).toBe('off');
    expect(record.links[4].body.leaves).toBe('0');
    expect(record.links[4].body.instructions).toBe(JSON.parse(await readFile(path.join(run, 'record.json'), 'utf8')).links[4].body.instructions);
    expect((await cli('verify', dir)).code).toBe(0);
    expect((await cli('replay', dir)).out).toMatch(/^MATCH/);
    const t = await cli('trace', dir);
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/--trace off/);
    expect((await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--trace', 'some')).code).toBe(2);
  });
});

describe('exit codes and errors', () => {
  it('usage errors exit 2', async () => {
    expect((await cli('backtest', '--data', 'data/GOOG.csv')).code).toBe(2);
    expect((await cli('backtest', '--bogus')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--param', 'fsat=3', '--out', path.join(work, 'x'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/UNKNOWN_PARAM.*"fsat".*reads: fast, slow/);
  });

  it('refuses to overwrite a run folder without --force, and leaves nothing half-written', async () => {
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', run);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/OUTPUT_EXISTS/);
    const failed = path.join(work, 'failed-run');
    const f = await cli('backtest', '--strategy', 'test/fixtures/spin.ts', '--data', 'data/GOOG.csv', '--out', failed, '--fuel', '100000');
    expect(f.code).toBe(4);
    await expect(readFile(path.join(failed, 'record.pb'))).rejects.toThrow();
    await expect(readFile(path.join(`${failed}.partial`, 'record.pb'))).rejects.toThrow();
  });

  it('data errors exit 3 and name file and line', async () => {
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'test/data/2006-01-02-volume-min-001.txt', '--out', path.join(work, 'y'));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/2006-01-02-volume-min-001\.txt:2: row has 8 fields/);
  });

  it('sandbox faults exit 4: fuel, imports, memory', async () => {
    const spin = await cli('backtest', '--strategy', 'test/fixtures/spin.ts', '--data', 'data/GOOG.csv', '--out', path.join(work, 's1'), '--fuel', '5000000');
    expect(spin.code).toBe(4);
    expect(spin.err).toMatch(/FUEL_EXHAUSTED: fuel exhausted in function \d+ \(.*on_?[bB]ar.*\) at byte offset \d+/);
    // From source, an import the sandbox refuses fails at its build (test/e2e/build-checks); as a module, in the sandbox.
    const esc = await cli('backtest', '--strategy', 'test/fixtures/bad-import.ts', '--data', 'data/GOOG.csv', '--out', path.join(work, 's2'));
    expect(esc.code).toBe(6);
    expect(esc.err).toMatch(/BUILD_FAILED: test\/fixtures\/bad-import.ts: import "wasi_snapshot_preview1"."proc_exit" is not part of the Backproof ABI/);
    const bomb = await cli('backtest', '--strategy', 'test/fixtures/memory-bomb.ts', '--data', 'data/GOOG.csv', '--out', path.join(work, 's3'), '--max-memory-pages', '64');
    expect(bomb.code).toBe(4);
    // the allocator's trap names the cap it met (tester D9)
    expect(bomb.err).toContain("GUEST_TRAP: guest trapped: unreachable in function 3 (~lib/rt/itcms/__new) at byte offset 593 (~lib/rt/tlsf.ts:445:39) after 10653 instructions: in AssemblyScript's allocator: memory could not grow to hold an allocation; a strategy's memory is capped at --max-memory-pages 64 (4 MiB), in on_bar of bar 0 (2004-08-19T00:00:00Z, symbol 0 GOOG)");
  });

  it('per-bar fuel stops a runaway bar at the same instruction every time', async () => {
    const run1 = await cli('backtest', '--strategy', 'test/fixtures/spin.ts', '--data', 'data/GOOG.csv', '--out', path.join(work, 'pb1'), '--fuel-per-bar', '200000');
    const run2 = await cli('backtest', '--strategy', 'test/fixtures/spin.ts', '--data', 'data/GOOG.csv', '--out', path.join(work, 'pb2'), '--fuel-per-bar', '200000');
    expect(run1.code).toBe(4);
    expect(run1.err).toMatch(/FUEL_EXHAUSTED: fuel exhausted in .* after \d+ instructions: the per-callback budget of 200000 instructions is spent/);
    expect(run2.err).toBe(run1.err);
  });

  it('the wall-clock watchdog stops what the fuel limits allow to run too long', async () => {
    const huge = String(1n << 60n);
    const t0 = Date.now();
    const r = await cli('backtest', '--strategy', 'test/fixtures/spin.ts', '--data', 'data/GOOG.csv', '--out', path.join(work, 'wd'),
      '--fuel', huge, '--fuel-per-bar', huge, '--timeout', '1.5');
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/WATCHDOG: the run exceeded the wall-clock limit of 1.5 s/);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('the installed launcher runs under the system Node and returns the exit code', async () => {
    const r = spawnSync('node', ['bin/backproof.js', 'verify', path.join(work, 'missing')], { encoding: 'utf8' });
    expect(r.status).toBe(2); // a folder that does not exist is a usage error, not a tampered run (exit 5)
    expect(r.stderr).toMatch(/run folder .*missing does not exist/);
    const h = spawnSync('node', ['bin/backproof.js', 'backtest', '--help'], { encoding: 'utf8' });
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/--commission F/);
  });
});

describe('cleanup', () => {
  it('removes the work folder', async () => {
    await rm(work, { recursive: true, force: true });
  });
});
