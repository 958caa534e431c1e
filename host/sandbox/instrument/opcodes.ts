/**
 * @module sandbox/instrument/opcodes
 * Instruction decoding for the feature set the sandbox accepts: MVP, sign extension, saturating
 * truncation, bulk memory, multi-value block types, mutable globals and reference types as used by
 * tables. Anything else is rejected with the feature's name and the instruction's byte offset.
 */
import { SandboxError } from '../../errors.ts';
import { Reader } from './bytes.ts';

/** What the rewriter must know about an instruction beyond its bytes. */
export const Kind = {
  plain: 0,
  /** block: opens a frame, does not end a region. */
  block: 1,
  /** loop: opens a frame; its body is a branch target. */
  loop: 2,
  /** if: opens a frame, consumes a condition; ends a region. */
  if: 3,
  else: 4,
  end: 5,
  /** br_if: conditional branch; ends a region. */
  brIf: 6,
  /** br, br_table, return, unreachable: control never falls through. */
  jump: 7,
  /** call, call_indirect: ends a region; callee runs before the next region. */
  call: 8,
  load: 9,
  store: 10,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface Instr {
  /** Opcode; prefixed opcodes are (prefix << 8) | subopcode. */
  op: number;
  /** Byte offset of the opcode in the module. */
  start: number;
  /** Byte offset just past the immediates. */
  end: number;
  kind: Kind;
  /** call / ref.func: the function index immediate. */
  func?: number;
  /** Byte offset of the function index immediate (for rewriting). */
  funcAt?: number;
  /** Loads: value type pushed; stores: value type popped (0x7f i32, 0x7e i64, 0x7d f32, 0x7c f64). */
  valueType?: number;
  /** Memory access: the static offset immediate. */
  memOffset?: number;
  /** block/loop/if: -0x40 for none, -valtype for one result, else a type index (>= 0). */
  blockType?: number;
  /** call_indirect: the type index. */
  typeIndex?: number;
}

export function unsupported(feature: string, offset: number): SandboxError {
  return new SandboxError('WASM_UNSUPPORTED', `unsupported wasm feature "${feature}" at byte offset ${offset}`);
}

const VALTYPES = new Set([0x7f, 0x7e, 0x7d, 0x7c, 0x70, 0x6f]);

/** Checks a value type byte; v128 and typed references are rejected. */
export function readValType(r: Reader): number {
  const at = r.pos;
  const t = r.u8();
  if (VALTYPES.has(t)) return t;
  if (t === 0x7b) throw unsupported('SIMD (v128)', at);
  if (t === 0x64 || t === 0x63) throw unsupported('typed function references / GC', at);
  throw unsupported(`value type 0x${t.toString(16)}`, at);
}

function readBlockType(r: Reader): number {
  const at = r.pos;
  const b = r.bytes[at];
  if (b === 0x40) {
    r.u8();
    return -0x40;
  }
  if (b !== undefined && (VALTYPES.has(b) || b === 0x7b || b === 0x64 || b === 0x63)) return -readValType(r);
  const idx = r.sleb(33);
  if (idx < 0) throw unsupported(`block type ${idx}`, at);
  return idx;
}

function readMemarg(r: Reader, multiMemory: boolean): number {
  const at = r.pos;
  const align = r.u32();
  if (align & 0x40) {
    if (!multiMemory) throw unsupported('multi-memory (memory index in memarg)', at);
    r.u32();
  }
  return r.u32();
}

function readZeroMemidx(r: Reader, multiMemory: boolean): void {
  const at = r.pos;
  if (multiMemory) r.u32();
  else if (r.u8() !== 0) throw unsupported('multi-memory (memory index)', at);
}

// Value type accessed by each load (0x28..0x35) and store (0x36..0x3e).
const LOAD_TYPE = [0x7f, 0x7e, 0x7d, 0x7c, 0x7f, 0x7f, 0x7f, 0x7f, 0x7e, 0x7e, 0x7e, 0x7e, 0x7e, 0x7e];
const STORE_TYPE = [0x7f, 0x7e, 0x7d, 0x7c, 0x7f, 0x7f, 0x7e, 0x7e, 0x7e];

/**
 * Decodes one instruction at `r.pos` and advances past it. `multiMemory` reads memory indices too (an
 * instrumented module's, whose trace and bar memories are memories 1 and 2: sandbox/wasi/link walks it).
 */
export function decode(r: Reader, multiMemory = false): Instr {
  const start = r.pos;
  const op = r.u8();
  const ins: Instr = { op, start, end: start, kind: Kind.plain };
  switch (op) {
    case 0x00: // unreachable
    case 0x0f: // return
      ins.kind = Kind.jump;
      break;
    case 0x01: // nop
    case 0x1a: // drop
    case 0x1b: // select
    case 0xd1: // ref.is_null
      break;
    case 0x02:
      ins.blockType = readBlockType(r);
      ins.kind = Kind.block;
      break;
    case 0x03:
      ins.blockType = readBlockType(r);
      ins.kind = Kind.loop;
      break;
    case 0x04:
      ins.blockType = readBlockType(r);
      ins.kind = Kind.if;
      break;
    case 0x05:
      ins.kind = Kind.else;
      break;
    case 0x0b:
      ins.kind = Kind.end;
      break;
    case 0x0c:
      r.u32();
      ins.kind = Kind.jump;
      break;
    case 0x0d:
      r.u32();
      ins.kind = Kind.brIf;
      break;
    case 0x0e: {
      const at = r.pos;
      const n = r.u32();
      if (n > r.end - r.pos) throw unsupported(`br_table with ${n} targets`, at);
      for (let i = 0; i <= n; i++) r.u32();
      ins.kind = Kind.jump;
      break;
    }
    case 0x10:
      ins.funcAt = r.pos;
      ins.func = r.u32();
      ins.kind = Kind.call;
      break;
    case 0x11:
      ins.typeIndex = r.u32();
      r.u32();
      ins.kind = Kind.call;
      break;
    case 0x1c: {
      const n = r.u32();
      for (let i = 0; i < n; i++) readValType(r);
      break;
    }
    case 0x20:
    case 0x21:
    case 0x22:
    case 0x23:
    case 0x24:
    case 0x25:
    case 0x26:
      r.u32();
      break;
    case 0x3f:
    case 0x40:
      readZeroMemidx(r, multiMemory);
      break;
    case 0x41:
      r.skipSleb(32);
      break;
    case 0x42:
      r.skipSleb(64);
      break;
    case 0x43:
      r.skip(4);
      break;
    case 0x44:
      r.skip(8);
      break;
    case 0xd0: {
      const at = r.pos;
      const t = r.u8();
      if (t !== 0x70 && t !== 0x6f) throw unsupported('typed function references / GC (heap type)', at);
      break;
    }
    case 0xd2:
      ins.funcAt = r.pos;
      ins.func = r.u32();
      break;
    case 0xfc:
      decodeFC(r, ins, multiMemory);
      break;
    default:
      if (op >= 0x28 && op <= 0x35) {
        ins.memOffset = readMemarg(r, multiMemory);
        ins.kind = Kind.load;
        ins.valueType = LOAD_TYPE[op - 0x28]!;
      } else if (op >= 0x36 && op <= 0x3e) {
        ins.memOffset = readMemarg(r, multiMemory);
        ins.kind = Kind.store;
        ins.valueType = STORE_TYPE[op - 0x36]!;
      } else if (op >= 0x45 && op <= 0xc4) {
        // numeric, comparison, conversion and sign-extension operators: no immediates
      } else {
        throw unsupported(featureOf(op), start);
      }
  }
  ins.end = r.pos;
  return ins;
}

function decodeFC(r: Reader, ins: Instr, multiMemory: boolean): void {
  const sub = r.u32();
  ins.op = 0xfc00 | sub;
  switch (sub) {
    case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7:
      return; // saturating truncation
    case 8: // memory.init dataidx memidx
      r.u32();
      readZeroMemidx(r, multiMemory);
      return;
    case 9: // data.drop
    case 13: // elem.drop
    case 15: // table.grow
    case 16: // table.size
    case 17: // table.fill
      r.u32();
      return;
    case 10: // memory.copy
      readZeroMemidx(r, multiMemory);
      readZeroMemidx(r, multiMemory);
      return;
    case 11: // memory.fill
      readZeroMemidx(r, multiMemory);
      return;
    case 12: // table.init elemidx tableidx
    case 14: // table.copy
      r.u32();
      r.u32();
      return;
    default:
      throw unsupported(`0xfc ${sub} (unknown bulk/saturating op)`, ins.start);
  }
}

function featureOf(op: number): string {
  if ([0x06, 0x07, 0x08, 0x09, 0x0a, 0x18, 0x19, 0x1f].includes(op)) return 'exception handling';
  if (op === 0x12 || op === 0x13) return 'tail calls';
  if (op === 0x14 || op === 0x15 || (op >= 0xd3 && op <= 0xd6)) return 'typed function references';
  if (op === 0xfb) return 'GC';
  if (op === 0xfd) return 'SIMD';
  if (op === 0xfe) return 'threads (atomics)';
  return `opcode 0x${op.toString(16)}`;
}

/** Operand-stack effect [pops, pushes] of instructions whose effect does not depend on types. */
export function fixedStackEffect(op: number): [number, number] | null {
  if (op === 0x01 || op === 0xfc09 || op === 0xfc0d) return [0, 0]; // nop, data.drop, elem.drop
  if (op === 0x1a) return [1, 0]; // drop
  if (op === 0x1b || op === 0x1c) return [3, 1]; // select
  if (op === 0x20 || op === 0x23 || (op >= 0x41 && op <= 0x44) || op === 0x3f || op === 0xd0 || op === 0xd2 || op === 0xfc10) return [0, 1];
  if (op === 0x21 || op === 0x24) return [1, 0];
  if (op === 0x22 || op === 0x25 || op === 0x40 || op === 0xd1) return [1, 1];
  if (op === 0x26) return [2, 0]; // table.set
  if (op >= 0x28 && op <= 0x35) return [1, 1]; // loads
  if (op >= 0x36 && op <= 0x3e) return [2, 0]; // stores
  if (op === 0x45 || op === 0x50) return [1, 1]; // eqz
  if ((op >= 0x46 && op <= 0x4f) || (op >= 0x51 && op <= 0x66)) return [2, 1]; // comparisons
  if ((op >= 0x67 && op <= 0x69) || (op >= 0x79 && op <= 0x7b)) return [1, 1]; // clz/ctz/popcnt
  if ((op >= 0x6a && op <= 0x78) || (op >= 0x7c && op <= 0x8a)) return [2, 1]; // integer binary
  if ((op >= 0x8b && op <= 0x91) || (op >= 0x99 && op <= 0x9f)) return [1, 1]; // float unary
  if ((op >= 0x92 && op <= 0x98) || (op >= 0xa0 && op <= 0xa6)) return [2, 1]; // float binary
  if (op >= 0xa7 && op <= 0xc4) return [1, 1]; // conversions, reinterpretations, sign extension
  if (op >= 0xfc00 && op <= 0xfc07) return [1, 1]; // saturating truncation
  if (op === 0xfc08 || op === 0xfc0a || op === 0xfc0b || op === 0xfc0c || op === 0xfc0e || op === 0xfc11) return [3, 0];
  if (op === 0xfc0f) return [2, 1]; // table.grow
  return null;
}
