/**
 * @module data/lines
 * The one way every loader cuts text into lines, whether the text is held whole or arrives in
 * blocks: lines end at LF (a CR before it is dropped), a byte-order mark before the first line is
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

export class LineScanner {
  readonly file: string;
  /** The current line is text[start, end), number lineNo (1-based, counting blank lines). */
  text = '';
  start = 0;
  end = 0;
  lineNo = 0;
  /** Text before `pos` is consumed. */
  private pos = 0;
  private last = false;
  /** The first of a run of blank lines not yet followed by content (0: none). */
  private blank = 0;
  private readonly input: TextInput;

  constructor(file: string, input: TextInput) {
    this.file = file;
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
        if (text.length - pos > MAX_LINE + 2) this.tooLong(this.lineNo + 1);
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
      if (end === start) {
        if (this.blank === 0) this.blank = lineNo;
        continue;
      }
      if (this.blank !== 0) throw new DataError('DATA_MALFORMED', `${this.file}:${this.blank}: the line is blank (blank lines may only end the file)`);
      this.start = start;
      this.end = end;
      return true;
    }
  }

  private tooLong(lineNo: number): never {
    throw new DataError('DATA_LIMIT', `${this.file}:${lineNo}: the line is longer than the line-length limit of ${MAX_LINE} characters`);
  }
}
