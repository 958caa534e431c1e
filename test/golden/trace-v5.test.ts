// Golden values of trace format 5 (backproof-instrument/5): the SMA(10/20) example on data/GOOG.csv,
// default config — the run of test/e2e/determinism.test.ts, whose format 4 values stay pinned there.
// Same instructions, fuel and result as format 4; its own trace root, far fewer bytes. And a format 5
// run folder goes through every audit tool under its recorded instrumenter: verify, replay (also on
// changed data, naming the first differing instruction), trace (the same records as format 4's),
// snapshot, prove (every leaf from the first).
//
// The values live in trace-v5.json. After a deliberate change of format 5, re-pin them with
//   BLESS=1 npx vitest run test/golden/trace-v5.test.ts
// and review the diff of the JSON file.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type StrategyArtifact, type LoadedData } from '../../host/index.ts';
import { INSTRUMENTER_V4, INSTRUMENTER_V5 } from '../../host/sandbox/index.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { replayRun } from '../../host/inspect/replay.ts';
import { traceWindow } from '../../host/inspect/trace.ts';
import { checkSnapshot } from '../../host/inspect/snapshot.ts';
import { proveInstruction, verifyProofBundle } from '../../host/inspect/prove.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { cli } from '../helpers/cli.ts';
import { goldenFile } from '../helpers/golden.ts';

interface Golden { traceRoot: string; resultSha256: string; instructions: string; fuelUsed: string; traceBytes: number; leaves: number; formatFourTraceBytes: number }
const { golden, bless } = goldenFile<Golden>('test/golden/trace-v5.json');

let strategy: StrategyArtifact;
let data: LoadedData;
beforeAll(async () => {
  strategy = await loadStrategy('strategies-as/sma-cross.ts');
  data = await loadData('data/GOOG.csv');
});

describe('trace format 5 golden values', () => {
  it('the SMA example on GOOG: root, result, counts and bytes', () => {
    const v5 = executeRun({ strategy, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V5 });
    const v4 = executeRun({ strategy, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V4 });
    const actual: Golden = {
      traceRoot: toHex(v5.trace.root), resultSha256: toHex(sha256(v5.resultBytes)), instructions: String(v5.instructions),
      fuelUsed: String(v5.fuelUsed), traceBytes: v5.trace.byteLength, leaves: v5.trace.leafHashes.length, formatFourTraceBytes: v4.trace.byteLength,
    };
    bless(actual);
    expect(actual).toEqual(golden);
    // Format 4's values (test/e2e/determinism.test.ts) for everything but the trace.
    expect([actual.resultSha256, actual.instructions]).toEqual(['217ac125e737d1bdc3c9a8cb9bba95fdd4606c9f9eb7d9154defe5e05777fb83', '1354070']);
    expect([actual.fuelUsed, toHex(sha256(v4.resultBytes))]).toEqual([String(v4.fuelUsed), actual.resultSha256]);
    expect(toHex(v4.trace.root)).toBe('8f5e542257b6a8cb8b13b2c8d92ccd33d8a06177e81b8195d9edb1a36a5d33ee');
    expect(actual.traceBytes * 4).toBeLessThan(actual.formatFourTraceBytes);
  });
});

