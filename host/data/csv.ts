/**
 * @module data/csv
 * Strict CSV loading with a header: backtesting.py files (unnamed first column holding the date),
 * Yahoo files (Date,…,Adj Close,…), backtrader files (Date[,Time],…,OpenInterest), tick files
 * (Datetime with milliseconds) and bid/ask quote files (TIMESTAMP,BID,ASK → bars at the mid).
 * Columns are found by name; fields may be quoted as in RFC 4180. A malformed row is an error
 * naming file, line and field. One parser (CsvParser) serves a file held in memory and a file
 * streamed in blocks, so both accept and reject exactly the same inputs.
 */
import { DataError } from '../errors.ts';
import type { Bars } from '../model/bars.ts';
import { BarBuilder } from './builder.ts';
import { LineScanner, textInput, type TextInput } from './lines.ts';
import { checkZone, zonedToUtcMs } from './time.ts';
import type { DataOptions } from './options.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** How a file writes its dates; the first row fixes it for the whole file. Index = shape code. */
const SHAPES = ['', 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM', 'YYYY-MM-DD HH:MM:SS', '', 'YYYY-MM-DDTHH:MM', 'YYYY-MM-DDTHH:MM:SS', 'd/m/yyyy', 'd/m/yyyy HH:MM', 'd/m/yyyy HH:MM:SS'];

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

/** Splits the line text[start, end), which holds no `"`, at commas into `out`; returns the field count. */
function splitPlain(text: string, start: number, end: number, out: string[]): number {
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

/**
 * Splits the line text[start, end) at commas into `out`; returns the field count. A field that
 * starts with `"` is quoted (RFC 4180 §2): it runs to the next lone `"`, `""` stands for `"`, and
 * the closing quote must end the field. Lines are cut at LF before fields are split, so a quoted
 * field cannot hold a line break: its quote is then unclosed on its line, which is an error.
 */
function splitFields(text: string, start: number, end: number, out: string[], file: string, lineNo: number): number {
  let n = 0;
  let at = start;
  for (;;) {
    if (at < end && text.charCodeAt(at) === 34) {
      at = quotedField(text, at, end, out, n++, file, lineNo);
    } else {
      let comma = text.indexOf(',', at);
      if (comma < 0 || comma > end) comma = end;
      out[n++] = text.slice(at, comma);
      at = comma;
    }
    if (at === end) return n;
    at++;
  }
}

/** The quoted field opening at text[at] into out[k]; returns the index just after its closing quote. */
function quotedField(text: string, at: number, end: number, out: string[], k: number, file: string, lineNo: number): number {
  let value = '';
  let from = at + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0 || q >= end)
      throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field ${k + 1} opens a quote that is not closed on its line (quoted fields may not hold line breaks)`);
    value += text.slice(from, q);
    if (q + 1 < end && text.charCodeAt(q + 1) === 34) {
      value += '"';
      from = q + 2;
      continue;
    }
    if (q + 1 < end && text.charCodeAt(q + 1) !== 44)
      throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field ${k + 1} has text after its closing quote`);
    out[k] = value;
    return q + 1;
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
  /** Decides d/m/y vs m/d/y when the first slashed date is met and the option did not. */
  settleDates: (() => 'dmy' | 'mdy') | null = null;
  /** The dates' shape (an index of SHAPES), fixed by the first row, and that row's line. */
  private shape = 0;
  private shapeLine = 0;
  /** Where the next `"` of `quoteText` is, at or after the current row (-1: none). */
  private quoteText = '';
  private nextQuote = -1;
  private readonly fields: string[];
  private readonly f: Fields = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, frac: '' };

  /** Reads the header from text[start, end) (line 1, without its byte-order mark). */
  constructor(text: string, start: number, end: number, file: string, options: DataOptions) {
    this.file = file;
    this.zone = options.timezone ?? 'UTC';
    checkZone(this.zone);
    this.dateFormat = options.dateFormat;
    const names: string[] = [];
    this.columns = splitFields(text, start, end, names, file, 1);
    const header = names.map((h) => h.trim().toLowerCase());
    const col = (...wanted: string[]): number => header.findIndex((h) => wanted.includes(h));
    if (!(header[0] === '' || ['date', 'datetime', 'timestamp'].includes(header[0]!)))
      throw new DataError('DATA_MALFORMED', `${file}:1: the first column must be the date (named "Date", "Datetime", "Timestamp" or unnamed), found "${header[0]}"`);
    this.timeCol = col('time');
    this.quotes = col('bid') >= 0 && col('ask') >= 0 && col('close') < 0;
    this.idx = this.quotes ? [] : ['open', 'high', 'low', 'close'].map((name) => {
      const i = col(name);
      if (i < 0) throw new DataError('DATA_MALFORMED', `${file}:1: header has no "${name[0]!.toUpperCase()}${name.slice(1)}" column (found: ${text.slice(start, end)})`);
      return i;
    });
    this.bidCol = col('bid');
    this.askCol = col('ask');
    this.volumeCol = col('volume');
    this.fields = new Array(this.columns + 1);
  }

  /** The date field of the row text[start, end), trimmed. */
  dateOf(text: string, start: number, end: number, lineNo: number): string {
    splitFields(text, start, end, this.fields, this.file, lineNo);
    return this.fields[0]!.trim();
  }

  private num(i: number, name: string, lineNo: number): number {
    const t = this.fields[i]!.trim();
    const v = t === '' ? NaN : Number(t);
    if (!Number.isFinite(v)) throw new DataError('DATA_MALFORMED', `${this.file}:${lineNo}: field "${name}" ("${t}") is not a number`);
    return v;
  }

  /** Checks that a row's date has the shape of the file's first row. */
  private checkShape(shape: number, raw: string, lineNo: number): void {
    if (shape === this.shape) return;
    if (this.shape === 0) {
      this.shape = shape;
      this.shapeLine = lineNo;
      return;
    }
    throw new DataError('DATA_MALFORMED', `${this.file}:${lineNo}: field "Date" ("${raw}") is written ${SHAPES[shape]}, but line ${this.shapeLine} set the file's date format to ${SHAPES[this.shape]} (one date format per file)`);
  }

  /** Parses the row text[start, end) into `bars`. */
  row(text: string, start: number, end: number, lineNo: number, bars: BarBuilder): void {
    const file = this.file, fields = this.fields, f = this.f;
    // Most files hold no quote: find the next one once per block, and split lines before it plainly.
    let quote = this.nextQuote;
    if (text !== this.quoteText || (quote >= 0 && quote < start)) {
      quote = this.nextQuote = text.indexOf('"', start);
      this.quoteText = text;
    }
    const count = quote >= 0 && quote < end ? splitFields(text, start, end, fields, file, lineNo) : splitPlain(text, start, end, fields);
    if (count !== this.columns) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: row has ${count} fields, the header names ${this.columns}`);
    const raw = fields[0]!.trim();
    const iso = ISO.exec(raw);
    const sl = iso ? null : SLASHED.exec(raw);
    if (iso) {
      this.checkShape(iso[4] === undefined ? 1 : (raw.charCodeAt(10) === 84 ? 3 : 0) + (iso[6] === undefined ? 2 : 3), raw, lineNo);
      f.y = +iso[1]!; f.mo = +iso[2]!; f.d = +iso[3]!; f.h = +(iso[4] ?? 0); f.mi = +(iso[5] ?? 0); f.s = +(iso[6] ?? 0); f.frac = iso[7] ?? '';
    } else if (sl) {
      this.checkShape(sl[4] === undefined ? 7 : sl[6] === undefined ? 8 : 9, raw, lineNo);
      if (!this.dateFormat && this.settleDates) this.dateFormat = this.settleDates();
      if (!this.dateFormat) throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: the date "${raw}" needs --date-format dmy or mdy`);
      const a = +sl[1]!, b = +sl[2]!;
      f.y = +sl[3]!; f.mo = this.dateFormat === 'dmy' ? b : a; f.d = this.dateFormat === 'dmy' ? a : b; f.h = +(sl[4] ?? 0); f.mi = +(sl[5] ?? 0); f.s = +(sl[6] ?? 0); f.frac = '';
    } else throw new DataError('DATA_MALFORMED', `${file}:${lineNo}: field "Date" ("${raw}") is not YYYY-MM-DD[ HH:MM[:SS[.fff]]] or d/m/yyyy`);
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

