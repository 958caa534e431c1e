// Golden values of trace format 6 (backproof-instrument/6; new runs record its stream under /7,
// test/golden/trace-v7.test.ts): the SMA(10/20)
// example on data/GOOG.csv, default config — the run of test/e2e/determinism.test.ts, whose format 4
// values stay pinned there under --trace-format 4. Same instructions, fuel and result as formats 4
// and 5; its stream is format 5's plus its keyframes and keyframe table (none on a run this short:
// the table [0, 5, 0, 0]). A format 6 run folder goes through every audit tool; and on a long run
// a proof carries only the leaves from the last keyframe before the instruction (plus the table's),
// verifies offline, and fails when any part of it is changed.
//
// The values live in trace-v6.json. After a deliberate change of format 6, re-pin them with
//   BLESS=1 npx vitest run test/golden/trace-v6.test.ts
// and review the diff of the JSON file.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type StrategyArtifact, type LoadedData } from '../../host/index.ts';
import { INSTRUMENTER_V5, INSTRUMENTER_V6, SUPPORTED_INSTRUMENTERS } from '../../host/sandbox/index.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { replayRun } from '../../host/inspect/replay.ts';
import { traceWindow } from '../../host/inspect/trace.ts';
import { checkSnapshot } from '../../host/inspect/snapshot.ts';
import { proveInstruction, verifyProofBundle, type ProofBundle } from '../../host/inspect/prove.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { cli } from '../helpers/cli.ts';
import { goldenFile } from '../helpers/golden.ts';

interface Golden { traceRoot: string; resultSha256: string; instructions: string; fuelUsed: string; traceBytes: number; leaves: number; formatFiveTraceBytes: number }
const { golden, bless } = goldenFile<Golden>('test/golden/trace-v6.json');

let strategy: StrategyArtifact;
let data: LoadedData;
beforeAll(async () => {
  strategy = await loadStrategy('strategies-as/sma-cross.ts');
  data = await loadData('data/GOOG.csv');
});

describe('trace format 6 golden values', () => {
  it('is one this installation has (what new runs recorded before version 7)', () => {
    expect(SUPPORTED_INSTRUMENTERS).toContain(INSTRUMENTER_V6);
  });

  it('the SMA example on GOOG: root, result, counts and bytes', () => {
    const v6 = executeRun({ strategy, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V6 });
    const v5 = executeRun({ strategy, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V5 });
    const actual: Golden = {
      traceRoot: toHex(v6.trace.root), resultSha256: toHex(sha256(v6.resultBytes)), instructions: String(v6.instructions),
      fuelUsed: String(v6.fuelUsed), traceBytes: v6.trace.byteLength, leaves: v6.trace.leafHashes.length, formatFiveTraceBytes: v5.trace.byteLength,
    };
    bless(actual);
    expect(actual).toEqual(golden);
    // Formats 4 and 5's values (test/e2e/determinism.test.ts, test/golden/trace-v5.json) for everything but the trace.
    expect([actual.resultSha256, actual.instructions]).toEqual(['217ac125e737d1bdc3c9a8cb9bba95fdd4606c9f9eb7d9154defe5e05777fb83', '1354070']);
    expect([actual.fuelUsed, toHex(sha256(v5.resultBytes))]).toEqual([String(v5.fuelUsed), actual.resultSha256]);
    expect(toHex(v5.trace.root)).toBe('037a1210e4026999134d3073e9bdbae524e6fcfa6c5a38b7f1e0af1ac8aa03ba');
    // No keyframe in 171 KB: format 5's stream, then the empty keyframe table (16 bytes) before the end record.
    expect(actual.traceBytes).toBe(actual.formatFiveTraceBytes + 16);
  });
});