describe('a format 5 run folder under every audit tool', () => {
  let work: string;
  const folder = async (name: string, instrumenter: string): Promise<string> => {
    const dir = path.join(work, name);
    const config = { ...DEFAULT_CONFIG, snapshotEvery: 500 };
    const outcome = executeRun({ strategy, data, config, instrumenter });
    await writeRunDir({ dir, force: false, outcome, strategy, config, key: null });
    return dir;
  };
  let v4: string, v5: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'backproof-v5-'));
    v4 = await folder('v4', INSTRUMENTER_V4);
    v5 = await folder('v5', INSTRUMENTER_V5);
  }, 120_000);

  it('verify recomputes the instrumented module under the recorded instrumenter', async () => {
    const r = await verifyRun({ dir: v5 });
    expect(r.steps).toContain('strategy');
    expect(r.toolchainDifferences).toEqual([]);
  }, 60_000);

  it('replay matches its recorded root; on changed data it names the first differing instruction', async () => {
    const r = await replayRun({ dir: v5 });
    expect([r.match, r.mismatches, r.toolchainDifferences]).toEqual([true, [], []]);
    const csv = (await readFile('data/GOOG.csv', 'utf8')).split('\n');
    // Forty closes at their bar's high (bars 1001 to 1040, after the snapshot of event 999): the crossings move.
    for (let k = 1002; k < 1042; k++) {
      const row = csv[k]!.split(',');
      row[4] = row[2]!;
      csv[k] = row.join(',');
    }
    const tampered = path.join(work, 'tampered.csv');
    await writeFile(tampered, csv.join('\n'));
    const [d5, d4] = await Promise.all([replayRun({ dir: v5, dataPath: tampered }), replayRun({ dir: v4, dataPath: tampered })]);
    expect(d5.match).toBe(false);
    // Both formats name the same first differing instruction.
    expect([d5.divergence!.instruction, d4.divergence!.instruction]).toEqual([637_428, 637_428]);
    // The same instruction on each side; only the stream word it sits at is the format's own.
    expect({ ...d5.divergence!.left.instruction, word: 0 }).toEqual({ ...d4.divergence!.left.instruction, word: 0 });
    expect({ ...d5.divergence!.right.instruction, word: 0 }).toEqual({ ...d4.divergence!.right.instruction, word: 0 });
  }, 120_000);

  it('trace shows the same records as format 4, and the root matches', async () => {
    const [a, b] = await Promise.all([traceWindow({ dir: v5, from: 636_000, count: 500 }), traceWindow({ dir: v4, from: 636_000, count: 500 })]);
    expect(a.rootMatches).toBe(true);
    expect(a.records.length).toBe(500);
    expect(a.records).toEqual(b.records);
  }, 60_000);

  it('snapshot finds the state record in the stream', async () => {
    const s = await checkSnapshot({ dir: v5, bar: 999 });
    const s4 = await checkSnapshot({ dir: v4, bar: 999 });
    expect(s.stateSha256).toBe(s4.stateSha256);
  }, 60_000);

  it('prove: the bundle carries the leaves from the first; verify-proof expands them to the claimed instruction', async () => {
    const [b5, b4] = await Promise.all([proveInstruction({ dir: v5, instruction: 636_182 }), proveInstruction({ dir: v4, instruction: 636_182 })]);
    // The same instruction; format 5 proves the callback, format 4 gives it as context (its leaf does not show it).
    const { word: _w5, callback: callback5, ...claim5 } = b5.claim, { word: _w4, ...claim4 } = b4.claim;
    expect([claim5, callback5, b5.context]).toEqual([claim4, b4.context!.callback, { ...b4.context, callback: undefined }]);
    expect(b5.leaves.map((l) => l.index)).toEqual([0, 1]);
    expect(verifyProofBundle(b5, null)).toMatchObject({ instruction: 636_182, steps: ['record', 'module', 'inclusion', 'instruction'] });
    // A claim the leaves do not support, and leaves that do not reach it, are PROOF_INVALID [instruction].
    const wrong = { ...b5, claim: { ...b5.claim, stackHeight: b5.claim.stackHeight + 1 } };
    expect(() => verifyProofBundle(wrong, null)).toThrow(/PROOF_INVALID|decodes to/);
    const later = { ...b5, claim: { ...b5.claim, instruction: 1_300_000 } };
    expect(() => verifyProofBundle(later, null)).toThrow(/do not reach instruction 1300000/);
    const skipped = { ...b5, leaves: b5.leaves.slice(1) };
    expect(() => verifyProofBundle(skipped, null)).toThrow(/every leaf from the first/);
  }, 60_000);

  it('from the CLI: backtest --trace-format 5 records it; verify and replay pass; a format it does not have is a usage error', async () => {
    const dir = path.join(work, 'cli');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--trace-format', '5', '--out', dir, '--unsigned', '--no-report', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ trace: { root: golden.traceRoot, bytes: golden.traceBytes } });
    expect((await cli('verify', dir)).code).toBe(0);
    const replay = await cli('replay', dir);
    expect([replay.code, replay.out]).toEqual([0, expect.stringContaining('MATCH')]);
    const bad = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--trace-format', '9', '--out', path.join(work, 'bad'), '--unsigned');
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--trace-format must be 4, 5, 6, 7 or 8, got "9"')]);
  }, 120_000);
});
