/**
 * @module sandbox/process/channel
 * A synchronous, re-entrant call channel over two blocking file descriptors, the same on both ends
 * (the engine's thread and the guest's child process: docs/ISOLATION-PROCESS.md, "The pipe").
 *
 * Exactly one side is active at any time: a side that calls writes one CALL frame and then blocks
 * reading; what it reads is either the answer (RETURN or THROW) or a CALL of the other side made
 * while serving it (a guest import during on_bar, a fuel charge during that import…), which it
 * serves — possibly calling back again — before it reads on. So calls nest like a call stack across
 * the two processes, and no frame is ever in flight while another is.
 *
 * A frame: u32 LE length of the rest, then u8 kind (CALL 1, RETURN 2, THROW 3), u8 method (CALL) and
 * u8 value count, then the values, each a u8 tag and its bytes: f64 as its 8 bytes (every bit,
 * NaN payloads included), i64 as 8 bytes, bytes and strings (UTF-16 code units, as the guest's
 * memory holds them: lone surrogates survive) as a u32 length and their bytes, a structured value
 * (v8.serialize) likewise. A THROW carries one structured value: what the error was (kind, code,
 * message, site) and, when it came from the other side, that side's reference to the original.
 */
import { readSync, writeSync, closeSync } from 'node:fs';
import { serialize, deserialize } from 'node:v8';

export const CALL = 1, RETURN = 2, THROW = 3;

const T_UNDEFINED = 0, T_F64 = 1, T_I64 = 2, T_BYTES = 3, T_STRING = 4, T_NULL = 5, T_TRUE = 6, T_FALSE = 7, T_STRUCT = 8;

/** A value that crosses: numbers as f64, bigints as i64, byte strings, strings, booleans, null, undefined, or a `Structured` box. */
export type Value = number | bigint | Uint8Array | string | boolean | null | undefined | void | Structured;

/** A value crossing by v8.serialize (setup, a run's totals, an error): for anything that is not on the per-bar path. */
export class Structured {
  readonly value: unknown;
  constructor(value: unknown) {
    this.value = value;
  }
}

/** The other side is gone: its end of the pipe closed (it exited or was killed) before it answered. */
export class ChannelClosed extends Error {}

/** What a THROW frame carries. `ref`: the sender keeps the original error under it (Channel.keep). */
export interface ErrorData {
  kind: string;
  code?: string;
  message: string;
  step?: string;
  site?: unknown;
  /** The error's cause, by kind (RuntimeError or Error) and message. */
  cause?: { kind: string; message: string };
  ref?: number;
}

/** Serves one call of the other side: reads its arguments (all of them, before calling anything back) and returns its value. */
export type Handler = (args: Value[]) => Value;

export interface ChannelHooks {
  /** The error to throw for a THROW frame. */
  decodeError(data: ErrorData): unknown;
  /** What a thrown value crosses as. */
  encodeError(error: unknown): ErrorData;
}

const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');

export class Channel {
  private readonly readFd: number;
  private readonly writeFd: number;
  private readonly handlers: ReadonlyArray<Handler | undefined>;
  private readonly hooks: ChannelHooks;
  private inBuf = Buffer.allocUnsafe(1 << 16);
  private inLen = 0;
  private out = Buffer.allocUnsafe(1 << 12);
  private closed = false;

  constructor(readFd: number, writeFd: number, handlers: ReadonlyArray<Handler | undefined>, hooks: ChannelHooks) {
    this.readFd = readFd;
    this.writeFd = writeFd;
    this.handlers = handlers;
    this.hooks = hooks;
  }

  /** Calls `method` on the other side with `args` and returns its value, serving its calls meanwhile. */
  call(method: number, ...args: Value[]): Value {
    this.send(CALL, method, args);
    return this.await();
  }

  /** Serves calls until the other side closes its end (the child's main loop). */
  serveUntilClosed(): void {
    for (;;) {
      let frame: { kind: number; method: number; values: Value[] };
      try {
        frame = this.receive();
      } catch (e) {
        if (e instanceof ChannelClosed) return;
        throw e;
      }
      if (frame.kind !== CALL) throw new Error(`channel: a ${frame.kind === RETURN ? 'RETURN' : 'THROW'} frame with no call waiting`);
      this.serve(frame.method, frame.values);
    }
  }

