// Instrumenter version 7 (backproof-instrument/7, what new runs recorded before version 8): trace format 6's stream,
// byte for byte, from a cheaper module — traced, its cursor, bit accumulator and fuel live in locals
// and its address predictors in globals; fuel-only, its fuel check branches out (docs/TRACE.md,
// "Which version", "Fuel"). So on the SMA(10/20) example on data/GOOG.csv its root, result, counts
// and bytes are format 6's golden values (test/golden/trace-v6.json); neither of its modules is
// version 6's. A version 7 run folder goes
// through every audit tool; a version 6 one made beside it still verifies and replays, each under
// its recorded instrumenter.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type StrategyArtifact, type LoadedData } from '../../host/index.ts';
import { INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8, INSTRUMENTER_VERSION, SUPPORTED_INSTRUMENTERS, traceFormatOf } from '../../host/sandbox/index.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { replayRun } from '../../host/inspect/replay.ts';
import { traceWindow } from '../../host/inspect/trace.ts';
import { proveInstruction, verifyProofBundle } from '../../host/inspect/prove.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { cli } from '../helpers/cli.ts';
import { recordedInstrumenter } from '../helpers/recorded-instrumenter.ts';

const V6 = JSON.parse(await readFile('test/golden/trace-v6.json', 'utf8')) as { traceRoot: string; resultSha256: string; instructions: string; fuelUsed: string; traceBytes: number; leaves: number };

/** SHA-256 of sma-cross's module instrumented by version 6 (traced, default config), as records made under /6 hold it. */
const V6_MODULE_SHA256 = '08ce90ae8df9abc3a353f3a848b3ddbdad9e3b7a3443aa951d0718f0cf5cd400';
/** The same by version 7: another module, the same stream. */
const V7_MODULE_SHA256 = '0f91742142bebb3854fb5e399dd00eb392ac474ff2bcd67fee3e33e656100f87';
/** The same with --trace off: version 6's fuel-only module, and version 7's (its fuel check branching out). */
const V6_FUEL_ONLY_SHA256 = '1d44f1b024040591c06c8b7c8f8d5bf11bac1d7e8425e229460deefb72dfb255';
const V7_FUEL_ONLY_SHA256 = 'd79b037086c2dfebeca23406a3b00286a778b53adb242319b20dcc48580e79b4';

let strategy: StrategyArtifact;
let data: LoadedData;
beforeAll(async () => {
  strategy = await loadStrategy('strategies-as/sma-cross.ts');
  data = await loadData('data/GOOG.csv');
});

describe('instrumenter version 7', () => {
  it('is what new runs recorded before version 8 (the default now); it records trace format 6', () => {
    expect(INSTRUMENTER_VERSION).toBe(INSTRUMENTER_V8);
    expect(SUPPORTED_INSTRUMENTERS).toEqual(['backproof-instrument/4', 'backproof-instrument/5', 'backproof-instrument/6', 'backproof-instrument/7', 'backproof-instrument/8']);
    expect(traceFormatOf(INSTRUMENTER_V7)).toBe(6);
  });

  it('the SMA example on GOOG: format 6\'s root, result, counts and bytes (the same stream), from another module', () => {
    const v7 = executeRun({ strategy, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V7 });
    const v6 = executeRun({ strategy, data, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V6 });
    const values = (o: typeof v7) => ({
      traceRoot: toHex(o.trace.root), resultSha256: toHex(sha256(o.resultBytes)), instructions: String(o.instructions),
      fuelUsed: String(o.fuelUsed), traceBytes: o.trace.byteLength, leaves: o.trace.leafHashes.length,
    });
    expect(values(v7)).toEqual({ traceRoot: V6.traceRoot, resultSha256: V6.resultSha256, instructions: V6.instructions, fuelUsed: V6.fuelUsed, traceBytes: V6.traceBytes, leaves: V6.leaves });
    expect(values(v6)).toEqual(values(v7));
    expect(v7.trace.leafHashes.map(toHex)).toEqual(v6.trace.leafHashes.map(toHex));
    // Version 6's traced module is the one its records hold; version 7's is its own.
    expect(toHex(sha256(v6.instrumentedWasm))).toBe(V6_MODULE_SHA256);
    expect(toHex(sha256(v7.instrumentedWasm))).toBe(V7_MODULE_SHA256);
  });

  it('with --trace off: version 6\'s result and counts, in another module', () => {
    const config = { ...DEFAULT_CONFIG, trace: 'off' as const };
    const v7 = executeRun({ strategy, data, config, instrumenter: INSTRUMENTER_V7 });
    const v6 = executeRun({ strategy, data, config, instrumenter: INSTRUMENTER_V6 });
    for (const o of [v7, v6]) expect([toHex(sha256(o.resultBytes)), String(o.instructions), String(o.fuelUsed)]).toEqual([V6.resultSha256, V6.instructions, V6.fuelUsed]);
    expect([toHex(sha256(v6.instrumentedWasm)), toHex(sha256(v7.instrumentedWasm))]).toEqual([V6_FUEL_ONLY_SHA256, V7_FUEL_ONLY_SHA256]);
  });
});

