/**
 * @module data/csv
 * Strict CSV loading with a header: backtesting.py files (unnamed first column holding the date),
 * Yahoo files (Date,…,Adj Close,…), backtrader files (Date[,Time],…,OpenInterest), tick files
 * (Datetime with milliseconds) and bid/ask quote files (TIMESTAMP,BID,ASK → bars at the mid).
 * Columns are found by name. A malformed row is an error naming file, line and field.
 */
import path from 'node:path';
import { DataError } from '../errors.ts';
import type { Bars } from '../model/bars.ts';
import { BarBuilder } from './builder.ts';
import { checkZone, zonedToUtcMs } from './time.ts';
import type { DataOptions } from './options.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

interface Fields { y: number; mo: number; d: number; h: number; mi: number; s: number; frac: string }

export function parseCsv(text: string, file: string, options: DataOptions = {}): Bars {
  const zone = options.timezone ?? 'UTC';
  checkZone(zone);
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new DataError('DATA_EMPTY', `${file}: the file is empty`);
  const header = lines[0]!.replace(/^\uFEFF/, '').split(',').map((h) => h.trim().toLowerCase());
  const col = (...names: string[]): number => header.findIndex((h) => names.includes(h));
  const dateCol = header[0] === '' || ['date', 'datetime', 'timestamp'].includes(header[0]!) ? 0 : -1;
  if (dateCol < 0)
    throw new DataError('DATA_MALFORMED', `${file}:1: the first column must be the date (named "Date", "Datetime", "Timestamp" or unnamed), found "${header[0]}"`);
  const timeCol = col('time');
  const quotes = col('bid') >= 0 && col('ask') >= 0 && col('close') < 0;
  const idx = quotes ? [] : ['open', 'high', 'low', 'close'].map((name) => {
    const i = col(name);
    if (i < 0) throw new DataError('DATA_MALFORMED', `${file}:1: header has no "${name[0]!.toUpperCase()}${name.slice(1)}" column (found: ${lines[0]})`);
    return i;
  });
  const bidCol = col('bid'), askCol = col('ask');
  const volumeCol = col('volume');

  // d/m/y vs m/d/y: decided by the option, or by the file when some row can only be read one way.
  let dateFormat = options.dateFormat;
  if (!dateFormat && SLASHED.test(lines[1]?.split(',')[dateCol]?.trim() ?? '')) {
    let dayFirst = false, monthFirst = false;
    for (let i = 1; i < lines.length; i++) {
      const m = SLASHED.exec(lines[i]!.split(',')[dateCol]!.trim());
      if (!m) continue;
      if (Number(m[1]) > 12) dayFirst = true;
      if (Number(m[2]) > 12) monthFirst = true;
    }
    if (dayFirst === monthFirst)
      throw new DataError('DATA_MALFORMED', `${file}: dates like "${lines[1]!.split(',')[dateCol]}" are ambiguous (day/month or month/day); pass --date-format dmy or mdy`);
    dateFormat = dayFirst ? 'dmy' : 'mdy';
  }

  const bars = new BarBuilder(file, options.duplicates === 'keep');
  const num = (fields: string[], i: number, name: string, lineNo: number): number => {
    const t = fields[i]!.trim();
    const v = t === '' ? NaN : Number(t);
    if (!Number.isFinite(v)) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "${name}" ("${t}") is not a number`);
    return v;
  };
  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const fields = lines[i]!.split(',');
    if (fields.length !== header.length)
      throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: row has ${fields.length} fields, the header names ${header.length}`);
    const raw = fields[dateCol]!.trim();
    let f: Fields;
    const iso = ISO.exec(raw);
    const sl = iso ? null : SLASHED.exec(raw);
    if (iso) f = { y: +iso[1]!, mo: +iso[2]!, d: +iso[3]!, h: +(iso[4] ?? 0), mi: +(iso[5] ?? 0), s: +(iso[6] ?? 0), frac: iso[7] ?? '' };
    else if (sl) {
      const [a, b] = [+sl[1]!, +sl[2]!];
      f = { y: +sl[3]!, mo: dateFormat === 'dmy' ? b : a, d: dateFormat === 'dmy' ? a : b, h: +(sl[4] ?? 0), mi: +(sl[5] ?? 0), s: +(sl[6] ?? 0), frac: '' };
    } else throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Date" ("${raw}") is not YYYY-MM-DD[ HH:MM[:SS[.fff]]] or d/m/yyyy`);
    if (timeCol >= 0) {
      const tm = TIME.exec(fields[timeCol]!.trim());
      if (!tm) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Time" ("${fields[timeCol]}") is not HH:MM[:SS]`);
      f.h = +tm[1]!; f.mi = +tm[2]!; f.s = +(tm[3] ?? 0);
    }
    const local = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s);
    const back = new Date(local);
    if (back.getUTCFullYear() !== f.y || back.getUTCMonth() !== f.mo - 1 || back.getUTCDate() !== f.d || f.h > 23 || f.mi > 59 || f.s > 59)
      throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Date" ("${raw}") is not a valid date/time`);
    const time = BigInt(zonedToUtcMs(local, zone)) * 1_000_000n + BigInt(f.frac.padEnd(9, '0') || '0');
    const where = () => `${lineNo}`;
    if (quotes) {
      const bid = num(fields, bidCol, 'BID', lineNo), ask = num(fields, askCol, 'ASK', lineNo);
      if (ask < bid) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: ASK ${ask} is below BID ${bid}`);
      const mid = (bid + ask) / 2;
      bars.push(time, mid, mid, mid, mid, 0, where);
    } else {
      const [o, h, l, c] = idx.map((k, j) => num(fields, k, ['Open', 'High', 'Low', 'Close'][j]!, lineNo));
      bars.push(time, o!, h!, l!, c!, volumeCol >= 0 ? num(fields, volumeCol, 'Volume', lineNo) : 0, where);
    }
  }
  return bars.build();
}

export function csvName(file: string): string {
  return path.basename(file);
}
