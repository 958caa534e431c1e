/**
 * @module data/lines
 * The one way every loader cuts text into lines, whether the text is held whole or arrives in
 * blocks: lines end at LF (a CR before it is dropped; a file with CRs but no LF is refused as
 * CR-only line ends), a byte-order mark before the first line is
 * dropped, blank lines may only end the input, and no line may exceed MAX_LINE characters (checked
 * before more text is read, so a file without line breaks costs one block, not its size).
 */
import { DataError } from '../errors.ts';

/** Longest line accepted, in UTF-16 code units (real data lines hold well under 1 KiB). */
export const MAX_LINE = 1 << 20;

/** Text in pieces: the whole of an in-memory file once, or a file's blocks; null at the end. */
export interface TextInput {
  read(): string | null;
}

export function textInput(text: string): TextInput {
  let done = false;
  return { read: () => (done ? null : ((done = true), text)) };
}

/** What both scanners do with a line once it is cut: the blank-line rule, the current line, the limit's error. */
class LineRules {
  readonly file: string;
  /** The current line is [start, end) of the scanner's text or bytes, number lineNo (1-based, counting blank lines). */
  start = 0;
  end = 0;
  lineNo = 0;
  /** The first of a run of blank lines not yet followed by content (0: none). */
  private blank = 0;

  constructor(file: string) {
    this.file = file;
  }

  /** Line `lineNo` is [start, end): true when it has content (it becomes the current line), false when blank. */
  protected take(lineNo: number, start: number, end: number): boolean {
    if (end === start) {
      if (this.blank === 0) this.blank = lineNo;
      return false;
    }
    if (this.blank !== 0) throw new DataError('DATA_MALFORMED', `${this.file}:${this.blank}: the line is blank (blank lines may only end the file)`);
    this.start = start;
    this.end = end;
    return true;
  }

  /** Line 1 runs to the end of the input (or past the limit): when it holds a CR, the file's lines end in CR only. */
  protected noLf(lineNo: number, hasCr: boolean): void {
    if (lineNo === 1 && hasCr)
      throw new DataError('DATA_MALFORMED', `${this.file}: no LF line ends were found, only CRs (old Mac line ends), so the file reads as one line; convert its line ends to LF or CRLF`);
  }

  protected tooLong(lineNo: number): never {
    throw new DataError('DATA_LIMIT', `${this.file}:${lineNo}: the line is longer than the line-length limit of ${MAX_LINE} characters`);
  }
}

export class LineScanner extends LineRules {
  text = '';
  /** Text before `pos` is consumed. */
  private pos = 0;
  private last = false;
  private readonly input: TextInput;

  constructor(file: string, input: TextInput) {
    super(file);
    this.input = input;
  }

  /** Characters held but not yet consumed (what a streamed reader has in memory). */
  get pending(): number {
    return this.text.length - this.pos;
  }

  /** Moves to the next non-blank line, reading more text as needed; false at the end of the input. */
  next(): boolean {
    for (;;) {
      if (this.scan()) return true;
      if (this.last) return false;
      const more = this.input.read();
      this.text = this.pos < this.text.length ? this.text.slice(this.pos) + (more ?? '') : (more ?? '');
      this.pos = 0;
      if (more === null) this.last = true;
    }
  }

  /** The next complete non-blank line within the text held; false when it holds none. */
  private scan(): boolean {
    const text = this.text;
    for (;;) {
      const pos = this.pos;
      if (pos >= text.length) return false;
      let nl = text.indexOf('\n', pos);
      if (nl < 0) {
        // Room for a BOM and a CR that a complete line would not count: the verdict must not depend
        // on where a block ends.
        const tooLong = text.length - pos > MAX_LINE + 2;
        if (tooLong || this.last) this.noLf(this.lineNo + 1, text.indexOf('\r', pos) >= 0);
        if (tooLong) this.tooLong(this.lineNo + 1);
        if (!this.last) return false;
        nl = text.length;
      }
      let end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const lineNo = ++this.lineNo;
      let start = pos;
      if (lineNo === 1 && text.charCodeAt(start) === 0xfeff) start++;
      if (end < start) end = start;
      if (end - start > MAX_LINE) this.tooLong(lineNo);
      this.pos = nl + 1;
      if (this.take(lineNo, start, end)) return true;
    }
  }
}

