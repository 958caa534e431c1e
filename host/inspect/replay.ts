/**
 * @module inspect/replay
 * `replay`: re-executes a run from its folder — the recorded module, data and config — and
 * compares the new trace root, result hash, instruction count, fuel used and trace bytes with the recorded ones
 * (the fields of the record that only an execution gives; verify checks the rest). It refuses to run under a
 * toolchain other than the recorded one unless told to (the override is then part of the report).
 * On a mismatch it finds the first differing instruction (inspect/divergence).
 */
import path from 'node:path';
import { AuditError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { standInList, type DataStandIns } from '../data/stand-in.ts';
import { firstDifferingLeaf, sha256, toHex } from '../../traces/index.ts';
import { toBigInt } from '../audit/codec.ts';
import { checkIsolation, type SourceText } from '../run/execute.ts';
import { executeRunIsolated } from '../run/worker.ts';
import { FILES, readRunFile } from '../run/rundir.ts';
import { findDivergence, type Divergence } from './divergence.ts';
import { loadRecordedRun, openRecordedData } from './reexecute.ts';
import { recordedSources } from './source-map.ts';
import { toolchainDifferences } from '../run/toolchain.ts';
import type { PhaseListener, ProgressCounter } from '../engine/progress.ts';

export interface ReplayReport {
  runId: string;
  match: boolean;
  /** Inputs that differ from the recorded ones (the replay still runs, to show the divergence). */
  notes: string[];
  /** How this toolchain differs from the recorded one; non-empty only with allowToolchainMismatch. */
  toolchainDifferences: string[];
  toolchainOverride: boolean;
  recordedRoot: string;
  replayedRoot: string;
  recordedResult: string;
  replayedResult: string;
  recordedInstructions: bigint;
  replayedInstructions: bigint;
  recordedFuelUsed: bigint;
  replayedFuelUsed: bigint;
  recordedTraceBytes: bigint;
  replayedTraceBytes: bigint;
  /** The fields that differ: "trace root", "result", "instructions", "fuelUsed", "bytes" (empty on a match). */
  mismatches: string[];
  /** Where the traces first differ (null when they match or the run has no trace). */
  divergence: Divergence | null;
}

export interface ReplayOptions {
  dir: string;
  /** Copies of the data read instead of the recorded paths: one per recorded file, in order or SYMBOL=FILE (data/stand-in). */
  dataPath?: DataStandIns;
  logger?: Logger;
  /** Log level of the re-executed guest's log lines (default: as BACKPROOF_LOG says). */
  logLevel?: string;
  /** Replay even though the toolchain differs from the recorded one (recorded in the report). */
  allowToolchainMismatch?: boolean;
  /** Where the re-execution reports how far it has got, for a progress display (engine/progress). */
  progress?: ProgressCounter;
  /** Told what the replay is doing around the re-execution (reading the folder and data, comparing), for a progress display. */
  onPhase?: PhaseListener;
  /**
   * Where the re-executed guest runs (`--isolation`: v8, wasi, process; default v8), as backtest's. Never
   * recorded and never in the report: every runtime gives the same trace, result and counts (docs/RUNTIMES.md).
   */
  isolation?: string;
}

export async function replayRun(opts: ReplayOptions): Promise<ReplayReport> {
  const isolation = checkIsolation(opts.isolation); // a UsageError naming --isolation before any file is read
  opts.onPhase?.({ step: 'folder', dir: opts.dir });
  const run = await loadRecordedRun(opts.dir);
  const rec = run.record;
  const differences = toolchainDifferences(rec.bodies.toolchain);
  if (differences.length > 0 && !opts.allowToolchainMismatch)
    throw new AuditError('TOOLCHAIN_MISMATCH', 'toolchain', `this toolchain is not the recorded one — ${differences.join('; ')} (pass --allow-toolchain-mismatch to replay anyway; the override is recorded in the report)`);
  if (differences.length > 0) opts.logger?.warn({ differences }, 'replaying under a different toolchain (override)');
  const sources: SourceText[] = [];
  for (const src of (rec.bodies.strategy.sources as { path: string; sha256: Uint8Array; normalizedSha256: Uint8Array }[]) ?? []) {
    const text = Buffer.from(await readRunFile(opts.dir, path.join(FILES.sources, src.path), 'strategy')).toString('utf8');
    sources.push({ path: src.path, text, sha256: toHex(src.sha256), normalizedSha256: toHex(src.normalizedSha256) });
  }
  const copies = standInList(opts.dataPath).length > 0;
  opts.onPhase?.({ step: 'data', file: (copies ? standInList(opts.dataPath) : run.files.map((f) => f.path)).join(', ') });
  const replayData = await openRecordedData(run, opts.dataPath);
  for (const [i, f] of replayData.feeds.entries()) f.path = run.files[i]!.path; // the record names the data by its recorded path
  // On a guest thread, like the recorded run (run/worker): the same stack, so the same limits hold.
  opts.onPhase?.({ step: 'run' });
  const outcome = await executeRunIsolated({ strategy: { wasm: run.wasm, sources }, data: replayData.feeds, config: run.config, logLevel: opts.logLevel, progress: opts.progress, instrumenter: run.instrumenter, isolation });
  opts.onPhase?.({ step: 'compare' });
  const recordedRoot = toHex(rec.bodies.trace.root as Uint8Array);
  const recordedResult = toHex(rec.bodies.result.sha256 as Uint8Array);
  const replayedRoot = toHex(outcome.trace.root);
  const replayedResult = toHex(sha256(outcome.resultBytes));
  const recordedInstructions = toBigInt(rec.bodies.trace.instructions), recordedFuelUsed = toBigInt(rec.bodies.trace.fuelUsed);
  const mismatches: string[] = [];
  if (recordedRoot !== replayedRoot) mismatches.push('trace root');
  if (recordedResult !== replayedResult) mismatches.push('result');
  if (recordedInstructions !== outcome.instructions) mismatches.push('instructions');
  if (recordedFuelUsed !== outcome.fuelUsed) mismatches.push('fuelUsed');
  const recordedTraceBytes = toBigInt(rec.bodies.trace.bytes), replayedTraceBytes = BigInt(outcome.trace.byteLength);
  if (recordedTraceBytes !== replayedTraceBytes) mismatches.push('bytes');
  let divergence: Divergence | null = null;
  if (recordedRoot !== replayedRoot && run.config.trace === 'full') {
    // The recorded side re-executes from the recorded files; without them it cannot be shown.
    opts.onPhase?.({ step: 'divergence' });
    const recorded = copies ? await openRecordedData(run).catch(() => null) : replayData;
    const { locate } = await recordedSources(run);
    divergence = await findDivergence(
      { label: 'recorded', wasm: run.wasm, feeds: recorded?.matches ? recorded.feeds : null, config: run.config, leafHashes: run.leafHashes, locate, instrumenter: run.instrumenter },
      { label: 'replayed', wasm: run.wasm, feeds: replayData.feeds, config: run.config, leafHashes: outcome.trace.leafHashes, locate, instrumenter: run.instrumenter },
    );
  }
  return {
    runId: rec.runId, match: mismatches.length === 0, notes: replayData.notes,
    toolchainDifferences: differences, toolchainOverride: differences.length > 0,
    recordedRoot, replayedRoot, recordedResult, replayedResult,
    recordedInstructions, replayedInstructions: outcome.instructions, recordedFuelUsed, replayedFuelUsed: outcome.fuelUsed, recordedTraceBytes, replayedTraceBytes, mismatches, divergence,
  };
}

/** Divergence between two run folders (e.g. the same strategy under two params), from their records alone. */
export async function diffRuns(dirA: string, dirB: string): Promise<{ same: boolean; notes: string[]; divergence: Divergence | null }> {
  const a = await loadRecordedRun(dirA), b = await loadRecordedRun(dirB);
  const notes: string[] = [];
  if (toHex(sha256(a.wasm)) !== toHex(sha256(b.wasm))) notes.push('the two runs use different modules: instruction positions are compared as they are');
  if (a.instrumenter !== b.instrumenter) notes.push(`the two runs were recorded under ${a.instrumenter} and ${b.instrumenter}: if their trace formats differ, they are compared instruction by instruction`);
  const da = await openRecordedData(a), db = await openRecordedData(b);
  notes.push(...da.notes.map((n) => `${dirA}: ${n}`), ...db.notes.map((n) => `${dirB}: ${n}`));
  // Source positions only for a report: rebuilding costs a moment per side.
  const none = { locate: null, note: null };
  const [sa, sb] = firstDifferingLeaf(a.leafHashes, b.leafHashes) < 0 ? [none, none] : await Promise.all([recordedSources(a), recordedSources(b)]);
  const divergence = await findDivergence(
    { label: 'A', wasm: a.wasm, feeds: da.matches ? da.feeds : null, config: a.config, leafHashes: a.leafHashes, locate: sa.locate, instrumenter: a.instrumenter },
    { label: 'B', wasm: b.wasm, feeds: db.matches ? db.feeds : null, config: b.config, leafHashes: b.leafHashes, locate: sb.locate, instrumenter: b.instrumenter },
  );
  if (divergence) notes.push(...(sa.note ? [`${dirA}: ${sa.note}`] : []), ...(sb.note ? [`${dirB}: ${sb.note}`] : []));
  return { same: divergence === null, notes, divergence };
}