describe('version 7 and version 6 run folders side by side', () => {
  let work: string, v7: string, v6: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'backproof-v7-'));
    const config = { ...DEFAULT_CONFIG, snapshotEvery: 500 };
    v7 = path.join(work, 'v7');
    v6 = path.join(work, 'v6');
    await writeRunDir({ dir: v7, force: false, outcome: executeRun({ strategy, data, config, instrumenter: INSTRUMENTER_V7 }), strategy, config, key: null });
    await writeRunDir({ dir: v6, force: false, outcome: executeRun({ strategy, data, config, instrumenter: INSTRUMENTER_V6 }), strategy, config, key: null });
  }, 120_000);

  it('each verifies and replays under its recorded instrumenter, to the same root', async () => {
    const roots: string[] = [];
    for (const [dir, instrumenter] of [[v7, INSTRUMENTER_V7], [v6, INSTRUMENTER_V6]] as const) {
      expect(await recordedInstrumenter(dir)).toBe(instrumenter);
      const v = await verifyRun({ dir });
      expect([v.steps.includes('strategy'), v.toolchainDifferences], dir).toEqual([true, []]);
      roots.push(v.traceRoot);
      const r = await replayRun({ dir });
      expect([r.match, r.mismatches], dir).toEqual([true, []]);
    }
    // With a snapshot every 500 bars: not the golden root, but the same one under both.
    expect(roots[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(roots[1]).toBe(roots[0]);
  }, 120_000);

  it('trace and prove on the version 7 folder: format 6\'s records, a proof that verifies offline', async () => {
    const t = await traceWindow({ dir: v7, from: 636_182, count: 1 });
    expect([t.rootMatches, t.records[0]]).toMatchObject([true, { index: 636_182, func: 22, offset: 5329 }]);
    const bundle = await proveInstruction({ dir: v7, instruction: 636_182 });
    expect([bundle.claim.keyframe, bundle.leaves.map((l) => l.index)]).toEqual([null, [0, 1]]);
    expect(verifyProofBundle(bundle, null)).toMatchObject({ instruction: 636_182, steps: ['record', 'module', 'inclusion', 'instruction'] });
  }, 60_000);

  it('from the CLI: backtest records version 7 with --trace-format 7, format 6\'s root; verify passes', async () => {
    for (const args of [['--trace-format', '7']]) {
      const dir = path.join(work, `cli${args.length}`);
      const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', ...args, '--out', dir, '--unsigned', '--no-report', '--json');
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ trace: { root: V6.traceRoot, bytes: V6.traceBytes } });
      expect(await recordedInstrumenter(dir)).toBe(INSTRUMENTER_V7);
      expect((await cli('verify', dir)).code).toBe(0);
    }
  }, 120_000);
});