/**
 * d/m/y or m/d/y, from every slashed date of the input: dmy when some day field exceeds 12, mdy
 * when some month field does; neither or both is ambiguous (an error asking for --date-format).
 */
function dateOrder(file: string, options: DataOptions, input: TextInput): 'dmy' | 'mdy' {
  const lines = new LineScanner(file, input);
  if (!lines.next()) throw new DataError('DATA_EMPTY', `${file}: the file is empty`);
  const layout = new CsvLayout(lines.text, lines.start, lines.end, file, options);
  let dayFirst = false, monthFirst = false, example = '';
  while (lines.next()) {
    const raw = layout.dateOf(lines.text, lines.start, lines.end, lines.lineNo);
    const m = SLASHED.exec(raw);
    if (!m) continue;
    if (example === '') example = raw;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst === monthFirst)
    throw new DataError('DATA_MALFORMED', `${file}: dates like "${example}" are ambiguous (day/month or month/day); pass --date-format dmy or mdy`);
  return dayFirst ? 'dmy' : 'mdy';
}

/**
 * A CSV input parsed into bars, as far as asked. `open` gives a fresh view of the input from its
 * start: one for the parse, and one more when slashed dates must be read whole to settle their order.
 */
export class CsvParser {
  readonly bars: BarBuilder;
  private readonly lines: LineScanner;
  private layout: CsvLayout | null = null;
  readonly file: string;
  private readonly options: DataOptions;
  private readonly open: () => TextInput;

  constructor(file: string, options: DataOptions, open: () => TextInput) {
    this.file = file;
    this.options = options;
    this.open = open;
    this.lines = new LineScanner(file, open());
    this.bars = new BarBuilder(file, options.duplicates === 'keep');
  }

  /** Characters read but not yet parsed. */
  get pending(): number {
    return this.lines.pending;
  }

  /** Parses rows until `bars` holds `limit` of them (true) or the input ends (false). */
  fill(limit: number): boolean {
    const lines = this.lines, bars = this.bars;
    while (bars.length < limit) {
      if (!lines.next()) {
        if (this.layout === null) throw new DataError('DATA_EMPTY', `${this.file}: the file is empty`);
        return false;
      }
      if (this.layout === null) {
        this.layout = new CsvLayout(lines.text, lines.start, lines.end, this.file, this.options);
        this.layout.settleDates = () => dateOrder(this.file, this.options, this.open());
      } else this.layout.row(lines.text, lines.start, lines.end, lines.lineNo, bars);
    }
    return true;
  }
}

export function parseCsv(text: string, file: string, options: DataOptions = {}): Bars {
  const parser = new CsvParser(file, options, () => textInput(text));
  parser.fill(Infinity);
  const bars = parser.bars;
  return Object.assign(bars.build(), { duplicates: bars.duplicates });
}
