/**
 * @module report/read
 * A run folder read for its report: record.pb, result.pb (which must hash to the record's result
 * link) and each data file at its recorded path (or a stand-in), which must hash to the data link.
 * A folder that is not a run is refused before anything is written, naming the path.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { AuditError, DataError, UsageError } from '../errors.ts';
import { decodeSignedRecord } from '../audit/record.ts';
import { checkResult, RESULT_BYTES, resultRows, toBigInt, type ResultBytes } from '../audit/codec.ts';
import { standInPaths } from '../data/stand-in.ts';
import { openData, sourceOfFeed } from '../data/load.ts';
import type { DataOptions } from '../data/options.ts';
import { eventTimes, symbolRanks, withPeriods } from '../engine/events.ts';
import type { ReportInput, ReportResult } from './render.ts';

/** Largest run file read (hostile input: bounded before reading), as verify bounds it. */
const MAX_FILE = 1 << 30;
const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code;

async function runFile(dir: string, name: string, step: string): Promise<Uint8Array> {
  const p = path.join(dir, name);
  const st = await stat(p).catch((e) => {
    throw new AuditError('VERIFY_FAILED', step, `${p} is missing: ${dir} is not a complete run folder (${errno(e) ?? (e as Error).message})`, { cause: e });
  });
  if (!st.isFile()) throw new AuditError('VERIFY_FAILED', step, `${p} is not a file`);
  if (st.size > MAX_FILE) throw new AuditError('VERIFY_FAILED', step, `${p} is ${st.size} bytes, larger than any run file can be`);
  return new Uint8Array(await readFile(p));
}

interface RecordedFile { path: string; symbol?: string; sha256: Uint8Array; bars?: unknown; periodNs?: unknown; timezone?: string; dateFormat?: string; duplicates?: string; window?: { fromNs?: unknown; toNs?: unknown } | null }

/** The options a data file was read with, as the data link records them. */
function recordedOptions(f: RecordedFile): DataOptions {
  const o: DataOptions = { period: toBigInt(f.periodNs) };
  if (f.timezone) o.timezone = f.timezone;
  if (f.dateFormat === 'dmy' || f.dateFormat === 'mdy') o.dateFormat = f.dateFormat;
  if (f.duplicates === 'keep' || f.duplicates === 'error') o.duplicates = f.duplicates;
  if (f.window) o.window = { from: toBigInt(f.window.fromNs), to: toBigInt(f.window.toNs) };
  return o;
}

const sha256Hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * result.pb (checked canonical, as decodeResult checks it) as the page reads it: the trades and
 * orders counted and read from the bytes again as they are iterated, never all held as objects
 * (`checked`: checkResult's answer for these bytes, when the caller has it already).
 */
export function streamedRows(resultPb: Uint8Array, checked: ReturnType<typeof checkResult> = checkResult(resultPb)): ReportResult {
  const rows = resultRows(resultPb);
  const trades = { length: checked.trades, [Symbol.iterator]: () => rows.trades[Symbol.iterator]() };
  const orders = { length: checked.orders, [Symbol.iterator]: () => rows.orders[Symbol.iterator]() };
  // the bytes too, so the page reads the rows' fields without an object per row (render RowTally)
  const source: ResultBytes = { bytes: resultPb, trades, orders };
  const result: ReportResult = { trades, orders, equity: checked.equity(), stats: checked.stats };
  return Object.assign(result, { [RESULT_BYTES]: source });
}

/**
 * Reads run folder `dir` for its report. `dataPaths` stand in for the recorded data paths, one per
 * recorded file in record order or as SYMBOL=FILE (a copy of the data moved elsewhere: data/stand-in).
 */
export async function readReportInput(dir: string, dataPaths?: readonly string[]): Promise<ReportInput & { times: BigInt64Array }> {
  const st = await stat(dir).catch((e) => {
    throw new UsageError('USAGE', `${dir} is not a run folder: it cannot be read (${errno(e) ?? (e as Error).message})`, { cause: e });
  });
  if (!st.isDirectory()) throw new UsageError('USAGE', `${dir} is not a run folder: it is a file, not a folder`);
  if (!(await stat(path.join(dir, 'record.pb')).then((s) => s.isFile(), () => false)))
    throw new UsageError('USAGE', `${dir} is not a run folder: it has no record.pb (backtest writes one into every run folder)`);
  const recordPb = await runFile(dir, 'record.pb', 'record');
  let rec;
  try {
    rec = decodeSignedRecord(recordPb);
  } catch (e) {
    if (e instanceof AuditError) throw new AuditError(e.code, e.step, `${path.join(dir, 'record.pb')}: ${e.message}`, { cause: e });
    throw e;
  }
  const resultPb = await runFile(dir, 'result.pb', 'result');
  const recordedResult = Buffer.from(rec.bodies.result.sha256 as Uint8Array).toString('hex');
  if (sha256Hex(resultPb) !== recordedResult)
    throw new AuditError('VERIFY_FAILED', 'result', `${path.join(dir, 'result.pb')} hashes to ${sha256Hex(resultPb)}, the record's result link to ${recordedResult}: not this run's result`);
  let result;
  try {
    result = streamedRows(resultPb);
  } catch (e) {
    throw new AuditError('VERIFY_FAILED', 'result', `${path.join(dir, 'result.pb')} does not decode: ${(e as Error).message}`, { cause: e });
  }

  const files = (rec.bodies.data.files as RecordedFile[]) ?? [];
  const copies = standInPaths(files, dataPaths, dir);
  const feeds = [];
  for (const [k, f] of files.entries()) {
    const file = copies[k] ?? f.path;
    const feed = await openData(file, recordedOptions(f)).catch((e) => {
      // The hint only for the recorded path: a file the user gave with --data is named as such.
      if (e instanceof DataError && e.code === 'DATA_NOT_FOUND')
        throw new DataError('DATA_NOT_FOUND', copies[k] !== undefined ? `${e.message} (the file given with --data)` : `${e.message} (the run at ${dir} read it there; pass --data FILE to point at a copy)`, { cause: e });
      throw e;
    });
    const recorded = Buffer.from(f.sha256).toString('hex');
    if (feed.sha256 !== recorded)
      throw new AuditError('VERIFY_FAILED', 'data', `data file ${file} hashes to ${feed.sha256}, the record's data link to ${recorded}: not the data of the run at ${dir}`);
    feeds.push({ open: () => sourceOfFeed(feed) });
  }
  // Each equity point's time, as the run ordered its bars (equity.csv's time column).
  const w = withPeriods(feeds.map((f) => f.open()), files.map((f) => toBigInt(f.periodNs)));
  const times = eventTimes(w.sources, w.periods, symbolRanks(files.map((f, k) => f.symbol || `#${k}`)));
  return { recordPb, result, times, feeds };
}
