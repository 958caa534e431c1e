/**
 * @module inspect/export
 * `backproof export`: the CSV renderings of a run's result, streamed from result.pb (and, for
 * equity.csv, each event's time from the data, as verify rebuilds it) — the same bytes verify
 * re-renders, so an exported file written into the run folder is checked by verify like the others.
 * backtest writes none of them unless asked (`--csv`): their rows are all in result.pb already
 * (trades.csv is ~0.4 s and 5 MB at 1M bars, equity.csv a row per bar: 46 MB), so they come from here,
 * byte for byte what `backtest --csv` would have written.
 */
import path from 'node:path';
import { lstat, mkdir, realpath, stat } from 'node:fs/promises';
import { AuditError, UsageError } from '../errors.ts';
import { checkResult, streamedResult } from '../audit/codec.ts';
import { equalBytes, sha256, toHex } from '../../traces/index.ts';
import { CSV_FILE, FILES, readRunFile, RESULT_RENDERINGS, writeChunksAside, type CsvKind } from '../run/rundir.ts';
import type { RecordedDataFile } from './opened-record.ts';
import { openRecord } from './opened-record.ts';
import type { DataStandIns } from '../data/stand-in.ts';
import { recordedTimeline } from './verify.ts';

/** The files export writes, in the order it writes them: the run's CSV renderings (run/rundir CSV_KINDS). */
export const EXPORT_KINDS = ['equity', 'trades', 'orders'] as const satisfies readonly CsvKind[];
export type ExportKind = CsvKind;
const FILE_OF = CSV_FILE;

export interface ExportOptions {
  /** Which files (default: equity). */
  kinds?: readonly ExportKind[];
  /** A folder to write them into, or (one kind) a file ending in .csv; default: the run folder. */
  out?: string;
  /** Copies of the data files moved from their recorded paths: one per recorded file, in order or SYMBOL=FILE (data/stand-in). */
  data?: DataStandIns;
  /** Replace an existing file (other than the run folder's own renderings, which are always replaced). */
  force?: boolean;
}

export interface ExportedFile {
  kind: ExportKind;
  file: string;
  bytes: number;
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code;
const exists = (p: string): Promise<boolean> => lstat(p).then(() => true, () => false);
const realOrSelf = (p: string): Promise<string> => realpath(p).catch(() => path.resolve(p));

/** Where each kind goes: into the folder `out` (or the run folder), or the one file `out`. */
async function destinations(dir: string, kinds: readonly ExportKind[], out: string | undefined): Promise<string[]> {
  if (out === undefined) return kinds.map((k) => path.join(dir, FILE_OF[k]));
  const st = await stat(out).catch((e) => (errno(e) === 'ENOENT' ? null : Promise.reject(new UsageError('USAGE', `--out ${out}: cannot be read (${errno(e)})`, { cause: e }))));
  if (st?.isDirectory() || out.endsWith('/') || out.endsWith(path.sep)) {
    await mkdir(out, { recursive: true }).catch((e) => Promise.reject(new UsageError('USAGE', `--out ${out}: cannot create the folder (${errno(e)})`, { cause: e })));
    return kinds.map((k) => path.join(out, FILE_OF[k]));
  }
  if (!out.endsWith('.csv')) throw new UsageError('USAGE', `--out ${out}: a file must end in .csv (or name a folder: an existing one, or one ending in /)`);
  if (kinds.length !== 1) throw new UsageError('USAGE', `--out ${out}: one file takes one of --equity, --trades, --orders (${kinds.length} asked); name a folder for several`);
  return [out];
}

/**
 * Writes the asked CSV renderings of run folder `dir`. Checks first, before writing anything: the
 * record's chain, result.pb's SHA-256 against the record, and (for equity) each data file against
 * the data link. Each file is written beside its place and renamed into it: never half-written (nor
 * left behind by an interrupt: the CLI's removePartials removes it).
 */
export async function exportRun(dir: string, opts: ExportOptions = {}): Promise<ExportedFile[]> {
  const kinds = [...new Set(opts.kinds?.length ? opts.kinds : (['equity'] as const))];
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory()) throw new UsageError('USAGE', `${dir} is not a run folder: ${st ? 'it is a file' : 'it cannot be read'}`);
  if (!(await exists(path.join(dir, FILES.record)))) throw new UsageError('USAGE', `${dir} is not a run folder: it has no ${FILES.record} (backtest writes one into every run folder)`);
  const targets = await destinations(dir, kinds, opts.out);

  const rec = await openRecord(dir, null);
  const data = (rec.bodies.data.files as RecordedDataFile[]) ?? [];
  const runDir = await realOrSelf(dir);
  for (const target of targets) {
    const real = await realOrSelf(target);
    for (const f of data)
      if (real === (await realOrSelf(f.path))) throw new UsageError('OUTPUT_EXISTS', `${target} is a data file of the run at ${dir}: it is never replaced`);
    const own = path.dirname(real) === runDir && Object.values(FILE_OF).includes(path.basename(real));
    if (!own && !opts.force && (await exists(target))) throw new UsageError('OUTPUT_EXISTS', `${target} already exists; pass --force to replace it`);
  }

  const resultBytes = await readRunFile(dir, FILES.result, 'result');
  const recorded = rec.bodies.result.sha256 as Uint8Array;
  if (!equalBytes(recorded, sha256(resultBytes)))
    throw new AuditError('VERIFY_FAILED', 'result', `${path.join(dir, FILES.result)} hashes to ${toHex(sha256(resultBytes))}, the record's result link to ${toHex(recorded)}: not this run's result`);
  let checked;
  try {
    checked = checkResult(resultBytes);
  } catch (e) {
    throw new AuditError('VERIFY_FAILED', 'result', `${path.join(dir, FILES.result)} does not decode: ${(e as Error).message}`, { cause: e });
  }
  // the rows read from the bytes as they are written (not a million objects held at once)
  const result = streamedResult(resultBytes, checked.equity, checked.stats);
  // The times only equity.csv needs: from the data, as verify rebuilds them.
  const timeline = kinds.includes('equity') ? (await recordedTimeline(rec, opts.data, 'data error')).timeline : new BigInt64Array(0);
  if (kinds.includes('equity') && timeline.length !== checked.equityPoints)
    throw new AuditError('VERIFY_FAILED', 'result', `${FILES.result} holds ${checked.equityPoints} equity points for ${timeline.length} bars`);

  const written: ExportedFile[] = [];
  for (const [k, kind] of kinds.entries()) {
    const target = targets[k]!;
    const rendering = RESULT_RENDERINGS.find((r) => r.csv === kind)!;
    try {
      await writeChunksAside(target, rendering.chunks(result, timeline));
    } catch (e) {
      if (['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR'].includes(errno(e) ?? '')) throw new UsageError('USAGE', `cannot write ${target} (${errno(e)})`, { cause: e });
      throw e;
    }
    written.push({ kind, file: target, bytes: (await stat(target)).size });
  }
  return written;
}
