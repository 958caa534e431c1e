// Golden values of instrumenter version 8 (backproof-instrument/8, trace format 8: format 6 with a
// period-2 address predictor, keyframes of three predictor words a slot; docs/TRACE.md "Format 8"):
// every example strategy on data/GOOG.csv (pairs: with the ORCL file as its second symbol), default
// config. The same instructions, fuel and result as version 7 (format 6) — only the stream differs,
// and is smaller on every example but bollinger-breakout (+0.3 %) — from version 7's module but for
// the predictor: its fuel-only module is version 7's byte for byte. A version 8 run folder goes
// through every audit tool; on a long run a proof starts at a keyframe and verifies offline.
//
// The values live in trace-v8.json. After a deliberate change of format 8, re-pin them with
//   BLESS=1 npx vitest run test/golden/trace-v8.test.ts
// and review the diff of the JSON file.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type StrategyArtifact, type LoadedData } from '../../host/index.ts';
import { INSTRUMENTER_V7, INSTRUMENTER_V8, SUPPORTED_INSTRUMENTERS, traceFormatOf } from '../../host/sandbox/index.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { diffRuns, replayRun } from '../../host/inspect/replay.ts';
import { traceWindow } from '../../host/inspect/trace.ts';
import { checkSnapshot } from '../../host/inspect/snapshot.ts';
import { proveInstruction, verifyProofBundle, type ProofBundle } from '../../host/inspect/prove.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { cli } from '../helpers/cli.ts';
import { recordedInstrumenter } from '../helpers/recorded-instrumenter.ts';
import { goldenFile } from '../helpers/golden.ts';
import { writeTiledCsv } from '../../bench/tile.ts';

interface Pinned { traceRoot: string; resultSha256: string; instructions: string; fuelUsed: string; traceBytes: number; leaves: number; formatSixTraceBytes: number }
interface Golden { examples: Record<string, Pinned>; moduleSha256: string }
const { golden, bless } = goldenFile<Golden>('test/golden/trace-v8.json');

const EXAMPLES = ['sma-cross', 'sma-cross-unit', 'ema-cross', 'rsi-reversion', 'bollinger-breakout', 'donchian-turtle', 'pairs'];
/** sma-cross's module with --trace off under version 7 (test/golden/trace-v7.test.ts): version 8's fuel-only module is the same. */
const V7_FUEL_ONLY_SHA256 = 'd79b037086c2dfebeca23406a3b00286a778b53adb242319b20dcc48580e79b4';
/** Format 6's root of sma-cross on GOOG (test/golden/trace-v6.json), which version 7's run reproduces. */
const V6_ROOT = '4c271ba28afe3b3f07285ac91c8a9af10d4e0f680442ad120fa546f8371a59a1';

let strategy: StrategyArtifact;
let goog: LoadedData;
beforeAll(async () => {
  strategy = await loadStrategy('strategies-as/sma-cross.ts');
  goog = await loadData('data/GOOG.csv');
});

