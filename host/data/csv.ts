/**
 * @module data/csv
 * Strict CSV loading with a header: backtesting.py files (unnamed first column holding the date),
 * Yahoo files (Date,…,Adj Close,…), backtrader files (Date[,Time],…,OpenInterest), tick files
 * (Datetime with milliseconds) and bid/ask quote files (TIMESTAMP,BID,ASK → bars at the mid).
 * Columns are found by name. A malformed row is an error naming file, line and field.
 */
import { DataError } from '../errors.ts';
import type { Bars } from '../model/bars.ts';
import { BarBuilder } from './builder.ts';
import { checkZone, zonedToUtcMs } from './time.ts';
import type { DataOptions } from './options.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

interface Fields { y: number; mo: number; d: number; h: number; mi: number; s: number; frac: string }

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function validDate(f: Fields): boolean {
  if (f.mo < 1 || f.mo > 12 || f.d < 1 || f.h > 23 || f.mi > 59 || f.s > 59) return false;
  const dim = f.mo === 2 && isLeap(f.y) ? 29 : DAYS_IN_MONTH[f.mo - 1]!;
  return f.d <= dim;
}

/** Splits [start, end) of `text` at commas into `out`; returns the field count. */
function splitFields(text: string, start: number, end: number, out: string[]): number {
  let n = 0;
  let at = start;
  for (;;) {
    let comma = text.indexOf(',', at);
    if (comma < 0 || comma > end) comma = end;
    out[n++] = text.slice(at, comma);
    if (comma === end) return n;
    at = comma + 1;
  }
}

export function parseCsv(text: string, file: string, options: DataOptions = {}): Bars {
  const zone = options.timezone ?? 'UTC';
  checkZone(zone);
  // Line boundaries, without materializing an array of lines: [starts[k], ends[k]) is line k.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let pos = 0; pos < text.length; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    starts.push(pos);
    ends.push(end);
    pos = nl + 1;
  }
  while (starts.length > 0 && ends[ends.length - 1] === starts[starts.length - 1]) {
    starts.pop();
    ends.pop();
  }
  if (starts.length === 0) throw new DataError('DATA_EMPTY', `${file}: the file is empty`);
  const line = (k: number) => text.slice(starts[k]!, ends[k]!);
  const header = line(0).replace(/^\uFEFF/, '').split(',').map((h) => h.trim().toLowerCase());
  const col = (...names: string[]): number => header.findIndex((h) => names.includes(h));
  const dateCol = header[0] === '' || ['date', 'datetime', 'timestamp'].includes(header[0]!) ? 0 : -1;
  if (dateCol < 0)
    throw new DataError('DATA_MALFORMED', `${file}:1: the first column must be the date (named "Date", "Datetime", "Timestamp" or unnamed), found "${header[0]}"`);
  const timeCol = col('time');
  const quotes = col('bid') >= 0 && col('ask') >= 0 && col('close') < 0;
  const idx = quotes ? [] : ['open', 'high', 'low', 'close'].map((name) => {
    const i = col(name);
    if (i < 0) throw new DataError('DATA_MALFORMED', `${file}:1: header has no "${name[0]!.toUpperCase()}${name.slice(1)}" column (found: ${line(0)})`);
    return i;
  });
  const bidCol = col('bid'), askCol = col('ask');
  const volumeCol = col('volume');
  const fields: string[] = new Array(header.length + 1);

  // d/m/y vs m/d/y: decided by the option, or by the file when some row can only be read one way.
  let dateFormat = options.dateFormat;
  if (!dateFormat && starts.length > 1 && SLASHED.test(line(1).split(',')[dateCol]?.trim() ?? '')) {
    let dayFirst = false, monthFirst = false;
    for (let k = 1; k < starts.length; k++) {
      const m = SLASHED.exec(line(k).split(',')[dateCol]!.trim());
      if (!m) continue;
      if (Number(m[1]) > 12) dayFirst = true;
      if (Number(m[2]) > 12) monthFirst = true;
    }
    if (dayFirst === monthFirst)
      throw new DataError('DATA_MALFORMED', `${file}: dates like "${line(1).split(',')[dateCol]}" are ambiguous (day/month or month/day); pass --date-format dmy or mdy`);
    dateFormat = dayFirst ? 'dmy' : 'mdy';
  }

  const bars = new BarBuilder(file, options.duplicates === 'keep');
  const num = (i: number, name: string, lineNo: number): number => {
    const t = fields[i]!.trim();
    const v = t === '' ? NaN : Number(t);
    if (!Number.isFinite(v)) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "${name}" ("${t}") is not a number`);
    return v;
  };
  const f: Fields = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, frac: '' };
  for (let k = 1; k < starts.length; k++) {
    const lineNo = k + 1;
    const count = splitFields(text, starts[k]!, ends[k]!, fields);
    if (count !== header.length)
      throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: row has ${count} fields, the header names ${header.length}`);
    const raw = fields[dateCol]!.trim();
    const iso = ISO.exec(raw);
    const sl = iso ? null : SLASHED.exec(raw);
    if (iso) {
      f.y = +iso[1]!; f.mo = +iso[2]!; f.d = +iso[3]!; f.h = +(iso[4] ?? 0); f.mi = +(iso[5] ?? 0); f.s = +(iso[6] ?? 0); f.frac = iso[7] ?? '';
    } else if (sl) {
      const a = +sl[1]!, b = +sl[2]!;
      f.y = +sl[3]!; f.mo = dateFormat === 'dmy' ? b : a; f.d = dateFormat === 'dmy' ? a : b; f.h = +(sl[4] ?? 0); f.mi = +(sl[5] ?? 0); f.s = +(sl[6] ?? 0); f.frac = '';
    } else throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Date" ("${raw}") is not YYYY-MM-DD[ HH:MM[:SS[.fff]]] or d/m/yyyy`);
    if (timeCol >= 0) {
      const tm = TIME.exec(fields[timeCol]!.trim());
      if (!tm) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Time" ("${fields[timeCol]}") is not HH:MM[:SS]`);
      f.h = +tm[1]!; f.mi = +tm[2]!; f.s = +(tm[3] ?? 0);
    }
    if (!validDate(f)) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Date" ("${raw}") is not a valid date/time`);
    const local = ((daysFromCivil(f.y, f.mo, f.d) * 24 + f.h) * 60 + f.mi) * 60_000 + f.s * 1000;
    const ms = zonedToUtcMs(local, zone);
    const time = f.frac === '' ? BigInt(ms) * 1_000_000n : BigInt(ms) * 1_000_000n + BigInt(f.frac.padEnd(9, '0'));
    const where = () => `${lineNo}`;
    if (quotes) {
      const bid = num(bidCol, 'BID', lineNo), ask = num(askCol, 'ASK', lineNo);
      if (ask < bid) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: ASK ${ask} is below BID ${bid}`);
      const mid = (bid + ask) / 2;
      bars.push(time, mid, mid, mid, mid, 0, where);
    } else {
      bars.push(time, num(idx[0]!, 'Open', lineNo), num(idx[1]!, 'High', lineNo), num(idx[2]!, 'Low', lineNo), num(idx[3]!, 'Close', lineNo),
        volumeCol >= 0 ? num(volumeCol, 'Volume', lineNo) : 0, where);
    }
  }
  return bars.build();
}