/** Bytes in pieces: fills into[offset, offset + length) and returns how many it wrote, 0 at the end. */
export interface ByteInput {
  read(into: Uint8Array, offset: number, length: number): number;
}

/**
 * Held bytes without a line break beyond which the line is surely over MAX_LINE characters: a
 * UTF-8 decoder makes at least one UTF-16 unit of every 3 bytes (a replacement character stands
 * for at most 3), and up to 3 bytes of an unfinished character may wait for the next block.
 */
const SURELY_TOO_LONG = 3 * (MAX_LINE + 2) + 3;

/**
 * LineScanner's rules on UTF-8 bytes, without decoding them: lines end at LF (0x0A, never part of
 * a multi-byte character, so a line's bytes decode to exactly that line's text), a CR before it is
 * dropped, a byte-order mark (EF BB BF) before the first line is dropped, blank lines may only end
 * the input, and the length limit counts the decoded line's UTF-16 units (decoded only when its
 * bytes exceed MAX_LINE: a line never has more units than bytes).
 */
export class ByteLineScanner extends LineRules {
  bytes: Buffer;
  private pos = 0;
  private last: boolean;
  private buf: Buffer;
  private readonly input: ByteInput | null;

  /** A whole input (`source` bytes), or one read in blocks of `block` bytes. */
  constructor(file: string, source: Uint8Array | ByteInput, block = 8 << 20) {
    super(file);
    if (source instanceof Uint8Array) {
      this.buf = this.bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
      this.input = null;
      this.last = true;
    } else {
      this.buf = Buffer.allocUnsafe(block);
      this.bytes = this.buf.subarray(0, 0);
      this.input = source;
      this.last = false;
    }
  }

  /** Bytes held but not yet consumed (what a streamed reader has in memory). */
  get pending(): number {
    return this.bytes.length - this.pos;
  }

  /** The current line's text. */
  text(): string {
    return this.bytes.toString('utf8', this.start, this.end);
  }

  /** Moves to the next non-blank line, reading more bytes as needed; false at the end of the input. */
  next(): boolean {
    for (;;) {
      if (this.scan()) return true;
      if (this.last) return false;
      this.refill();
    }
  }

  private refill(): void {
    const held = this.bytes.length - this.pos;
    if (held * 2 > this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.bytes.copy(bigger, 0, this.pos);
      this.buf = bigger;
    } else this.buf.copyWithin(0, this.pos, this.bytes.length);
    const n = this.input!.read(this.buf, held, this.buf.length - held);
    if (n === 0) this.last = true;
    this.bytes = this.buf.subarray(0, held + n);
    this.pos = 0;
  }

  /** The next complete non-blank line within the bytes held; false when they hold none. */
  private scan(): boolean {
    const bytes = this.bytes;
    for (;;) {
      const pos = this.pos;
      if (pos >= bytes.length) return false;
      let nl = bytes.indexOf(10, pos);
      if (nl < 0) {
        const tooLong = bytes.length - pos > SURELY_TOO_LONG;
        if (tooLong || this.last) this.noLf(this.lineNo + 1, bytes.indexOf(13, pos) >= 0);
        if (tooLong) this.tooLong(this.lineNo + 1);
        if (!this.last) return false;
        nl = bytes.length;
      }
      let end = nl > pos && bytes[nl - 1] === 13 ? nl - 1 : nl;
      const lineNo = ++this.lineNo;
      let start = pos;
      if (lineNo === 1 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf && start + 3 <= end) start += 3;
      if (end < start) end = start;
      if (end - start > MAX_LINE && bytes.toString('utf8', start, end).length > MAX_LINE) this.tooLong(lineNo);
      this.pos = nl + 1;
      if (this.take(lineNo, start, end)) return true;
    }
  }
}
