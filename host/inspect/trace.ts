/**
 * @module inspect/trace
 * `backproof trace`: re-executes a run and prints a window of its per-instruction trace. The run is
 * re-executed to the end so the trace root can be compared with the recorded one: every printed
 * instruction then belongs to the committed trace.
 */
import type { DataStandIns } from '../data/stand-in.ts';
import { UsageError } from '../errors.ts';
import { toHex, type InstructionRecord } from '../../traces/index.ts';
import { loadRecordedRun, openRecordedData, reexecute } from './reexecute.ts';
import { recordedSources } from './source-map.ts';

export interface TraceWindow {
  /** `source`: the AssemblyScript position (`file.ts:line:col`) of the instruction, or null (inspect/source-map). */
  records: (InstructionRecord & { source: string | null })[];
  /** Why no record has a source position, when none can (e.g. the run was made from a .wasm). */
  sourceNote: string | null;
  /** Instructions in the whole run. */
  total: number;
  rootMatches: boolean;
  recordedRoot: string;
  replayedRoot: string;
  functionNames: Map<number, string>;
}

export async function traceWindow(opts: { dir: string; from: number; count: number; dataPath?: DataStandIns }): Promise<TraceWindow> {
  if (!Number.isSafeInteger(opts.from) || opts.from < 0 || !Number.isSafeInteger(opts.count) || opts.count < 1 || opts.count > 1_000_000)
    throw new UsageError('USAGE', `--from must be >= 0 and --count in 1..1000000 (got ${opts.from}, ${opts.count})`);
  const run = await loadRecordedRun(opts.dir);
  if (run.config.trace === 'off') throw new UsageError('USAGE', 'this run was made with --trace off: it has no trace');
  const { feeds } = await openRecordedData(run, opts.dataPath);
  const [x, sources] = await Promise.all([
    reexecute({ wasm: run.wasm, feeds, config: run.config, instrumenter: run.instrumenter, keepFrom: Number.MAX_SAFE_INTEGER, recordFrom: opts.from, recordTo: opts.from + opts.count }),
    recordedSources(run),
  ]);
  const recordedRoot = toHex(run.record.bodies.trace.root as Uint8Array);
  const replayedRoot = toHex(x.commitment!.root);
  const records = x.records.map(({ word: _word, ...r }) => ({ ...r, source: sources.locate?.(r.offset) ?? null }));
  return { records, sourceNote: sources.note, total: x.instructions, rootMatches: recordedRoot === replayedRoot, recordedRoot, replayedRoot, functionNames: x.functionNames };
}
