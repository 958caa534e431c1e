// The independent slow path, the reference the trace and fuel are checked against (tests only). It
// rewrites a module so that, before every instruction, the instruction's byte offset is appended to
// an added memory; before a load or store also its address operand; before a bulk operation its
// size operand; around memory.grow its page count and its result. V8 then runs it: a trap stops it
// at the same instruction as the original. It has its own decoder and encoder and imports nothing
// from host/: no region, opcode table or module parser is shared with the instrumenter it checks.

const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c;
export const SLOW_MEMORY = '__slow_memory';
export const SLOW_POS = '__slow_pos';

class In {
  readonly b: Uint8Array;
  p: number;
  constructor(b: Uint8Array, p = 0) {
    this.b = b;
    this.p = p;
  }
  u8(): number {
    if (this.p >= this.b.length) throw new Error(`slow path: read past the end at ${this.p}`);
    return this.b[this.p++]!;
  }
  u32(): number {
    let v = 0, shift = 0, b: number;
    do {
      b = this.u8();
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return v;
  }
  /** Skips a signed LEB128 (any width). */
  sleb(): void {
    while (this.u8() & 0x80);
  }
  skip(n: number): void {
    this.p += n;
  }
  name(): void {
    this.skip(this.u32());
  }
  limits(): void {
    const flags = this.u8();
    this.u32();
    if (flags & 1) this.u32();
  }
}

class Out {
  private bytes: number[] = [];
  get length(): number {
    return this.bytes.length;
  }
  u8(...bs: number[]): this {
    for (const b of bs) this.bytes.push(b & 0xff);
    return this;
  }
  u32(v: number): this {
    do {
      let b = v % 128;
      v = Math.floor(v / 128);
      if (v > 0) b |= 0x80;
      this.bytes.push(b);
    } while (v > 0);
    return this;
  }
  s32(v: number): this {
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) return this.u8(b);
      this.u8(b | 0x80);
    }
  }
  raw(b: Uint8Array): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }
  str(s: string): this {
    return this.u32(s.length).raw(new TextEncoder().encode(s));
  }
  sized(o: Out): this {
    return this.u32(o.length).raw(o.done());
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** What the slow path knows of an instruction: the words it records besides the offset. */
export type SlowKind = 'plain' | 'access' | 'bulk' | 'grow';
interface Decoded {
  start: number;
  end: number;
  kind: SlowKind;
  /** Stores: the value type stored. */
  stores?: number;
  /** Loads and stores: the static offset. */
  memOffset?: number;
}

const STORE_TYPE: Record<number, number> = { 0x36: I32, 0x37: I64, 0x38: F32, 0x39: F64, 0x3a: I32, 0x3b: I32, 0x3c: I64, 0x3d: I64, 0x3e: I64 };
// 0xfc sub-opcodes with an element count on top of the stack: memory.init/copy/fill, table.init/copy/fill.
const BULK = new Set([8, 10, 11, 12, 14, 17]);

/** Decodes one instruction at `r.p` (MVP, sign extension, saturating truncation, bulk memory, reference types). */
function decodeOne(r: In): Decoded {
  const start = r.p;
  const op = r.u8();
  let kind: SlowKind = 'plain';
  let stores: number | undefined, memOffset: number | undefined;
  if (op === 0x02 || op === 0x03 || op === 0x04) {
    const t = r.b[r.p]!;
    if (t === 0x40 || t === I32 || t === I64 || t === F32 || t === F64 || t === 0x70 || t === 0x6f) r.skip(1);
    else r.sleb();
  } else if (op === 0x0c || op === 0x0d || op === 0x10 || (op >= 0x20 && op <= 0x26) || op === 0xd2) r.u32();
  else if (op === 0x0e) {
    for (let n = r.u32(); n >= 0; n--) r.u32();
  } else if (op === 0x11) {
    r.u32();
    r.u32();
  } else if (op === 0x1c) {
    r.skip(r.u32());
  } else if (op >= 0x28 && op <= 0x3e) {
    const align = r.u32();
    if (align & 0x40) r.u32();
    memOffset = r.u32();
    kind = 'access';
    stores = STORE_TYPE[op];
  } else if (op === 0x3f || op === 0x40) {
    r.u32();
    if (op === 0x40) kind = 'grow';
  } else if (op === 0x41 || op === 0x42) r.sleb();
  else if (op === 0x43) r.skip(4);
  else if (op === 0x44) r.skip(8);
  else if (op === 0xd0) r.sleb();
  else if (op === 0xfc) {
    const sub = r.u32();
    if (sub === 8 || sub === 12 || sub === 14) {
      r.u32();
      r.u32();
    } else if (sub === 9 || sub === 10 || sub === 13 || (sub >= 15 && sub <= 17)) {
      r.u32();
      if (sub === 10) r.u32();
    } else if (sub === 11) r.u32();
    if (BULK.has(sub)) kind = 'bulk';
  } else if (op > 0xc4 && op !== 0xd1) throw new Error(`slow path: opcode 0x${op.toString(16)} at ${start}`);
  return { start, end: r.p, kind, stores, memOffset };
}

interface Parsed {
  sections: { id: number; start: number; end: number }[];
  paramCounts: number[]; // by type index
  funcTypes: number[]; // defined functions
  importedFuncs: number;
  importedMemories: number;
  importedGlobals: number;
  memories: number;
  globals: number;
  bodies: { start: number; end: number }[];
}

function parse(wasm: Uint8Array): Parsed {
  const p: Parsed = { sections: [], paramCounts: [], funcTypes: [], importedFuncs: 0, importedMemories: 0, importedGlobals: 0, memories: 0, globals: 0, bodies: [] };
  const r = new In(wasm, 8);
  while (r.p < wasm.length) {
    const id = r.u8();
    const size = r.u32();
    const start = r.p, end = r.p + size;
    p.sections.push({ id, start, end });
    const s = new In(wasm, start);
    if (id === 1) {
      for (let n = s.u32(); n > 0; n--) {
        s.u8(); // 0x60
        const params = s.u32();
        s.skip(params);
        s.skip(s.u32());
        p.paramCounts.push(params);
      }
    } else if (id === 2) {
      for (let n = s.u32(); n > 0; n--) {
        s.name();
        s.name();
        const kind = s.u8();
        if (kind === 0) (s.u32(), p.importedFuncs++);
        else if (kind === 1) (s.u8(), s.limits());
        else if (kind === 2) (s.limits(), p.importedMemories++);
        else (s.skip(2), p.importedGlobals++);
      }
    } else if (id === 3) {
      for (let n = s.u32(); n > 0; n--) p.funcTypes.push(s.u32());
    } else if (id === 5) p.memories = s.u32();
    else if (id === 6) p.globals = s.u32();
    else if (id === 10) {
      for (let n = s.u32(); n > 0; n--) {
        const len = s.u32();
        p.bodies.push({ start: s.p, end: s.p + len });
        s.skip(len);
      }
    }
    r.p = end;
  }
  return p;
}

/** Every instruction of every body, by byte offset. */
function instructions(wasm: Uint8Array, p: Parsed): Map<number, Decoded> {
  const out = new Map<number, Decoded>();
  for (const { start, end } of p.bodies) {
    const r = new In(wasm, start);
    for (let n = r.u32(); n > 0; n--) (r.u32(), r.u8());
    while (r.p < end) {
      const d = decodeOne(r);
      out.set(d.start, d);
    }
  }
  return out;
}

export function slowPath(wasm: Uint8Array, pages = 2048): Uint8Array {
  const p = parse(wasm);
  const recType = p.paramCounts.length;
  const recFunc = p.importedFuncs + p.funcTypes.length; // appended: no index moves
  const mem = p.importedMemories + p.memories;
  const pos = p.importedGlobals + p.globals;
  const section = (id: number) => p.sections.find((s) => s.id === id);
  const extended = new Map<number, Out>();
  const copyVec = (id: number, extra: number, append: (w: Out) => void) => {
    const s = section(id);
    const w = new Out();
    if (s) {
      const r = new In(wasm, s.start);
      w.u32(r.u32() + extra).raw(wasm.subarray(r.p, s.end));
    } else w.u32(extra);
    append(w);
    extended.set(id, w);
  };
  copyVec(1, 1, (w) => w.u8(0x60, 1, I32, 0));
  copyVec(3, 1, (w) => w.u32(recType));
  copyVec(5, 1, (w) => w.u8(0x01).u32(pages).u32(pages));
  copyVec(6, 1, (w) => w.u8(I32, 1, 0x41, 0, 0x0b));
  copyVec(7, 2, (w) => w.str(SLOW_MEMORY).u8(2).u32(mem).str(SLOW_POS).u8(3).u32(pos));

  const record = (w: Out) => w.u8(0x10).u32(recFunc);
  const code = new Out().u32(p.bodies.length + 1);
  p.bodies.forEach(({ start, end }, f) => {
    const r = new In(wasm, start);
    const decls = r.u32();
    let locals = p.paramCounts[p.funcTypes[f]!]!;
    const d = new Out();
    for (let i = 0; i < decls; i++) {
      const n = r.u32();
      locals += n;
      d.u32(n).u8(r.u8());
    }
    const A = locals, T: Record<number, number> = { [I32]: locals + 1, [I64]: locals + 2, [F32]: locals + 3, [F64]: locals + 4 };
    const body = new Out().u32(decls + 4).raw(d.done()).u32(2).u8(I32).u32(1).u8(I64).u32(1).u8(F32).u32(1).u8(F64);
    while (r.p < end) {
      const ins = decodeOne(r);
      record(body.u8(0x41).s32(ins.start));
      if (ins.kind === 'access') {
        // address operand: below the value for a store
        if (ins.stores !== undefined) body.u8(0x21).u32(T[ins.stores]!);
        record(body.u8(0x22).u32(A));
        body.u8(0x20).u32(A);
        if (ins.stores !== undefined) body.u8(0x20).u32(T[ins.stores]!);
      } else if (ins.kind === 'bulk' || ins.kind === 'grow') {
        record(body.u8(0x22).u32(A)); // the count on top of the stack
        body.u8(0x20).u32(A);
      }
      body.raw(wasm.subarray(ins.start, ins.end));
      if (ins.kind === 'grow') record(body.u8(0x22).u32(A)).u8(0x20).u32(A); // its result
    }
    code.sized(body);
  });
  // rec(v): mem[pos] = v; pos += 4
  const rec = new Out().u32(0).u8(0x23).u32(pos).u8(0x20, 0);
  if (mem === 0) rec.u8(0x36, 2, 0);
  else rec.u8(0x36, 0x42).u32(mem).u8(0);
  rec.u8(0x23).u32(pos).u8(0x41, 4, 0x6a, 0x24).u32(pos).u8(0x0b);
  code.sized(rec);
  extended.set(10, code);

  const order = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11];
  const out = new Out().raw(wasm.subarray(0, 8));
  const done = new Set<number>();
  const emitBefore = (rank: number) => {
    for (const id of order.slice(0, rank)) {
      if (!done.has(id) && extended.has(id)) {
        done.add(id);
        out.u8(id).sized(extended.get(id)!);
      }
    }
  };
  for (const s of p.sections) {
    if (s.id === 0) continue;
    emitBefore(order.indexOf(s.id));
    done.add(s.id);
    if (extended.has(s.id)) out.u8(s.id).sized(extended.get(s.id)!);
    else out.u8(s.id).u32(s.end - s.start).raw(wasm.subarray(s.start, s.end));
  }
  emitBefore(order.length);
  return out.done();
}

