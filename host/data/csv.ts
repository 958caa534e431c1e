/**
 * @module data/csv
 * Strict OHLCV CSV loading: backtesting.py files (unnamed first column holding the date),
 * Yahoo files (Date,...,Adj Close,...), and backtrader-style Date[,Time] files. Columns are found
 * by name; dates are read as UTC. A malformed row is an error naming file, line and field —
 * never a skipped row.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DataError } from '../errors.ts';
import type { Bars } from '../model/bars.ts';

export interface LoadedData {
  /** As given by the caller. */
  path: string;
  sha256: string;
  byteLength: number;
  bars: Bars;
}

const REQUIRED = ['open', 'high', 'low', 'close'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

export async function loadCsv(file: string): Promise<LoadedData> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (e) {
    throw new DataError('DATA_NOT_FOUND', `cannot read data file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  const bars = parseCsv(raw.toString('utf8'), path.basename(file));
  return { path: file, sha256: createHash('sha256').update(raw).digest('hex'), byteLength: raw.length, bars };
}

function utcNs(file: string, line: number, field: string, y: number, mo: number, d: number, h: number, mi: number, s: number): bigint {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    throw new DataError('DATA_MALFORMED', `${file}:${line}: field "${field}" is not a valid date/time`);
  return BigInt(ms) * 1_000_000n;
}

export function parseCsv(text: string, file: string): Bars {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new DataError('DATA_EMPTY', `${file}: the file is empty`);
  const header = lines[0]!.replace(/^\uFEFF/, '').split(',').map((h) => h.trim().toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  const dateCol = header[0] === '' || header[0] === 'date' || header[0] === 'datetime' ? 0 : -1;
  if (dateCol < 0)
    throw new DataError('DATA_MALFORMED', `${file}:1: the first column must be the date (named "Date", "Datetime" or unnamed), found "${header[0]}"`);
  const timeCol = col('time');
  const idx: Record<string, number> = {};
  for (const name of REQUIRED) {
    idx[name] = col(name);
    if (idx[name] < 0) throw new DataError('DATA_MALFORMED', `${file}:1: header has no "${name[0]!.toUpperCase()}${name.slice(1)}" column (found: ${lines[0]})`);
  }
  const volumeCol = col('volume');
  const n = lines.length - 1;
  const time = new BigInt64Array(n);
  const open = new Float64Array(n), high = new Float64Array(n), low = new Float64Array(n), close = new Float64Array(n);
  const volume = new Float64Array(n);
  const columns = [open, high, low, close];
  const names = ['Open', 'High', 'Low', 'Close'];
  for (let i = 0; i < n; i++) {
    const lineNo = i + 2;
    const fields = lines[i + 1]!.split(',');
    if (fields.length !== header.length)
      throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: row has ${fields.length} fields, the header names ${header.length}`);
    const dm = DATE.exec(fields[dateCol]!.trim());
    if (!dm) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Date" ("${fields[dateCol]}") is not YYYY-MM-DD[ HH:MM[:SS]]`);
    let h = Number(dm[4] ?? 0), mi = Number(dm[5] ?? 0), s = Number(dm[6] ?? 0);
    if (timeCol >= 0) {
      const tm = TIME.exec(fields[timeCol]!.trim());
      if (!tm) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Time" ("${fields[timeCol]}") is not HH:MM[:SS]`);
      h = Number(tm[1]); mi = Number(tm[2]); s = Number(tm[3] ?? 0);
    }
    time[i] = utcNs(file, lineNo, 'Date', Number(dm[1]), Number(dm[2]), Number(dm[3]), h, mi, s);
    if (i > 0 && time[i]! <= time[i - 1]!)
      throw new DataError('DATA_ORDER', `${file}:${lineNo}: timestamp ${fields[dateCol]} is not after the previous row's (rows must be strictly increasing in time)`);
    for (let c = 0; c < 4; c++) {
      const text = fields[idx[REQUIRED[c]!]!]!.trim();
      const v = text === '' ? NaN : Number(text);
      if (!Number.isFinite(v) || v <= 0)
        throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "${names[c]}" ("${text}") is not a positive number`);
      columns[c]![i] = v;
    }
    if (high[i]! < low[i]!) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: High ${high[i]} is below Low ${low[i]}`);
    if (volumeCol >= 0) {
      const text = fields[volumeCol]!.trim();
      const v = text === '' ? NaN : Number(text);
      if (!Number.isFinite(v) || v < 0) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Volume" ("${text}") is not a non-negative number`);
      volume[i] = v;
    }
  }
  if (n === 0) throw new DataError('DATA_EMPTY', `${file}: no rows after the header`);
  return { length: n, time, open, high, low, close, volume };
}
