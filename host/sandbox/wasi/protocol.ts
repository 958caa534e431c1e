/**
 * @module sandbox/wasi/protocol
 * The byte layout between the host and the WASI driver linked into a guest (docs/ISOLATION-WASI.md,
 * "Frames"), and the plan both sides derive from the instrumented module's imports and exports: which
 * number names which export, import, global and memory. The host computes the plan here from the
 * module's bytes; the linker (wasi/link) computes the same plan from the same bytes, so the numbers
 * agree without being sent.
 *
 * A frame: u32 size (the bytes after this word), u32 kind, then the payload; every number is
 * little-endian. A value slot is 8 bytes: an i32 or f32 in its low 4 (the rest 0), an i64 or f64 whole.
 * The sync block is one slot per instrumentation global the module exports, in SYNC_GLOBALS order.
 */
import { SandboxError } from '../../errors.ts';
import { Reader } from '../instrument/bytes.ts';
import {
  EXPORT_BITS, EXPORT_BIT_SLOT, EXPORT_BULK, EXPORT_FUEL, EXPORT_RESERVE, EXPORT_TP,
} from '../instrument/instrument.ts';

/** Host → guest. */
export const CALL = 1; // u32 callable, sync block, one slot per param → RETURN
export const REPLY = 2; // sync block, result slot (the answer to a HOSTCALL)
export const READ = 3; // u32 memory, u32 offset, u32 length (0xffffffff: to the memory's end) → DATA
export const WRITE = 4; // u32 memory, u32 offset, the bytes
export const GLOBALS = 5; // → DATA: one slot per other global, in plan order
export const EXIT = 6; // the driver exits (status 0)
/** Guest → host. */
export const RETURN = 16; // sync block
export const HOSTCALL = 17; // u32 import, sync block, one slot per param
export const DATA = 18; // the bytes asked for
export const TRAP = 19; // u32 position (the linked module's byte offset of the trapping instruction), sync block, the trap's message (UTF-8)

/** The driver's trap report (wasi/pool-worker calls it when the guest trapped): (position, message length) → TRAP, then frames served. */
export const TRAP_EXPORT = '__bpw_trap';
/** The driver's memory, exported for the trap report's message, written at TRAP_MESSAGE_AT (at most TRAP_MESSAGE_MAX bytes). */
export const DRIVER_MEMORY_EXPORT = '__bpw_io';
export const TRAP_MESSAGE_AT = 196_608;
export const TRAP_MESSAGE_MAX = 1024;

export const SLOT = 8;
/** Bytes of the largest frame other than WRITE and DATA the driver accepts (its input buffer). */
export const SMALL_FRAME_MAX = 60_000;
/** The driver moves bytes through WASI in pieces of at most this size (docs: "The bounce window"). */
export const CHUNK = 32_768;

/** The instrumentation globals whose values travel with every call, reply and return (host mirrors them). */
export const SYNC_GLOBALS: readonly string[] = [EXPORT_FUEL, EXPORT_BULK, EXPORT_RESERVE, EXPORT_TP, EXPORT_BITS, EXPORT_BIT_SLOT];

/** The only imports a linked module may have. */
export const WASI_MODULE = 'wasi_snapshot_preview1';
export const WASI_ALLOWED: readonly string[] = ['fd_read', 'fd_write', 'proc_exit'];

export const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c;
export const NUMERIC: ReadonlySet<number> = new Set([I32, I64, F32, F64]);

export interface PlanFunction {
  name: string;
  params: number[];
  results: number[];
}
export interface PlanImport extends PlanFunction {
  module: string;
}
export interface PlanGlobal {
  name: string;
  type: number;
}
export interface Plan {
  /** Exported functions with numeric params, in export order: CALL's callable number. */
  callables: PlanFunction[];
  /** Function imports in index order: HOSTCALL's import number. */
  imports: PlanImport[];
  /** SYNC_GLOBALS the module exports, in that order. */
  sync: PlanGlobal[];
  /** Every other exported numeric global, in export order (GLOBALS). */
  others: PlanGlobal[];
  /** Exported memories, in export order: READ's and WRITE's memory number. */
  memories: string[];
}

/** What the driver needs of a module's sections: its imports, exports and whether it has a start function. */
export interface Outline {
  imports: { module: string; field: string; kind: number; offset: number }[];
  exports: { name: string; kind: number; index: number }[];
  start: boolean;
  memories: number;
}

/** Reads the import, memory, export and start sections (the instrumenter's parser takes one memory only). */
export function outlineOf(bytes: Uint8Array): Outline {
  const o: Outline = { imports: [], exports: [], start: false, memories: 0 };
  const limits = (r: Reader) => {
    const flags = r.u8();
    r.u32();
    if (flags & 1) r.u32();
  };
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d)
    throw new SandboxError('WASM_MALFORMED', 'not a wasm binary (bad magic)');
  for (const r = new Reader(bytes, 8); !r.done;) {
    const id = r.u8();
    const end = r.u32() + r.pos;
    if (id === 2) {
      for (let n = r.u32(); n > 0; n--) {
        const offset = r.pos;
        const module = r.name(), field = r.name(), kind = r.u8();
        if (kind === 0) r.u32();
        else if (kind === 1) { r.u8(); limits(r); }
        else if (kind === 2) { limits(r); o.memories++; }
        else { r.u8(); r.u8(); }
        o.imports.push({ module, field, kind, offset });
      }
    } else if (id === 5) o.memories += r.u32();
    else if (id === 7) for (let n = r.u32(); n > 0; n--) o.exports.push({ name: r.name(), kind: r.u8(), index: r.u32() });
    else if (id === 8) o.start = true;
    r.pos = end;
  }
  return o;
}

/**
 * Refuses a linked module that imports anything but WASI's fd_read, fd_write and proc_exit — no clock,
 * no random, no environment, no `env.*` — before it is loaded: IMPORT_NOT_ALLOWED naming the import.
 */
export function checkWasiImports(bytes: Uint8Array): void {
  const m = outlineOf(bytes);
  for (const imp of m.imports) {
    if (imp.module === WASI_MODULE && imp.kind === 0 && WASI_ALLOWED.includes(imp.field)) continue;
    throw new SandboxError('IMPORT_NOT_ALLOWED', `import "${imp.module}"."${imp.field}" (byte offset ${imp.offset}) is not allowed in --isolation wasi; a linked guest may import only ${WASI_ALLOWED.map((f) => `${WASI_MODULE}.${f}`).join(', ')}`);
  }
  if (!m.exports.some((e) => e.name === '_start' && e.kind === 0)) throw new SandboxError('EXPORT_MISSING', '--isolation wasi: the linked module does not export "_start"');
}
