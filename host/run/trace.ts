/**
 * @module run/trace
 * `backproof trace`: re-executes a run and prints a window of its per-instruction trace. The run is
 * re-executed to the end so the trace root can be compared with the recorded one: every printed
 * instruction then belongs to the committed trace.
 */
import { AuditError, UsageError } from '../errors.ts';
import { openData, sourceOfFeed } from '../data/load.ts';
import { Backtest } from '../engine/backtest.ts';
import { compileGuest, GuestInstance, staticMap } from '../sandbox/index.ts';
import { guestHostFor } from './guest-host.ts';
import { TraceExpander, toHex, type InstructionRecord } from '../../traces/index.ts';
import { engineConfigFor, sandboxConfigFor } from './config.ts';
import { FILES, readRunFile } from './rundir.ts';
import { configFromRecord, dataOptionsFromRecord, openRecord, type RecordedDataFile } from './verify.ts';

export interface TraceWindow {
  records: InstructionRecord[];
  /** Instructions in the whole run. */
  total: number;
  rootMatches: boolean;
  recordedRoot: string;
  replayedRoot: string;
  functionNames: Map<number, string>;
}

export async function traceWindow(opts: { dir: string; from: number; count: number; dataPath?: string }): Promise<TraceWindow> {
  if (!Number.isSafeInteger(opts.from) || opts.from < 0 || !Number.isSafeInteger(opts.count) || opts.count < 1 || opts.count > 1_000_000)
    throw new UsageError('USAGE', `--from must be >= 0 and --count in 1..1000000 (got ${opts.from}, ${opts.count})`);
  const rec = await openRecord(opts.dir, null);
  const config = configFromRecord(rec.bodies.config);
  if (config.trace === 'off') throw new UsageError('USAGE', 'this run was made with --trace off: it has no trace');
  const wasm = await readRunFile(opts.dir, FILES.wasm, 'strategy');
  const recordedFiles = rec.bodies.data.files as RecordedDataFile[];
  const feeds = [];
  for (const f of recordedFiles) feeds.push(sourceOfFeed(await openData(opts.dataPath && recordedFiles.length === 1 ? opts.dataPath : f.path, dataOptionsFromRecord(f))));
  const records: InstructionRecord[] = [];
  let expander: TraceExpander | null = null;
  const sandbox = { ...sandboxConfigFor(config), onTrace: (b: Uint8Array) => expander!.push(b) };
  const guest = compileGuest(wasm, sandbox);
  expander = new TraceExpander(staticMap(wasm, guest.meta!), (r) => void records.push({ ...r }), opts.from, opts.from + opts.count);
  const backtest = new Backtest({ sources: feeds }, engineConfigFor(config));
  const host = guestHostFor(backtest, config.params);
  const instance = new GuestInstance(guest, host, sandbox);
  instance.init();
  backtest.run(instance);
  const stats = instance.finish();
  const recordedRoot = toHex(rec.bodies.trace.root as Uint8Array);
  const replayedRoot = toHex(stats.trace!.root);
  if (!expander.complete) throw new AuditError('VERIFY_FAILED', 'trace', 'the replayed trace ends inside a region');
  return { records, total: expander.count, rootMatches: recordedRoot === replayedRoot, recordedRoot, replayedRoot, functionNames: guest.functionNames };
}