/** The recorded stream as words. */
export function slowRecords(exports: WebAssembly.Exports): number[] {
  const n = (exports[SLOW_POS] as WebAssembly.Global).value as number;
  return Array.from(new Uint32Array((exports[SLOW_MEMORY] as WebAssembly.Memory).buffer, 0, n / 4));
}

/** One executed instruction as the slow path saw it. */
export interface SlowEvent {
  offset: number;
  /** Effective address of a load or store. */
  address: number | null;
  /** Fuel it costs beyond its instruction under docs/TRACE.md's rules: 1 per 8 elements of a bulk
   *  operation, 8192 per page a memory.grow grew (null when the run stopped before that was known). */
  bulk: bigint | null;
}

/** Reads recorded words back into instructions, with the slow path's own decoding of `wasm` (the original). */
export function slowEvents(wasm: Uint8Array, words: readonly number[]): SlowEvent[] {
  const known = instructions(wasm, parse(wasm));
  const out: SlowEvent[] = [];
  for (let i = 0; i < words.length; ) {
    const ins = known.get(words[i]!);
    if (!ins) throw new Error(`slow path: no instruction at ${words[i]}`);
    const ev: SlowEvent = { offset: ins.start, address: null, bulk: 0n };
    if (ins.kind === 'access' && i + 1 < words.length) ev.address = words[i + 1]! + ins.memOffset!;
    if (ins.kind === 'bulk' && i + 1 < words.length) ev.bulk = BigInt(words[i + 1]! >>> 3);
    if (ins.kind === 'grow') ev.bulk = i + 2 < words.length ? (words[i + 2] === 0xffffffff ? 0n : BigInt(words[i + 1]!) * 8192n) : null;
    i += ins.kind === 'plain' ? 1 : ins.kind === 'grow' ? 3 : 2;
    out.push(ev);
  }
  return out;
}

/** `offset` or `offset@address`, the form the tests compare. */
export const slowText = (e: { offset: number; address: number | null }): string => (e.address === null ? `${e.offset}` : `${e.offset}@${e.address}`);