describe('instrumenter version 8 golden values', () => {
  it('is one this installation has; it records trace format 8', () => {
    expect(SUPPORTED_INSTRUMENTERS).toContain(INSTRUMENTER_V8);
    expect(traceFormatOf(INSTRUMENTER_V8)).toBe(8);
  });

  it('every example on GOOG: root, result, counts and bytes; version 7\'s result and counts, fewer bytes but on bollinger-breakout', async () => {
    const orcl = await loadData('test/data/orcl-1995-2014.txt');
    const actual: Golden = { examples: {}, moduleSha256: '' };
    for (const name of EXAMPLES) {
      const s = name === 'sma-cross' ? strategy : await loadStrategy(`strategies-as/${name}.ts`);
      const data = name === 'pairs' ? [goog, orcl] : goog;
      const v8 = executeRun({ strategy: s, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V8 });
      const v7 = executeRun({ strategy: s, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V7 });
      actual.examples[name] = {
        traceRoot: toHex(v8.trace.root), resultSha256: toHex(sha256(v8.resultBytes)), instructions: String(v8.instructions),
        fuelUsed: String(v8.fuelUsed), traceBytes: v8.trace.byteLength, leaves: v8.trace.leafHashes.length, formatSixTraceBytes: v7.trace.byteLength,
      };
      expect([toHex(sha256(v7.resultBytes)), String(v7.instructions), String(v7.fuelUsed)], name).toEqual([actual.examples[name]!.resultSha256, actual.examples[name]!.instructions, actual.examples[name]!.fuelUsed]);
      if (name === 'sma-cross') {
        expect(toHex(v7.trace.root)).toBe(V6_ROOT);
        actual.moduleSha256 = toHex(sha256(v8.instrumentedWasm));
        expect(actual.moduleSha256).not.toBe(toHex(sha256(v7.instrumentedWasm)));
      }
    }
    bless(actual);
    expect(actual).toEqual(golden);
    // Format 4 to 7's result and count for sma-cross (test/e2e/determinism.test.ts); 22 % of format 6's bytes.
    expect([actual.examples['sma-cross']!.resultSha256, actual.examples['sma-cross']!.instructions]).toEqual(['217ac125e737d1bdc3c9a8cb9bba95fdd4606c9f9eb7d9154defe5e05777fb83', '1354070']);
    for (const [name, e] of Object.entries(actual.examples)) expect(e.traceBytes, name).toBeLessThan(name === 'bollinger-breakout' ? e.formatSixTraceBytes * 1.01 : e.formatSixTraceBytes);
  }, 240_000);

  it('with --trace off: version 7\'s fuel-only module, byte for byte, and its result and counts', () => {
    const config = { ...DEFAULT_CONFIG, trace: 'off' as const };
    const v8 = executeRun({ strategy, data: goog, config, instrumenter: INSTRUMENTER_V8 });
    const pinned = golden.examples['sma-cross']!;
    expect([toHex(sha256(v8.instrumentedWasm)), toHex(sha256(v8.resultBytes)), String(v8.instructions), String(v8.fuelUsed)]).toEqual([V7_FUEL_ONLY_SHA256, pinned.resultSha256, pinned.instructions, pinned.fuelUsed]);
  });
});

describe('a version 8 run folder under every audit tool, a version 7 one beside it', () => {
  let work: string, v8: string, v7: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'backproof-v8-'));
    const config = { ...DEFAULT_CONFIG, snapshotEvery: 500 };
    v8 = path.join(work, 'v8');
    v7 = path.join(work, 'v7');
    await writeRunDir({ dir: v8, force: false, outcome: executeRun({ strategy, data: goog, config, instrumenter: INSTRUMENTER_V8 }), strategy, config, key: null });
    await writeRunDir({ dir: v7, force: false, outcome: executeRun({ strategy, data: goog, config, instrumenter: INSTRUMENTER_V7 }), strategy, config, key: null });
  }, 120_000);

  it('each verifies and replays under its recorded instrumenter; trace, snapshot and prove on the version 8 one', async () => {
    const roots: string[] = [];
    for (const [dir, instrumenter] of [[v8, INSTRUMENTER_V8], [v7, INSTRUMENTER_V7]] as const) {
      expect(await recordedInstrumenter(dir)).toBe(instrumenter);
      const v = await verifyRun({ dir });
      expect([v.steps.includes('strategy'), v.toolchainDifferences], dir).toEqual([true, []]);
      roots.push(v.traceRoot);
      const r = await replayRun({ dir });
      expect([r.match, r.mismatches], dir).toEqual([true, []]);
    }
    expect(roots[0]).not.toBe(roots[1]);
    // The same instruction as format 6's (test/golden/trace-v6.test.ts): the expansion is the same.
    const t = await traceWindow({ dir: v8, from: 636_182, count: 1 });
    expect([t.rootMatches, t.records[0]]).toMatchObject([true, { index: 636_182, func: 22, offset: 5329 }]);
    expect((await checkSnapshot({ dir: v8, bar: 999 })).stateSha256).toBe((await checkSnapshot({ dir: v7, bar: 999 })).stateSha256);
    const bundle = await proveInstruction({ dir: v8, instruction: 636_182 });
    expect(bundle.claim.keyframe).toBeNull();
    expect(verifyProofBundle(bundle, null)).toMatchObject({ instruction: 636_182, steps: ['record', 'module', 'inclusion', 'instruction'] });
  }, 120_000);

  it('diff finds the same first differing instruction between two version 8 runs as between the same two version 7 runs', async () => {
    const config = { ...DEFAULT_CONFIG, snapshotEvery: 500, params: { fast: 5 } };
    const other = async (name: string, instrumenter: string) => {
      const dir = path.join(work, name);
      await writeRunDir({ dir, force: false, outcome: executeRun({ strategy, data: goog, config, instrumenter }), strategy, config, key: null });
      return dir;
    };
    const d8 = await diffRuns(v8, await other('v8-fast5', INSTRUMENTER_V8));
    const d7 = await diffRuns(v7, await other('v7-fast5', INSTRUMENTER_V7));
    expect([d8.same, d7.same]).toEqual([false, false]);
    expect(d8.divergence!.instruction).toBeGreaterThan(0);
    expect(d8.divergence!.instruction).toBe(d7.divergence!.instruction);
    expect(d8.divergence!.leaf).toBeLessThanOrEqual(d7.divergence!.leaf);
  }, 120_000);

  it('from the CLI: backtest --trace-format 8 records version 8 and the golden root; verify passes', async () => {
    const dir = path.join(work, 'cli');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--trace-format', '8', '--out', dir, '--unsigned', '--no-report', '--json');
    expect(r.code, r.err).toBe(0);
    const pinned = golden.examples['sma-cross']!;
    expect(JSON.parse(r.out)).toMatchObject({ trace: { root: pinned.traceRoot, bytes: pinned.traceBytes } });
    expect(await recordedInstrumenter(dir)).toBe(INSTRUMENTER_V8);
    expect((await cli('verify', dir)).code).toBe(0);
  }, 120_000);
});

