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
import { ByteLineScanner, LineScanner, textInput, type ByteInput, type TextInput } from './lines.ts';
import { TIME_HI, TIME_LO, timeWords } from '../model/bars.ts';
import { checkTimeRange, checkZone, daysFromCivil, zonedToUtcMs, zoneResolution, ZONE_REPEATED, ZONE_SKIPPED } from './time.ts';
import type { DataOptions } from './options.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** How a file writes its dates; the first row fixes it for the whole file. Index = shape code. */
const SHAPES = ['', 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM', 'YYYY-MM-DD HH:MM:SS', '', 'YYYY-MM-DDTHH:MM', 'YYYY-MM-DDTHH:MM:SS', 'd/m/yyyy', 'd/m/yyyy HH:MM', 'd/m/yyyy HH:MM:SS'];

/** What a column holds, for the fast path (ROLE_OPEN + k is the k-th of open, high, low, close). */
const ROLE_SKIP = 0, ROLE_OPEN = 1, ROLE_HIGH = 2, ROLE_LOW = 3, ROLE_CLOSE = 4, ROLE_VOLUME = 5, ROLE_BID = 6, ROLE_ASK = 7, ROLE_TIME = 8;

/** 10^k, exact as doubles for k <= 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** The two decimal digits at b[at], b[at + 1] as a number, or -1. */
function twoDigits(b: Uint8Array, at: number): number {
  const x = b[at]! - 48, y = b[at + 1]! - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

/** Where the last number read by fastNumber ended. */
let numberEnd = 0;

/**
 * The number at b[at], ending at a comma or `end`, when it is written [-]digits[.digits] with at
 * least one digit, its digits m (read as one integer) below 2^53 and at most 22 of them after the
 * point: then it is m / 10^e, and that is what Number() gives, exactly — m and 10^e are exact
 * doubles and IEEE division rounds correctly once (Clinger's fast path). NaN for anything else
 * (signs '+', exponents, spaces, hex, longer mantissas…), which the exact path then reads.
 */
function fastNumber(b: Uint8Array, at: number, end: number): number {
  let i = at;
  const negative = i < end && b[i] === 45;
  if (negative) i++;
  const first = i;
  let m = 0, d = 0;
  // (d >>> 0) <= 9: a digit, in one comparison (a byte below '0' wraps to a large number).
  while (i < end && ((d = b[i]! - 48) >>> 0) <= 9) {
    m = m * 10 + d;
    i++;
  }
  let digits = i - first, e = 0;
  if (i < end && b[i] === 46) {
    const point = ++i;
    while (i < end && ((d = b[i]! - 48) >>> 0) <= 9) {
      m = m * 10 + d;
      i++;
    }
    e = i - point;
    digits += e;
  }
  if (digits === 0 || e > 22 || m > Number.MAX_SAFE_INTEGER || (i < end && b[i] !== 44)) return NaN;
  numberEnd = i;
  const v = e === 0 ? m : m / POW10[e]!;
  return negative ? -v : v;
}

interface Fields { y: number; mo: number; d: number; h: number; mi: number; s: number; frac: string }

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

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

/** A local time (as-if-UTC ms) as `YYYY-MM-DD HH:MM[:SS]`, for messages. */
function localText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.slice(0, 10) + ' ' + (iso.slice(17, 19) === '00' ? iso.slice(11, 16) : iso.slice(11, 19));
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
  private readonly utc: boolean;
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
  /** The fast path's view of the columns: what each holds (a ROLE), and its values for the current row. */
  private readonly roles: Uint8Array;
  private readonly values = new Float64Array(8);
  /** The row's date and time, as the fast path read them. */
  private fy = 0; private fmo = 0; private fd = 0; private fh = 0; private fmi = 0; private fs = 0; private fns = 0; private fshape = 0;
  /** The last day met (y·10^4 + m·10^2 + d) and its days since 1970-01-01: most rows repeat the previous row's day. */
  private dayKey = -1;
  private days = 0;
  /** The int64 words of the last UTC day's first nanosecond (day number `baseDay`). */
  private baseDay = NaN;
  private baseHi = 0;
  private baseLo = 0;
  private readonly scratch = new BigInt64Array(1);
  private readonly scratchWords = timeWords(this.scratch);
  /** Outside UTC: the previous row's UTC ms and fraction (ns), and, when its local time was one the clocks skip, its line, text and the time it was read as. */
  private lastMs = NaN;
  private lastNs = 0;
  private skippedLine = 0;
  private skippedText = '';
  private skippedTo = 0;
  private readonly keepDuplicates: boolean;

  /** Reads the header from text[start, end) (line 1, without its byte-order mark). */
  constructor(text: string, start: number, end: number, file: string, options: DataOptions) {
    this.file = file;
    this.zone = options.timezone ?? 'UTC';
    this.keepDuplicates = options.duplicates === 'keep';
    this.utc = this.zone === 'UTC';
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
      if (i < 0) {
        // A tick file of Price (and Volume) is a common shape the loaders do not read: say what they do.
        const ticks = col('price') >= 0 ? '; a tick file repeats its price in Open, High, Low and Close (docs/SEMANTICS.md, Loaders)' : '';
        throw new DataError('DATA_MALFORMED', `${file}:1: header has no "${name[0]!.toUpperCase()}${name.slice(1)}" column (found: ${text.slice(start, end)})${ticks}`);
      }
      return i;
    });
    this.bidCol = col('bid');
    this.askCol = col('ask');
    this.volumeCol = col('volume');
    this.fields = new Array(this.columns + 1);
    this.roles = new Uint8Array(this.columns);
    if (this.quotes) {
      this.roles[this.bidCol] = ROLE_BID;
      this.roles[this.askCol] = ROLE_ASK;
    } else {
      this.idx.forEach((c, k) => (this.roles[c] = ROLE_OPEN + k));
      if (this.volumeCol >= 0) this.roles[this.volumeCol] = ROLE_VOLUME;
    }
    if (this.timeCol >= 0) this.roles[this.timeCol] = ROLE_TIME;
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

  /**
   * A row's local time (as-if-UTC ms, and its fraction in ns) in the file's zone, as UTC ms. The fall-back
   * hour's second pass: a repeated local time is its earlier instant, unless that is before the previous
   * row's, then its later (standard time) — so a feed that runs on through the repeated hour loads (a file
   * that loaded before gives the same instants). A skipped local time (the spring-forward gap) is read moved
   * forward; when that, or the row after it, lands on or before the row above, the error says so.
   */
  private zoned(local: number, fracNs: number, lineNo: number): number {
    let ms = zonedToUtcMs(local, this.zone);
    const kind = zoneResolution.kind;
    const before = (m: number): boolean => m < this.lastMs || (m === this.lastMs && fracNs < this.lastNs);
    if (kind === ZONE_REPEATED && before(ms)) ms = zoneResolution.later;
    const notAfter = ms < this.lastMs || (ms === this.lastMs && fracNs <= this.lastNs);
    if (notAfter && !(this.keepDuplicates && ms === this.lastMs && fracNs === this.lastNs)) {
      const how = ms === this.lastMs && fracNs === this.lastNs ? 'the same instant as' : 'before';
      if (kind === ZONE_SKIPPED)
        throw new DataError('DATA_ORDER', `${this.file}:${lineNo}: ${localText(local)} does not exist in ${this.zone} (its clocks skip it: the change to daylight saving time), and read as ${localText(zoneResolution.movedTo)} it is ${how} the previous row's time; fix the row's time or --timezone`);
      if (this.skippedLine > 0)
        throw new DataError('DATA_ORDER', `${this.file}:${lineNo}: ${localText(local)} is ${how} line ${this.skippedLine}'s ${this.skippedText}, a time that does not exist in ${this.zone} (its clocks skip it: the change to daylight saving time), read as ${localText(this.skippedTo)}; fix that row's time or --timezone`);
    }
    this.lastMs = ms;
    this.lastNs = fracNs;
    this.skippedLine = kind === ZONE_SKIPPED ? lineNo : 0;
    if (kind === ZONE_SKIPPED) {
      this.skippedText = localText(local);
      this.skippedTo = zoneResolution.movedTo;
    }
    return ms;
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
    const ms = this.utc ? local : this.zoned(local, f.frac === '' ? 0 : Number(f.frac.padEnd(9, '0')), lineNo);
    const time = f.frac === '' ? BigInt(ms) * 1_000_000n : BigInt(ms) * 1_000_000n + BigInt(f.frac.padEnd(9, '0'));
    checkTimeRange(time, `${file}:${lineNo}`, this.timeCol >= 0 ? 'fields "Date" and "Time"' : 'field "Date"', this.timeCol >= 0 ? `${raw} ${fields[this.timeCol]!.trim()}` : raw);
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

  /**
   * The fast path: parses the row bytes[start, end) into `bars` when it is plain — the ISO date
   * shapes, unquoted fields, numbers of at most 15 significant digits... (see fastNumber) — and
   * returns true; returns false, having changed nothing, for any other row, which `row` then parses
   * from its text. A row it takes gets exactly the values `row` gives it (docs/DATA.md).
   */
  rowBytes(b: Uint8Array, start: number, end: number, lineNo: number, bars: BarBuilder): boolean {
    let i = this.fastDate(b, start, end);
    if (i < 0) return false;
    const roles = this.roles, values = this.values, columns = this.columns;
    let h = this.fh, mi = this.fmi, sec = this.fs;
    for (let c = 1; c < columns; c++) {
      if (i >= end) return false; // fewer fields than the header's
      i++; // past the comma
      const role = roles[c]!;
      if (role === ROLE_SKIP) {
        if (i < end && b[i] === 34) return false; // a quoted field
        while (i < end && b[i] !== 44) i++;
      } else if (role === ROLE_TIME) {
        if (i + 5 > end || b[i + 2] !== 58) return false;
        h = twoDigits(b, i); mi = twoDigits(b, i + 3);
        if (i + 5 < end && b[i + 5] === 58) {
          if (i + 8 > end) return false;
          sec = twoDigits(b, i + 6);
          i += 8;
        } else { sec = 0; i += 5; }
        if (h < 0 || mi < 0 || sec < 0 || (i < end && b[i] !== 44)) return false;
      } else {
        const v = fastNumber(b, i, end);
        if (v !== v) return false;
        values[role] = v;
        i = numberEnd;
      }
    }
    if (i !== end) return false; // more fields than the header's
    if (h > 23 || mi > 59 || sec > 59) return false;
    if (this.fshape !== this.shape && this.shape !== 0) return false;
    let o: number, hi: number, lo: number, cl: number, vol: number;
    if (this.quotes) {
      const bid = values[ROLE_BID]!, ask = values[ROLE_ASK]!;
      if (ask < bid) return false;
      o = hi = lo = cl = (bid + ask) / 2;
      vol = 0;
    } else {
      o = values[ROLE_OPEN]!; hi = values[ROLE_HIGH]!; lo = values[ROLE_LOW]!; cl = values[ROLE_CLOSE]!;
      vol = this.volumeCol >= 0 ? values[ROLE_VOLUME]! : 0;
    }
    // The same instant as row(): local ms through zonedToUtcMs, then ms · 10^6 + the fraction, as
    // int64 words: the day's first ns (one BigInt a day) plus the ns within the day (< 2^47, exact).
    // In UTC the day is the row's own and its ms within the day need no division.
    let day = this.days, ofDay = ((h * 60 + mi) * 60 + sec) * 1000;
    if (!this.utc) {
      const ms = this.zoned(day * 86_400_000 + ofDay, this.fns, lineNo);
      day = Math.floor(ms / 86_400_000);
      ofDay = ms - day * 86_400_000;
    }
    if (day !== this.baseDay) {
      this.scratch[0] = BigInt(day) * 86_400_000_000_000n;
      this.baseDay = day;
      this.baseHi = this.scratchWords[TIME_HI]!;
      this.baseLo = this.scratchWords[TIME_LO]! >>> 0;
    }
    const within = ofDay * 1_000_000 + this.fns;
    const withinHi = Math.floor(within / 4294967296);
    let low = this.baseLo + (within - withinHi * 4294967296);
    let high = this.baseHi + withinHi;
    if (low >= 4294967296) { low -= 4294967296; high++; }
    if (this.shape === 0) {
      this.shape = this.fshape;
      this.shapeLine = lineNo;
    }
    bars.pushWords(high | 0, low, o, hi, lo, cl, vol, lineNo);
    return true;
  }

  /**
   * Reads an ISO date field (no spaces around it) at b[at]: sets fy…fns, fshape and days; returns
   * the index after it (a comma or `end`), or -1 for any other field. Years 1700–2200 only: their
   * nanoseconds fit int64 (row() handles the rest).
   */
  private fastDate(b: Uint8Array, at: number, end: number): number {
    if (at + 10 > end || b[at + 4] !== 45 || b[at + 7] !== 45) return -1;
    const y1 = twoDigits(b, at), y2 = twoDigits(b, at + 2), mo = twoDigits(b, at + 5), d = twoDigits(b, at + 8);
    if (y1 < 0 || y2 < 0 || mo < 0 || d < 0) return -1;
    const key = (y1 * 100 + y2) * 10_000 + mo * 100 + d;
    if (key !== this.dayKey) {
      const y = y1 * 100 + y2;
      if (y < 1700 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1]!)) return -1;
      this.days = daysFromCivil(y, mo, d);
      this.dayKey = key;
    }
    let i = at + 10;
    this.fh = this.fmi = this.fs = this.fns = 0;
    if (i === end || b[i] === 44) {
      this.fshape = 1;
      return i;
    }
    const t = b[i];
    if ((t !== 32 && t !== 84) || i + 6 > end || b[i + 3] !== 58) return -1;
    const h = twoDigits(b, i + 1), mi = twoDigits(b, i + 4);
    if (h < 0 || mi < 0) return -1;
    this.fh = h; this.fmi = mi;
    i += 6;
    let shape = t === 84 ? 5 : 2;
    if (i < end && b[i] === 58) {
      if (i + 3 > end) return -1;
      const sec = twoDigits(b, i + 1);
      if (sec < 0) return -1;
      this.fs = sec;
      shape++;
      i += 3;
      if (i < end && b[i] === 46) {
        let ns = 0, digits = 0;
        for (i++; i < end && digits < 10; i++, digits++) {
          const c = b[i]! - 48;
          if (c < 0 || c > 9) break;
          ns = ns * 10 + c;
        }
        if (digits < 1 || digits > 9) return -1;
        this.fns = ns * POW10[9 - digits]!;
      }
    }
    if (i !== end && b[i] !== 44) return -1;
    this.fshape = shape;
    return i;
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
 * A CSV input parsed into bars, as far as asked. `open` gives a fresh view of the input's text from
 * its start: for the parse when no `bytes` are given, and one more when slashed dates must be read
 * whole to settle their order. With `bytes` (the whole input, or a reader of its blocks) rows are
 * cut from the bytes and plain ones parsed there (CsvLayout.rowBytes); any other row is decoded and
 * parsed from its text, so both modes accept and reject exactly the same inputs.
 */
export class CsvParser {
  readonly bars: BarBuilder;
  private readonly lines: LineScanner | null;
  private readonly byteLines: ByteLineScanner | null;
  private layout: CsvLayout | null = null;
  readonly file: string;
  private readonly options: DataOptions;
  private readonly open: () => TextInput;
  /** Rows parsed from their text rather than on the fast path (all of them without `bytes`). */
  textRows = 0;

  constructor(file: string, options: DataOptions, open: () => TextInput, bytes?: Uint8Array | ByteInput, block?: number) {
    this.file = file;
    this.options = options;
    this.open = open;
    this.lines = bytes === undefined ? new LineScanner(file, open()) : null;
    this.byteLines = bytes === undefined ? null : new ByteLineScanner(file, bytes, block);
    this.bars = new BarBuilder(file, options.duplicates === 'keep');
  }

  /** Characters (bytes, reading bytes) read but not yet parsed. */
  get pending(): number {
    return this.lines ? this.lines.pending : this.byteLines!.pending;
  }

  /** Parses rows until `bars` holds `limit` of them (true) or the input ends (false). */
  fill(limit: number): boolean {
    return this.lines ? this.fillText(this.lines, limit) : this.fillBytes(this.byteLines!, limit);
  }

  private fillText(lines: LineScanner, limit: number): boolean {
    const bars = this.bars;
    while (bars.length < limit) {
      if (!lines.next()) return this.ended();
      if (this.layout === null) this.header(lines.text, lines.start, lines.end);
      else {
        this.textRows++;
        this.layout.row(lines.text, lines.start, lines.end, lines.lineNo, bars);
      }
    }
    return true;
  }

  private fillBytes(lines: ByteLineScanner, limit: number): boolean {
    const bars = this.bars;
    let layout = this.layout;
    while (bars.length < limit) {
      if (!lines.next()) return this.ended();
      if (layout === null) {
        const text = lines.text();
        layout = this.header(text, 0, text.length);
      } else if (!layout.rowBytes(lines.bytes, lines.start, lines.end, lines.lineNo, bars)) {
        this.textRows++;
        const text = lines.text();
        layout.row(text, 0, text.length, lines.lineNo, bars);
      }
    }
    return true;
  }

  private header(text: string, start: number, end: number): CsvLayout {
    const layout = (this.layout = new CsvLayout(text, start, end, this.file, this.options));
    layout.settleDates = () => dateOrder(this.file, this.options, this.open());
    return layout;
  }

  private ended(): false {
    if (this.layout === null) throw new DataError('DATA_EMPTY', `${this.file}: the file is empty`);
    return false;
  }
}

/** The exact path: every row parsed from its text (the reference the byte path is tested against). */
export function parseCsv(text: string, file: string, options: DataOptions = {}): Bars {
  return parsed(new CsvParser(file, options, () => textInput(text)));
}

/** A CSV file's bytes parsed (UTF-8), plain rows on the fast path: the same bars and errors as parseCsv of its text. */
export function parseCsvBytes(bytes: Uint8Array, file: string, options: DataOptions = {}): Bars {
  const parser = new CsvParser(file, options, () => textInput(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')), bytes);
  return parsedInto(parser, bytes.byteLength, () => bytes.byteLength);
}

/**
 * A CSV file of `size` bytes read from `input` in blocks of `block` bytes (to its end) and parsed as
 * parseCsvBytes parses them held whole: the same bars and errors, without holding the file. `text`
 * opens its text (d/m/y dates without a format are settled by reading them all).
 */
export function parseCsvInput(input: ByteInput & { readonly bytesRead: number }, size: number, file: string, options: DataOptions, text: () => TextInput, block?: number): Bars {
  const parser = new CsvParser(file, options, text, input, block);
  return parsedInto(parser, size, () => input.bytesRead);
}

/**
 * All rows of `parser` (an input of `size` bytes, `read()` of them read so far) in room estimated
 * from the length of the rows read so far (3 % over), estimated again when they are more (an eighth
 * more room at least, so few copies): no doubling at the end.
 */
function parsedInto(parser: CsvParser, size: number, read: () => number): Bars & { duplicates: number } {
  for (let room = ESTIMATE_AFTER; parser.fill(room); ) {
    const consumed = read() - parser.pending;
    room = Math.max(room + Math.max(ESTIMATE_AFTER, room >> 3), Math.ceil(((parser.bars.length * size) / consumed) * 1.03));
    parser.bars.reserve(room);
  }
  return parsed(parser);
}

/** Rows read before estimating a file's row count from their length. */
const ESTIMATE_AFTER = 4096;

function parsed(parser: CsvParser): Bars & { duplicates: number } {
  parser.fill(Infinity);
  const bars = parser.bars;
  const out = Object.assign(bars.build(), { duplicates: bars.duplicates });
  // How many rows took the exact path (tests check that plain files never do); not enumerable, so not part of the bars.
  return Object.defineProperty(out, 'textRows', { value: parser.textRows });
}
