/**
 * @module run/rundir
 * The run folder: everything needed to verify a run without re-executing it, and to replay it.
 * Written into "<dir>.partial" and renamed into place at the end, so a failed run never leaves a
 * half-written folder behind. Layout: docs/AUDIT.md.
 */
import { mkdir, rename, rm, writeFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { UsageError, AuditError } from '../errors.ts';
import { encode, pb } from '../audit/codec.ts';
import { rawPublicKey, signRecord } from '../audit/keys.ts';
import { recordJson } from '../audit/record-json.ts';
import { renderEquityCsv, renderStatsJson, renderTradesCsv } from '../audit/render.ts';
import type { RunOutcome, StrategyArtifact } from './execute.ts';
import { eventTimes, withPeriods } from '../engine/events.ts';
import type { BarSource } from '../model/bars.ts';

/**
 * Each bar's time in the engine's order (equity.csv's time column), streaming the sources.
 * `periods`: each feed's period as the run used it; by default inferred as the engine does.
 */
export function timelineOfSources(sources: readonly BarSource[], periods?: readonly (bigint | undefined)[]): BigInt64Array {
  const w = withPeriods(sources, periods);
  return eventTimes(w.sources, w.periods);
}

import { configJson, type RunConfig } from './config.ts';
import { isoTime } from '../model/bars.ts';

export const FILES = {
  record: 'record.pb',
  recordJson: 'record.json',
  result: 'result.pb',
  trades: 'trades.csv',
  equity: 'equity.csv',
  stats: 'stats.json',
  config: 'config.json',
  wasm: 'strategy.wasm',
  leaves: 'trace-leaves.bin',
  snapshots: 'snapshots.json',
  /** Written by `backtest --log` beside a complete run: the record's inclusion proof in that log. */
  logInclusion: 'log-inclusion.json',
  sources: 'sources',
} as const;

export function signedRecordBytes(recordBytes: Uint8Array, key: KeyObject | null): Uint8Array {
  return encode(pb.SignedRecord, {
    record: recordBytes,
    signature: key ? signRecord(recordBytes, key) : new Uint8Array(0),
    publicKey: key ? rawPublicKey(key) : new Uint8Array(0),
  });
}

export interface WriteRunInput {
  dir: string;
  force: boolean;
  outcome: RunOutcome;
  strategy: StrategyArtifact;
  config: RunConfig;
  key: KeyObject | null;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

export async function writeRunDir(x: WriteRunInput): Promise<void> {
  const dir = path.resolve(x.dir);
  if ((await exists(dir)) && !x.force) throw new UsageError('OUTPUT_EXISTS', `output folder ${x.dir} already exists; pass --force to replace it`);
  const tmp = `${dir}.partial`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const signed = signedRecordBytes(x.outcome.recordBytes, x.key);
  const decodedSigned = pb.SignedRecord.decode(signed) as unknown as { record: Uint8Array; signature: Uint8Array; publicKey: Uint8Array };
  const files: [string, string | Uint8Array][] = [
    [FILES.result, x.outcome.resultBytes],
    [FILES.trades, renderTradesCsv(x.outcome.result)],
    [FILES.equity, renderEquityCsv(x.outcome.result, x.outcome.times)],
    [FILES.stats, renderStatsJson(x.outcome.result.stats)],
    [FILES.config, configJson(x.config)],
    [FILES.wasm, x.strategy.wasm],
    [FILES.leaves, Buffer.concat(x.outcome.trace.leafHashes)],
    [FILES.snapshots, JSON.stringify(x.outcome.snapshots.map((s) => ({ bar: s.bar, time: isoTime(x.outcome.times[s.bar]!), sha256: Buffer.from(s.hash).toString('hex') })), null, 2) + '\n'],
    [FILES.recordJson, recordJson(decodedSigned)],
    [FILES.record, signed],
  ];
  for (const [name, content] of files) await writeFile(path.join(tmp, name), content);
  for (const s of x.strategy.sources) {
    const target = path.join(tmp, FILES.sources, s.path);
    if (!target.startsWith(path.join(tmp, FILES.sources) + path.sep)) throw new UsageError('USAGE', `source path ${s.path} escapes the run folder`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, s.text);
  }
  if (await exists(dir)) await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
}

/** Largest file verify will read from a run folder (hostile input: bounded before reading). */
const MAX_FILE = 1 << 30;

export async function readRunFile(dir: string, name: string, step: string): Promise<Uint8Array> {
  const p = path.join(dir, name);
  let size: number;
  try {
    size = (await stat(p)).size;
  } catch {
    throw new AuditError('VERIFY_FAILED', step, `${name} is missing from run folder ${dir}`);
  }
  if (size > MAX_FILE) throw new AuditError('VERIFY_FAILED', step, `${name} is ${size} bytes, larger than any run file can be`);
  return new Uint8Array(await readFile(p));
}
