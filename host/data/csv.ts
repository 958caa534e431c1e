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

/** The header of a CSV file, understood once: which column holds what. */
export class CsvLayout {
  readonly file: string;
  readonly columns: number;
  readonly dateCol = 0;
  readonly timeCol: number;
  readonly quotes: boolean;
  readonly idx: number[];
  readonly bidCol: number;
  readonly askCol: number;
  readonly volumeCol: number;
  readonly zone: string;
  dateFormat: 'dmy' | 'mdy' | undefined;
  private readonly fields: string[];
  private readonly f: Fields = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, frac: '' };

  constructor(headerLine: string, file: string, options: DataOptions) {
    this.file = file;
    this.zone = options.timezone ?? 'UTC';
    checkZone(this.zone);
    this.dateFormat = options.dateFormat;
    const header = headerLine.replace(/^\uFEFF/, '').split(',').map((h) => h.trim().toLowerCase());
    this.columns = header.length;
    const col = (...names: string[]): number => header.findIndex((h) => names.includes(h));
    if (!(header[0] === '' || ['date', 'datetime', 'timestamp'].includes(header[0]!)))
      throw new DataError('DATA_MALFORMED', `${file}:1: the first column must be the date (named "Date", "Datetime", "Timestamp" or unnamed), found "${header[0]}"`);
    this.timeCol = col('time');
    this.quotes = col('bid') >= 0 && col('ask') >= 0 && col('close') < 0;
    this.idx = this.quotes ? [] : ['open', 'high', 'low', 'close'].map((name) => {
      const i = col(name);
      if (i < 0) throw new DataError('DATA_MALFORMED', `${file}:1: header has no "${name[0]!.toUpperCase()}${name.slice(1)}" column (found: ${headerLine})`);
      return i;
    });
    this.bidCol = col('bid');
    this.askCol = col('ask');
    this.volumeCol = col('volume');
    this.fields = new Array(this.columns + 1);
  }

  /** Decides d/m/y vs m/d/y from sample date fields when the option did not. */
  settleDateFormat(dates: Iterable<string>, example: string): void {
    if (this.dateFormat) return;
    let dayFirst = false, monthFirst = false, slashed = false;
    for (const raw of dates) {
      const m = SLASHED.exec(raw.trim());
      if (!m) continue;
      slashed = true;
      if (Number(m[1]) > 12) dayFirst = true;
      if (Number(m[2]) > 12) monthFirst = true;
    }
    if (!slashed) return;
    if (dayFirst === monthFirst)
      throw new DataError('DATA_MALFORMED', `${this.file}: dates like "${example}" are ambiguous (day/month or month/day); pass --date-format dmy or mdy`);
    this.dateFormat = dayFirst ? 'dmy' : 'mdy';
  }

  private num(i: number, name: string, lineNo: number): number {
    const t = this.fields[i]!.trim();
    const v = t === '' ? NaN : Number(t);
    if (!Number.isFinite(v)) throw new DataError('DATA_MALFORMED', `${this.file}:${lineNo}: field "${name}" ("${t}") is not a number`);
    return v;
  }

  /** Parses the row text[start, end) into `bars`. */
  row(text: string, start: number, end: number, lineNo: number, bars: BarBuilder): void {
    const file = this.file, fields = this.fields, f = this.f;
    const count = splitFields(text, start, end, fields);
    if (count !== this.columns) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: row has ${count} fields, the header names ${this.columns}`);
    const raw = fields[0]!.trim();
    const iso = ISO.exec(raw);
    const sl = iso ? null : SLASHED.exec(raw);
    if (iso) {
      f.y = +iso[1]!; f.mo = +iso[2]!; f.d = +iso[3]!; f.h = +(iso[4] ?? 0); f.mi = +(iso[5] ?? 0); f.s = +(iso[6] ?? 0); f.frac = iso[7] ?? '';
    } else if (sl && this.dateFormat) {
      const a = +sl[1]!, b = +sl[2]!;
      f.y = +sl[3]!; f.mo = this.dateFormat === 'dmy' ? b : a; f.d = this.dateFormat === 'dmy' ? a : b; f.h = +(sl[4] ?? 0); f.mi = +(sl[5] ?? 0); f.s = +(sl[6] ?? 0); f.frac = '';
    } else if (sl) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: the date "${raw}" needs --date-format dmy or mdy`);
    else throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Date" ("${raw}") is not YYYY-MM-DD[ HH:MM[:SS[.fff]]] or d/m/yyyy`);
    if (this.timeCol >= 0) {
      const tm = TIME.exec(fields[this.timeCol]!.trim());
      if (!tm) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Time" ("${fields[this.timeCol]}") is not HH:MM[:SS]`);
      f.h = +tm[1]!; f.mi = +tm[2]!; f.s = +(tm[3] ?? 0);
    }
    if (!validDate(f)) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Date" ("${raw}") is not a valid date/time`);
    const local = ((daysFromCivil(f.y, f.mo, f.d) * 24 + f.h) * 60 + f.mi) * 60_000 + f.s * 1000;
    const ms = zonedToUtcMs(local, this.zone);
    const time = f.frac === '' ? BigInt(ms) * 1_000_000n : BigInt(ms) * 1_000_000n + BigInt(f.frac.padEnd(9, '0'));
    const where = () => `${lineNo}`;
    if (this.quotes) {
      const bid = this.num(this.bidCol, 'BID', lineNo), ask = this.num(this.askCol, 'ASK', lineNo);
      if (ask < bid) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: ASK ${ask} is below BID ${bid}`);
      const mid = (bid + ask) / 2;
      bars.push(time, mid, mid, mid, mid, 0, where);
    } else {
      const idx = this.idx;
      bars.push(time, this.num(idx[0]!, 'Open', lineNo), this.num(idx[1]!, 'High', lineNo), this.num(idx[2]!, 'Low', lineNo), this.num(idx[3]!, 'Close', lineNo),
        this.volumeCol >= 0 ? this.num(this.volumeCol, 'Volume', lineNo) : 0, where);
    }
  }
}

export function parseCsv(text: string, file: string, options: DataOptions = {}): Bars {
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
  const layout = new CsvLayout(line(0), file, options);
  // d/m/y vs m/d/y: decided by the option, or by the file when some row can only be read one way.
  if (starts.length > 1 && SLASHED.test(line(1).split(',')[0]!.trim())) {
    const dates = function* () { for (let k = 1; k < starts.length; k++) yield line(k).split(',')[0]!; };
    layout.settleDateFormat(dates(), line(1).split(',')[0]!);
  }
  const bars = new BarBuilder(file, options.duplicates === 'keep');
  for (let k = 1; k < starts.length; k++) layout.row(text, starts[k]!, ends[k]!, k + 1, bars);
  return Object.assign(bars.build(), { duplicates: bars.duplicates });
}