describe('a format 8 proof on a long run', () => {
  // 250,000 minute bars, GOOG's rows tiled (forward, then backward): a ~4.4 MB stream (format 6's
  // would be ~20 MB), so 4 keyframes, one per MiB.
  const BARS = 250_000;
  let work: string, run: string, bundle: ProofBundle, instructions: number;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'backproof-v8-long-'));
    const csv = path.join(work, 'tiled.csv');
    writeTiledCsv(csv, BARS, 'data/GOOG.csv');
    run = path.join(work, 'run');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', csv, '--trace-format', '8', '--out', run, '--unsigned', '--no-report', '--json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { trace: { bytes: number; leaves: number }; instructions: string };
    instructions = Number(out.instructions);
    expect(out.trace.leaves).toBeGreaterThan(64);
    bundle = await proveInstruction({ dir: run, instruction: instructions - 5_000 });
  }, 300_000);

  it('carries the leaves from the last keyframe before the instruction, and the table leaf', () => {
    expect(bundle.claim.keyframe).toMatchObject({ index: 3 });
    const leaves = bundle.leaves.map((l) => l.index);
    expect(leaves[0]).toBe(Math.floor((4 * bundle.claim.keyframe!.word) / bundle.chunkSize));
    expect(leaves.length).toBeLessThanOrEqual(18);
    expect(bundle.tableLeaves!.map((l) => l.index)).toEqual([bundle.treeSize - 1]);
    expect(verifyProofBundle(bundle, null)).toMatchObject({ instruction: instructions - 5_000, steps: ['record', 'module', 'inclusion', 'keyframe', 'instruction'] });
  });

  it('fails when any part of it is changed', () => {
    const fails = (b: ProofBundle, message: RegExp) => expect(() => verifyProofBundle(b, null)).toThrow(message);
    const c = bundle.claim, kf = c.keyframe!;
    fails({ ...bundle, claim: { ...c, address: (c.address ?? 0) + 8 } }, /decodes to/);
    fails({ ...bundle, claim: { ...c, keyframe: { ...kf, index: 2 } } }, /entry 2 is stream word \d+, not/);
    fails({ ...bundle, leaves: bundle.leaves.slice(1) }, /a format 8 bundle carries the leaves from the one holding its keyframe/);
    fails({ ...bundle, tableLeaves: [] }, /a format 8 bundle with a keyframe carries the leaves of the keyframe table/);
    fails({ ...bundle, claim: { ...c, keyframe: null } }, /a format 8 bundle without a keyframe carries every leaf from the first/);
    const data = Buffer.from(bundle.leaves[0]!.data, 'base64');
    data[8] = data[8]! ^ 1;
    fails({ ...bundle, leaves: bundle.leaves.map((l, i) => (i === 0 ? { ...l, data: data.toString('base64') } : l)) }, /not included in the recorded trace root/);
  });
});