describe('a format 6 run folder under every audit tool', () => {
  let work: string, dir: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'backproof-v6-'));
    dir = path.join(work, 'v6');
    const config = { ...DEFAULT_CONFIG, snapshotEvery: 500 };
    const outcome = executeRun({ strategy, data, config, instrumenter: INSTRUMENTER_V6 });
    await writeRunDir({ dir, force: false, outcome, strategy, config, key: null });
  }, 120_000);

  it('verify, replay, trace and snapshot under the recorded instrumenter', async () => {
    const v = await verifyRun({ dir });
    expect([v.steps.includes('strategy'), v.toolchainDifferences]).toEqual([true, []]);
    const r = await replayRun({ dir });
    expect([r.match, r.mismatches]).toEqual([true, []]);
    const t = await traceWindow({ dir, from: 636_182, count: 1 });
    expect([t.rootMatches, t.records[0]]).toMatchObject([true, { index: 636_182, func: 22, offset: 5329 }]);
    expect((await checkSnapshot({ dir, bar: 999 })).stateSha256).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);

  it('prove without a keyframe before the instruction: the leaves from the first, as format 5', async () => {
    const b = await proveInstruction({ dir, instruction: 636_182 });
    expect([b.claim.keyframe, b.leaves.map((l) => l.index), b.tableLeaves]).toEqual([null, [0, 1], undefined]);
    expect(verifyProofBundle(b, null)).toMatchObject({ instruction: 636_182, steps: ['record', 'module', 'inclusion', 'instruction'] });
    expect(() => verifyProofBundle({ ...b, leaves: b.leaves.slice(1) }, null)).toThrow(/without a keyframe carries every leaf from the first/);
  }, 60_000);

  it('from the CLI: backtest records format 6 with --trace-format 6; a format it does not have is a usage error', async () => {
    const cliDir = path.join(work, 'cli');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--trace-format', '6', '--out', cliDir, '--unsigned', '--no-report', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ trace: { root: golden.traceRoot, bytes: golden.traceBytes } });
    expect((await cli('verify', cliDir)).code).toBe(0);
    const bad = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--trace-format', '9', '--out', path.join(work, 'bad'), '--unsigned');
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--trace-format must be 4, 5, 6, 7 or 8, got "9"')]);
  }, 120_000);
});

