/**
 * @module run/replay
 * `replay`: re-executes a run from its folder — the recorded module, data and config — and
 * compares the new trace root and result hash with the recorded ones.
 */
import path from 'node:path';
import { AuditError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { openData } from '../data/load.ts';
import { equalBytes, sha256, toHex } from '../../traces/index.ts';
import { executeRun, type SourceText } from './execute.ts';
import { FILES, readRunFile } from './rundir.ts';
import { configFromRecord, dataOptionsFromRecord, openRecord, type RecordedDataFile } from './verify.ts';

export interface ReplayReport {
  match: boolean;
  /** Inputs that differ from the recorded ones (the replay still runs, to show the divergence). */
  notes: string[];
  recordedRoot: string;
  replayedRoot: string;
  recordedResult: string;
  replayedResult: string;
}

export async function replayRun(opts: { dir: string; dataPath?: string; logger?: Logger }): Promise<ReplayReport> {
  const rec = await openRecord(opts.dir, null);
  const s = rec.bodies.strategy;
  const wasm = await readRunFile(opts.dir, FILES.wasm, 'strategy');
  if (!equalBytes(s.wasmSha256 as Uint8Array, sha256(wasm)))
    throw new AuditError('VERIFY_FAILED', 'strategy', `strategy: ${FILES.wasm} is not the recorded module`);
  const sources: SourceText[] = [];
  for (const src of (s.sources as { path: string; sha256: Uint8Array; normalizedSha256: Uint8Array }[]) ?? []) {
    const text = Buffer.from(await readRunFile(opts.dir, path.join(FILES.sources, src.path), 'strategy')).toString('utf8');
    sources.push({ path: src.path, text, sha256: toHex(src.sha256), normalizedSha256: toHex(src.normalizedSha256) });
  }
  const notes: string[] = [];
  const recordedFiles = rec.bodies.data.files as RecordedDataFile[];
  const data = [];
  for (const f of recordedFiles) {
    const d = await openData(opts.dataPath && recordedFiles.length === 1 ? opts.dataPath : f.path, dataOptionsFromRecord(f));
    if (d.sha256 !== toHex(f.sha256)) notes.push(`data ${d.path} has SHA-256 ${d.sha256}, the record says ${toHex(f.sha256)}`);
    d.path = f.path; // the record names the data by its recorded path
    if (f.symbol) d.symbol = f.symbol;
    data.push(d);
  }
  const outcome = executeRun({ strategy: { wasm, sources }, data, config: configFromRecord(rec.bodies.config), logger: opts.logger });
  const recordedRoot = toHex(rec.bodies.trace.root as Uint8Array);
  const recordedResult = toHex(rec.bodies.result.sha256 as Uint8Array);
  const replayedRoot = toHex(outcome.trace.root);
  const replayedResult = toHex(sha256(outcome.resultBytes));
  return { match: recordedRoot === replayedRoot && recordedResult === replayedResult, notes, recordedRoot, replayedRoot, recordedResult, replayedResult };
}
