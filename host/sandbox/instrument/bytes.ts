/**
 * @module sandbox/instrument/bytes
 * Bounds-checked reading and LEB128 writing of wasm binaries. Every read names the byte offset
 * of what it could not read; nothing here trusts a length before checking it.
 */
import { SandboxError } from '../../errors.ts';

export function malformed(offset: number, what: string): SandboxError {
  return new SandboxError('WASM_MALFORMED', `malformed wasm at byte offset ${offset}: ${what}`);
}

const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** Throws WASM_MALFORMED unless `bytes` start with a core module's preamble (magic, version 1). */
export function moduleHeader(bytes: Uint8Array): void {
  for (let i = 0; i < 8; i++)
    if (bytes[i] !== MAGIC[i]) throw malformed(i, 'not a wasm 1.0 binary (bad magic or version)');
}

// Names are kept byte for byte: a leading U+FEFF is a character of the name, not a byte order mark
// (the default decoder would drop it, renaming an export "\u{feff}" to "").
const NAME_DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class Reader {
  readonly bytes: Uint8Array;
  pos: number;
  readonly end: number;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  u8(): number {
    if (this.pos >= this.end) throw malformed(this.pos, 'unexpected end of section');
    return this.bytes[this.pos++]!;
  }

  /** Unsigned LEB128, at most 32 bits. */
  u32(): number {
    const at = this.pos;
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.u8();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        if (result > 0xffffffff) throw malformed(at, 'u32 LEB128 out of range');
        return result;
      }
      shift += 7;
    }
    throw malformed(at, 'u32 LEB128 longer than 5 bytes');
  }

  /** Signed LEB128 of up to `bits` bits, returned as a number (exact for |v| < 2^53) . */
  sleb(bits: number): number {
    const at = this.pos;
    let result = 0;
    let shift = 0;
    const maxBytes = Math.ceil(bits / 7);
    for (let i = 0; i < maxBytes; i++) {
      const b = this.u8();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0) {
        if (b & 0x40) result -= 2 ** shift;
        return result;
      }
    }
    throw malformed(at, `s${bits} LEB128 too long`);
  }

  /** Skips a signed LEB128 of up to `bits` bits without decoding its value. */
  skipSleb(bits: number): void {
    const at = this.pos;
    const maxBytes = Math.ceil(bits / 7);
    for (let i = 0; i < maxBytes; i++) if ((this.u8() & 0x80) === 0) return;
    throw malformed(at, `s${bits} LEB128 too long`);
  }

  skip(n: number): void {
    if (n < 0 || this.pos + n > this.end) throw malformed(this.pos, `needs ${n} more bytes`);
    this.pos += n;
  }

  bytesOf(n: number): Uint8Array {
    const at = this.pos;
    this.skip(n);
    return this.bytes.subarray(at, at + n);
  }

  name(): string {
    const at = this.pos;
    const len = this.u32();
    const raw = this.bytesOf(len);
    try {
      return NAME_DECODER.decode(raw);
    } catch {
      throw malformed(at, 'name is not valid UTF-8');
    }
  }
}

export class Writer {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  u8(b: number): this {
    this.reserve(1);
    this.buf[this.length++] = b;
    return this;
  }

  u32(v: number): this {
    this.reserve(5);
    do {
      let b = v % 128;
      v = Math.floor(v / 128);
      if (v !== 0) b |= 0x80;
      this.buf[this.length++] = b;
    } while (v !== 0);
    return this;
  }

  s32(v: number): this {
    return this.sleb(BigInt(v));
  }

  sleb(v: bigint): this {
    this.reserve(10);
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      const done = (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0);
      this.buf[this.length++] = done ? b : b | 0x80;
      if (done) return this;
    }
  }

  bytes(b: Uint8Array): this {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }

  name(s: string): this {
    const raw = new TextEncoder().encode(s);
    return this.u32(raw.length).bytes(raw);
  }

  /** Appends another writer's bytes prefixed by their length (a wasm vector of bytes / section payload). */
  sized(inner: Writer): this {
    return this.u32(inner.length).bytes(inner.view());
  }

  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  toBytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