describe('a format 6 proof on a long run', () => {
  // 60,000 minute bars, GOOG's rows tiled (forward, then backward): a ~4.8 MB stream, 73 leaves, 4 keyframes.
  const BARS = 60_000;
  let work: string, run: string, snapshotted: string, bundle: ProofBundle, instructions: number;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'backproof-v6-long-'));
    const rows = (await readFile('data/GOOG.csv', 'utf8')).trim().split('\n').slice(1).map((l) => l.split(',').slice(1, 5).join(','));
    const lines = ['Date,Open,High,Low,Close'];
    for (let i = 0, t = Date.UTC(2000, 0, 1); i < BARS; i++, t += 60_000) {
      const k = i % rows.length;
      lines.push(`${new Date(t).toISOString().slice(0, 19).replace('T', ' ')},${rows[Math.floor(i / rows.length) % 2 === 0 ? k : rows.length - 1 - k]}`);
    }
    const csv = path.join(work, 'tiled.csv');
    await writeFile(csv, lines.join('\n') + '\n');
    run = path.join(work, 'run');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', csv, '--trace-format', '6', '--out', run, '--unsigned', '--no-report', '--json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { trace: { bytes: number; leaves: number }; instructions: string };
    instructions = Number(out.instructions);
    expect(out.trace.leaves).toBeGreaterThan(64);
    bundle = await proveInstruction({ dir: run, instruction: instructions - 5_000 });
    // The same run with a state snapshot every 1,000 bars (~80 KB of stream): each snapshot empties the
    // trace memory before the guest's 1 MiB flush would; its keyframes still come once per MiB.
    snapshotted = path.join(work, 'snapshotted');
    const s = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', csv, '--trace-format', '6', '--snapshot-every', '1000', '--out', snapshotted, '--unsigned', '--no-report', '--json');
    expect(s.code, s.err).toBe(0);
  }, 240_000);

  it('with --snapshot-every 1000 it has keyframes too: a proof near the end carries at most 1 MiB of stream and one snapshot interval', async () => {
    const b = await proveInstruction({ dir: snapshotted, instruction: instructions - 5_000 });
    expect(b.claim.keyframe).toMatchObject({ index: 3 });
    const leaves = b.leaves.map((l) => l.index);
    expect(leaves[0]).toBe(Math.floor((4 * b.claim.keyframe!.word) / b.chunkSize));
    expect(leaves.length).toBeLessThanOrEqual(18);
    expect(b.tableLeaves!.map((l) => l.index)).toEqual([b.treeSize - 1]);
    expect(verifyProofBundle(b, null)).toMatchObject({ instruction: instructions - 5_000, steps: ['record', 'module', 'inclusion', 'keyframe', 'instruction'] });
  }, 120_000);

  it('carries the leaves from the last keyframe before the instruction, and the table leaf: at most 1 MiB of stream and one bar', () => {
    expect(bundle.claim.keyframe).toMatchObject({ index: 3 });
    const leaves = bundle.leaves.map((l) => l.index);
    // Consecutive from the keyframe's leaf; 16 leaves are 1 MiB, one bar of this strategy is far less than a leaf.
    expect(leaves[0]).toBe(Math.floor((4 * bundle.claim.keyframe!.word) / bundle.chunkSize));
    expect(leaves.length).toBeLessThanOrEqual(18);
    expect(bundle.treeSize - leaves[0]!).toBeLessThanOrEqual(18);
    expect(bundle.tableLeaves!.map((l) => l.index)).toEqual([bundle.treeSize - 1]);
    expect(verifyProofBundle(bundle, null)).toMatchObject({ instruction: instructions - 5_000, steps: ['record', 'module', 'inclusion', 'keyframe', 'instruction'] });
  });

  it('fails when any part of it is changed', () => {
    const fails = (b: ProofBundle, message: RegExp) => expect(() => verifyProofBundle(b, null)).toThrow(message);
    const c = bundle.claim, kf = c.keyframe!;
    fails({ ...bundle, claim: { ...c, stackHeight: c.stackHeight + 1 } }, /decodes to/);
    fails({ ...bundle, claim: { ...c, instruction: c.instruction + 1 } }, /decodes to/);
    // Another keyframe's place in the table, or a word that is not the listed one.
    fails({ ...bundle, claim: { ...c, keyframe: { ...kf, index: 2 } } }, /entry 2 is stream word \d+, not/);
    fails({ ...bundle, claim: { ...c, keyframe: { ...kf, index: 9 } } }, /lists 4 keyframes; the claim names keyframe 9/);
    fails({ ...bundle, claim: { ...c, keyframe: { ...kf, word: kf.word + 1 } } }, /entry 3 is stream word/);
    // Leaves missing at the start, the table leaf missing, or a leaf's bytes changed.
    fails({ ...bundle, leaves: bundle.leaves.slice(1) }, /from the one holding its keyframe/);
    fails({ ...bundle, tableLeaves: [] }, /carries the leaves of the keyframe table/);
    fails({ ...bundle, tableLeaves: [null as unknown as ProofBundle['leaves'][number]] }, /a leaf is not an object/);
    const data = Buffer.from(bundle.leaves[1]!.data, 'base64');
    data[100] = data[100]! ^ 1;
    fails({ ...bundle, leaves: bundle.leaves.map((l, i) => (i === 1 ? { ...l, data: data.toString('base64') } : l)) }, /not included in the recorded trace root/);
    // The keyframe dropped: the leaves no longer start at the stream's start.
    fails({ ...bundle, claim: { ...c, keyframe: null } }, /without a keyframe carries every leaf from the first/);
  });
});