  /** Closes both descriptors; idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const fd of [this.readFd, this.writeFd]) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
  }

  private await(): Value {
    for (;;) {
      const { kind, method, values } = this.receive();
      if (kind === RETURN) return values[0];
      if (kind === THROW) throw this.hooks.decodeError((values[0] as Structured).value as ErrorData);
      this.serve(method, values);
    }
  }

  private serve(method: number, args: Value[]): void {
    const handler = this.handlers[method];
    let value: Value;
    try {
      if (!handler) throw new Error(`channel: no method ${method}`);
      value = handler(args);
    } catch (e) {
      this.send(THROW, 0, [new Structured(this.hooks.encodeError(e))]);
      return;
    }
    this.send(RETURN, 0, [value]);
  }

  private send(kind: number, method: number, values: Value[]): void {
    if (this.closed) throw new ChannelClosed('the channel is closed');
    let at = 7;
    const room = (n: number) => {
      if (at + n <= this.out.length) return;
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.out.length, at + n));
      this.out.copy(bigger, 0, 0, at);
      this.out = bigger;
    };
    for (const v of values) {
      room(9);
      const o = this.out;
      if (v === undefined) o[at++] = T_UNDEFINED;
      else if (v === null) o[at++] = T_NULL;
      else if (v === true) o[at++] = T_TRUE;
      else if (v === false) o[at++] = T_FALSE;
      else if (typeof v === 'number') {
        o[at++] = T_F64;
        o.writeDoubleLE(v, at);
        at += 8;
      } else if (typeof v === 'bigint') {
        o[at++] = T_I64;
        o.writeBigInt64LE(BigInt.asIntN(64, v), at);
        at += 8;
      } else {
        const bytes = typeof v === 'string' ? utf16(v) : v instanceof Structured ? serialize(v.value) : v;
        o[at++] = typeof v === 'string' ? T_STRING : v instanceof Structured ? T_STRUCT : T_BYTES;
        room(4 + bytes.length);
        this.out.writeUInt32LE(bytes.length, at);
        this.out.set(bytes, at + 4);
        at += 4 + bytes.length;
      }
    }
    const o = this.out;
    o.writeUInt32LE(at - 4, 0);
    o[4] = kind;
    o[5] = method;
    o[6] = values.length;
    let done = 0;
    try {
      while (done < at) done += writeSync(this.writeFd, o, done, at - done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') throw new ChannelClosed('the other side closed the pipe', { cause: e });
      throw e;
    }
  }

  /** Reads at least `n` bytes into the input buffer (blocking); EOF is ChannelClosed. */
  private fill(n: number): void {
    if (n > this.inBuf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(n, 2 * this.inBuf.length));
      this.inBuf.copy(bigger, 0, 0, this.inLen);
      this.inBuf = bigger;
    }
    while (this.inLen < n) {
      let got: number;
      try {
        got = readSync(this.readFd, this.inBuf, this.inLen, this.inBuf.length - this.inLen, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EINTR' || code === 'EAGAIN') continue;
        throw e;
      }
      if (got === 0) throw new ChannelClosed('the other side closed the pipe');
      this.inLen += got;
    }
  }

  private receive(): { kind: number; method: number; values: Value[] } {
    if (this.closed) throw new ChannelClosed('the channel is closed');
    this.fill(4);
    const size = 4 + this.inBuf.readUInt32LE(0);
    this.fill(size);
    const b = this.inBuf;
    const kind = b[4]!, method = b[5]!, count = b[6]!;
    const values: Value[] = [];
    let at = 7;
    for (let k = 0; k < count; k++) {
      const tag = b[at++]!;
      if (tag === T_UNDEFINED) values.push(undefined);
      else if (tag === T_NULL) values.push(null);
      else if (tag === T_TRUE) values.push(true);
      else if (tag === T_FALSE) values.push(false);
      else if (tag === T_F64) {
        values.push(b.readDoubleLE(at));
        at += 8;
      } else if (tag === T_I64) {
        values.push(b.readBigInt64LE(at));
        at += 8;
      } else {
        const len = b.readUInt32LE(at);
        const bytes = b.subarray(at + 4, at + 4 + len);
        at += 4 + len;
        if (tag === T_STRING) values.push(bytes.toString('utf16le'));
        else if (tag === T_STRUCT) values.push(new Structured(deserialize(bytes)));
        else values.push(new Uint8Array(bytes)); // a copy: the buffer is read into again
      }
    }
    // Strict alternation: nothing follows a frame until it is answered, so the buffer holds exactly this one.
    this.inLen -= size;
    if (this.inLen > 0) this.inBuf.copy(this.inBuf, 0, size, size + this.inLen);
    return { kind, method, values };
  }
}
