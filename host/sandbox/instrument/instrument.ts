/**
 * @module sandbox/instrument/instrument
 * The instrumentation pass: `instrument(wasm, options) → { wasm, meta }`, a pure bytes → bytes
 * rewrite of the code section (no re-encoding through binaryen, so the original instruction
 * stream — and each instruction's byte offset — is kept exactly).
 *
 * Regions. A function body is cut into straight-line regions: a region ends after any instruction
 * that can transfer control (if, else, end, loop, br, br_if, br_table, return, unreachable, call,
 * call_indirect), so every branch target starts a region and, barring a trap, a region that starts
 * runs to its end. Unreachable code (after br/br_table/return/unreachable up to the closing
 * else/end of that frame) is never executed and is copied without instrumentation.
 *
 * Fuel. Each region starts by subtracting its instruction count N from the i64 global `__bp_fuel`;
 * if the result is negative the region does not run: `__backproof.out_of_fuel(regionId)` is called
 * and the host throws FuelExhausted. So fuel used == original instructions executed, exactly.
 *
 * Trace (optional). Each region reserves 4·(1+M) bytes at `__bp_tp` in a second memory, the
 * trace memory, which only the instrumentation addresses: it writes the region id, and each of the
 * region's M loads/stores writes its dynamic address operand (u32 LE) into its slot. At function
 * entry, loop heads and after calls — the only points a region sequence can start again after
 * running an unbounded amount — the tp is compared with the flush threshold and, if past it,
 * `__backproof.flush(tp)` hands the bytes to the host and tp returns to 0. Between two such checks
 * only one pass through one function's regions can run, so the trace memory is sized to the
 * threshold plus the largest function's total region bytes.
 *
 * Memory. The guest memory's maximum is forced to `maxMemoryPages` (growth past it returns -1).
 *
 * Invariants: the output validates whenever the input does; it computes exactly what the input
 * computes (the added code only touches the added globals, locals and memory); added imports come
 * after the original ones, so defined functions shift by the number of added imports and every
 * function reference (call, ref.func, exports, elements, globals, start) is renumbered.
 * Complexity: one linear pass over the module.
 */
import { SandboxError } from '../../errors.ts';
import { Reader, Writer } from './bytes.ts';
import { decode, Kind, unsupported, type Instr } from './opcodes.ts';
import { parseModule, SectionId, type WasmModule } from './module.ts';

export const HOST_MODULE = '__backproof';
export const EXPORT_FUEL = '__bp_fuel';
export const EXPORT_TP = '__bp_tp';
export const EXPORT_TRACE_MEMORY = '__bp_trace';
export const RESERVED_PREFIX = '__bp_';
export const INSTRUMENTER_VERSION = 'backproof-instrument/1';

export interface InstrumentOptions {
  /** Record the compact trace into a second memory (fuel metering is always on). */
  trace: boolean;
  /** Forced maximum of the guest's linear memory, in 64 KiB pages. */
  maxMemoryPages: number;
  /** Trace bytes buffered before the host is asked to flush. Default 1 MiB. */
  flushThreshold?: number;
  /** If the module has a start function, export it under this name instead of running it at instantiation. */
  startExportName?: string;
}

/** Static facts about the regions, indexed by region id - 1. */
export interface RegionTable {
  /** Original function index. */
  func: Uint32Array;
  /** Byte offset of the region's first instruction in the original module. */
  offset: Uint32Array;
  instructions: Uint32Array;
  memAccesses: Uint32Array;
}

export interface InstrumentMeta {
  instrumenter: string;
  trace: boolean;
  regions: RegionTable;
  regionCount: number;
  importedFuncs: number;
  functionNames: Map<number, string>;
  maxMemoryPages: number;
  traceMemoryPages: number;
  flushThreshold: number;
}

export interface Instrumented {
  wasm: Uint8Array;
  meta: InstrumentMeta;
}

const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c;
const PAGE = 65536;
const SECTION_ORDER = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11];

export function instrument(wasm: Uint8Array, options: InstrumentOptions): Instrumented {
  const flushThreshold = options.flushThreshold ?? 1 << 20;
  if (!Number.isInteger(options.maxMemoryPages) || options.maxMemoryPages < 0 || options.maxMemoryPages > 65536)
    throw new RangeError(`maxMemoryPages ${options.maxMemoryPages} must be an integer in 0..65536`);
  const m = parseModule(wasm);
  const trace = options.trace;
  const added = trace ? 2 : 1; // out_of_fuel [, flush]
  const remap = (f: number): number => (f < m.importedFuncs ? f : f + added);

  for (const e of m.exports)
    if (e.name.startsWith(RESERVED_PREFIX))
      throw new SandboxError('EXPORT_RESERVED', `export "${e.name}" uses the reserved prefix "${RESERVED_PREFIX}"`);

  // Index space of the added pieces.
  const typeOOF = m.types.length; // (i32) -> ()
  const funcOOF = m.importedFuncs;
  const funcFlush = m.importedFuncs + 1;
  const globalFuel = m.importedGlobals + m.definedGlobals;
  const globalTp = globalFuel + 1;
  const traceMem = m.importedMemories + m.memories.length;

  const regions = new RegionBuilder();
  const ctx: CodeContext = { m, trace, remap, funcOOF, funcFlush, globalFuel, globalTp, traceMem, flushThreshold, regions };
  const code = new Writer(wasm.length * 2);
  code.u32(m.bodies.length);
  let maxFunctionTraceBytes = 0;
  for (let i = 0; i < m.bodies.length; i++) {
    const { body, traceBytes } = rewriteBody(ctx, i);
    maxFunctionTraceBytes = Math.max(maxFunctionTraceBytes, traceBytes);
    code.sized(body);
  }
  const traceMemoryPages = trace ? Math.ceil((flushThreshold + maxFunctionTraceBytes + 8) / PAGE) : 0;
  if (traceMemoryPages > 65536) throw new SandboxError('MEMORY_LIMIT', 'a function is too large to trace');

  const replaced = new Map<number, Writer | null>();
  replaced.set(SectionId.code, code);
  replaced.set(SectionId.type, typeSection(m, typeOOF));
  replaced.set(SectionId.import, importSection(m, typeOOF, trace));
  replaced.set(SectionId.memory, memorySection(m, options.maxMemoryPages, trace, traceMemoryPages));
  replaced.set(SectionId.global, globalSection(m, remap));
  const startName = options.startExportName;
  const convertStart = m.start !== null && startName !== undefined;
  if (convertStart && m.exports.some((e) => e.name === startName))
    throw new SandboxError('EXPORT_RESERVED', `the module has a start function and also exports "${startName}"`);
  replaced.set(SectionId.export, exportSection(m, remap, { globalFuel, globalTp, traceMem, trace, startName: convertStart ? startName! : null }));
  replaced.set(SectionId.start, m.start !== null && !convertStart ? new Writer().u32(remap(m.start)) : null);
  if (m.sections.some((s) => s.id === SectionId.element)) replaced.set(SectionId.element, elementSection(m, remap));

  const out = new Writer(wasm.length * 3);
  out.bytes(wasm.subarray(0, 8));
  const emitted = new Set<number>();
  const emit = (id: number, payload: Writer | null): void => {
    emitted.add(id);
    if (payload === null) return;
    out.u8(id).sized(payload);
  };
  const emitSynthesizedBefore = (rank: number): void => {
    for (let i = 0; i < rank; i++) {
      const id = SECTION_ORDER[i]!;
      if (!emitted.has(id) && replaced.has(id)) emit(id, replaced.get(id)!);
    }
  };
  for (const s of m.sections) {
    if (s.id === SectionId.custom) {
      if (s.name === 'name') continue; // function indices shifted; names travel in meta
      out.u8(0).u32(s.end - s.start).bytes(wasm.subarray(s.start, s.end));
      continue;
    }
    const rank = SECTION_ORDER.indexOf(s.id);
    emitSynthesizedBefore(rank);
    if (replaced.has(s.id)) emit(s.id, replaced.get(s.id)!);
    else {
      emitted.add(s.id);
      out.u8(s.id).u32(s.end - s.start).bytes(wasm.subarray(s.start, s.end));
    }
  }
  emitSynthesizedBefore(SECTION_ORDER.length);

  return {
    wasm: out.toBytes(),
    meta: {
      instrumenter: INSTRUMENTER_VERSION,
      trace,
      regions: regions.build(),
      regionCount: regions.count,
      importedFuncs: m.importedFuncs,
      functionNames: m.names,
      maxMemoryPages: options.maxMemoryPages,
      traceMemoryPages,
      flushThreshold,
    },
  };
}

class RegionBuilder {
  count = 0;
  private func: number[] = [];
  private offset: number[] = [];
  private instructions: number[] = [];
  private memAccesses: number[] = [];

  /** Returns the new region's id (1-based; 0 is reserved). */
  add(func: number, offset: number, instructions: number, memAccesses: number): number {
    this.func.push(func);
    this.offset.push(offset);
    this.instructions.push(instructions);
    this.memAccesses.push(memAccesses);
    return ++this.count;
  }

  build(): RegionTable {
    return {
      func: Uint32Array.from(this.func),
      offset: Uint32Array.from(this.offset),
      instructions: Uint32Array.from(this.instructions),
      memAccesses: Uint32Array.from(this.memAccesses),
    };
  }
}

interface CodeContext {
  m: WasmModule;
  trace: boolean;
  remap: (f: number) => number;
  funcOOF: number;
  funcFlush: number;
  globalFuel: number;
  globalTp: number;
  traceMem: number;
  flushThreshold: number;
  regions: RegionBuilder;
}

/** Writes `i32.store` (align 4) into memory `mem` with a static offset. */
function storeI32(w: Writer, mem: number, offset: number): void {
  w.u8(0x36);
  if (mem === 0) w.u32(2);
  else w.u32(2 | 0x40).u32(mem);
  w.u32(offset);
}

function rewriteBody(ctx: CodeContext, defIndex: number): { body: Writer; traceBytes: number } {
  const { m, trace } = ctx;
  const funcIndex = m.importedFuncs + defIndex;
  const { start, end } = m.bodies[defIndex]!;
  const bytes = m.bytes;
  const r = new Reader(bytes, start, end);
  const type = m.types[m.funcTypes[defIndex]!];
  if (!type) throw new SandboxError('WASM_MALFORMED', `function ${funcIndex} has an undefined type`);

  // Locals: copy the declarations, then append ours (trace mode only).
  const body = new Writer((end - start) * 3 + 64);
  const declCount = r.u32();
  let localCount = type.params.length;
  const decls = new Writer();
  for (let i = 0; i < declCount; i++) {
    const n = r.u32();
    const t = r.u8();
    localCount += n;
    decls.u32(n).u8(t);
  }
  if (localCount > 50000) throw unsupported(`function with ${localCount} locals`, start);
  const BASE = localCount, ADDR = localCount + 1;
  const TMP: Record<number, number> = { [I32]: localCount + 2, [I64]: localCount + 3, [F32]: localCount + 4, [F64]: localCount + 5 };
  if (trace) {
    body.u32(declCount + 4).bytes(decls.view());
    body.u32(3).u8(I32).u32(1).u8(I64).u32(1).u8(F32).u32(1).u8(F64);
  } else {
    body.u32(declCount).bytes(decls.view());
  }

  let traceBytes = 0;
  let region = new Writer(256);
  let regionOpen = false;
  let regionStart = 0;
  let regionInstrs = 0;
  let regionMem = 0;
  let checkAtNextRegion = true; // function entry
  let depth = 1;
  let dead = false;
  let deadDepth = 0;

  const copy = (w: Writer, ins: Instr): void => {
    if (ins.func !== undefined) {
      w.bytes(bytes.subarray(ins.start, ins.funcAt!));
      w.u32(ctx.remap(ins.func));
    } else {
      w.bytes(bytes.subarray(ins.start, ins.end));
    }
  };

  const closeRegion = (checkNext: boolean): void => {
    const id = ctx.regions.add(funcIndex, regionStart, regionInstrs, regionMem);
    if (checkAtNextRegion && trace) {
      // if (tp > threshold) { flush(tp); tp = 0 }
      body.u8(0x23).u32(ctx.globalTp).u8(0x41).s32(ctx.flushThreshold).u8(0x4b);
      body.u8(0x04).u8(0x40);
      body.u8(0x23).u32(ctx.globalTp).u8(0x10).u32(ctx.funcFlush);
      body.u8(0x41).u8(0).u8(0x24).u32(ctx.globalTp);
      body.u8(0x0b);
    }
    // fuel -= N; if (fuel < 0) out_of_fuel(id)
    body.u8(0x23).u32(ctx.globalFuel).u8(0x42).sleb(BigInt(regionInstrs)).u8(0x7d).u8(0x24).u32(ctx.globalFuel);
    body.u8(0x23).u32(ctx.globalFuel).u8(0x42).u8(0).u8(0x53);
    body.u8(0x04).u8(0x40).u8(0x41).s32(id).u8(0x10).u32(ctx.funcOOF).u8(0x0b);
    if (trace) {
      const size = 4 * (1 + regionMem);
      traceBytes += size;
      // base = tp; tp = base + size; mem[base] = id
      body.u8(0x23).u32(ctx.globalTp).u8(0x22).u32(BASE).u8(0x41).s32(size).u8(0x6a).u8(0x24).u32(ctx.globalTp);
      body.u8(0x20).u32(BASE).u8(0x41).s32(id);
      storeI32(body, ctx.traceMem, 0);
    }
    body.bytes(region.view());
    region = new Writer(256);
    regionOpen = false;
    checkAtNextRegion = checkNext;
  };

  while (r.pos < end) {
    const ins = decode(r);
    if (dead) {
      copy(body, ins);
      if (ins.kind === Kind.block || ins.kind === Kind.loop || ins.kind === Kind.if) depth++;
      else if (ins.kind === Kind.end) {
        if (depth === deadDepth) dead = false;
        depth--;
      } else if (ins.kind === Kind.else && depth === deadDepth) dead = false;
      continue;
    }
    if (!regionOpen) {
      regionOpen = true;
      regionStart = ins.start;
      regionInstrs = 0;
      regionMem = 0;
    }
    regionInstrs++;
    if (trace && (ins.kind === Kind.load || ins.kind === Kind.store)) {
      regionMem++;
      const slot = 4 * regionMem;
      if (ins.kind === Kind.store) region.u8(0x21).u32(TMP[ins.valueType!]!);
      region.u8(0x21).u32(ADDR).u8(0x20).u32(BASE).u8(0x20).u32(ADDR);
      storeI32(region, ctx.traceMem, slot);
      region.u8(0x20).u32(ADDR);
      if (ins.kind === Kind.store) region.u8(0x20).u32(TMP[ins.valueType!]!);
    }
    copy(region, ins);
    switch (ins.kind) {
      case Kind.block:
        depth++;
        break;
      case Kind.loop:
        depth++;
        closeRegion(true);
        break;
      case Kind.if:
        depth++;
        closeRegion(false);
        break;
      case Kind.else:
        closeRegion(false);
        break;
      case Kind.end:
        depth--;
        closeRegion(false);
        break;
      case Kind.brIf:
        closeRegion(false);
        break;
      case Kind.call:
        closeRegion(true);
        break;
      case Kind.jump:
        closeRegion(false);
        dead = true;
        deadDepth = depth;
        break;
      default:
        break;
    }
  }
  if (regionOpen || depth !== 0) throw new SandboxError('WASM_MALFORMED', `function ${funcIndex} body does not end with "end" (byte offset ${end})`);
  return { body, traceBytes };
}

function typeSection(m: WasmModule, typeOOF: number): Writer {
  const w = new Writer();
  w.u32(typeOOF + 1);
  const s = m.sections.find((x) => x.id === SectionId.type);
  if (s) {
    const r = new Reader(m.bytes, s.start, s.end);
    r.u32();
    w.bytes(m.bytes.subarray(r.pos, s.end));
  }
  w.u8(0x60).u32(1).u8(I32).u32(0);
  return w;
}

function importSection(m: WasmModule, typeOOF: number, trace: boolean): Writer {
  const w = new Writer();
  w.u32(m.imports.length + (trace ? 2 : 1));
  const s = m.sections.find((x) => x.id === SectionId.import);
  if (s) {
    const r = new Reader(m.bytes, s.start, s.end);
    r.u32();
    w.bytes(m.bytes.subarray(r.pos, s.end));
  }
  w.name(HOST_MODULE).name('out_of_fuel').u8(0).u32(typeOOF);
  if (trace) w.name(HOST_MODULE).name('flush').u8(0).u32(typeOOF);
  return w;
}

function memorySection(m: WasmModule, maxPages: number, trace: boolean, tracePages: number): Writer | null {
  const w = new Writer();
  const count = m.memories.length + (trace ? 1 : 0);
  if (count === 0) return null;
  w.u32(count);
  for (const lim of m.memories) {
    if (lim.min > maxPages)
      throw new SandboxError('MEMORY_LIMIT', `the module needs ${lim.min} memory pages at start; the limit is ${maxPages}`);
    const max = lim.max === null ? maxPages : Math.min(lim.max, maxPages);
    w.u8(0x01).u32(lim.min).u32(max);
  }
  if (trace) w.u8(0x01).u32(tracePages).u32(tracePages);
  return w;
}

/** Copies a constant expression, renumbering ref.func. */
function constExpr(r: Reader, w: Writer, remap: (f: number) => number): void {
  for (;;) {
    const ins = decode(r);
    if (ins.func !== undefined) {
      w.bytes(r.bytes.subarray(ins.start, ins.funcAt!)).u32(remap(ins.func));
    } else {
      w.bytes(r.bytes.subarray(ins.start, ins.end));
    }
    if (ins.kind === Kind.end) return;
  }
}

function globalSection(m: WasmModule, remap: (f: number) => number): Writer {
  const w = new Writer();
  w.u32(m.definedGlobals + 2);
  const s = m.sections.find((x) => x.id === SectionId.global);
  if (s) {
    const r = new Reader(m.bytes, s.start, s.end);
    const n = r.u32();
    for (let i = 0; i < n; i++) {
      w.u8(r.u8()).u8(r.u8()); // value type, mutability
      constExpr(r, w, remap);
    }
  }
  w.u8(I64).u8(1).u8(0x42).u8(0).u8(0x0b); // __bp_fuel
  w.u8(I32).u8(1).u8(0x41).u8(0).u8(0x0b); // __bp_tp (unused without trace; keeps indices fixed)
  return w;
}

function exportSection(
  m: WasmModule,
  remap: (f: number) => number,
  x: { globalFuel: number; globalTp: number; traceMem: number; trace: boolean; startName: string | null },
): Writer {
  const w = new Writer();
  const extra = 1 + (x.trace ? 2 : 0) + (x.startName !== null ? 1 : 0);
  w.u32(m.exports.length + extra);
  for (const e of m.exports) w.name(e.name).u8(e.kind).u32(e.kind === 0 ? remap(e.index) : e.index);
  if (x.startName !== null) w.name(x.startName).u8(0).u32(remap(m.start!));
  w.name(EXPORT_FUEL).u8(3).u32(x.globalFuel);
  if (x.trace) {
    w.name(EXPORT_TP).u8(3).u32(x.globalTp);
    w.name(EXPORT_TRACE_MEMORY).u8(2).u32(x.traceMem);
  }
  return w;
}

function elementSection(m: WasmModule, remap: (f: number) => number): Writer {
  const s = m.sections.find((x) => x.id === SectionId.element)!;
  const r = new Reader(m.bytes, s.start, s.end);
  const w = new Writer();
  const n = r.u32();
  w.u32(n);
  for (let i = 0; i < n; i++) {
    const at = r.pos;
    const flags = r.u32();
    w.u32(flags);
    if (flags > 7) throw unsupported(`element segment flags ${flags}`, at);
    const passiveOrDeclarative = (flags & 1) !== 0;
    const explicitTable = (flags & 2) !== 0;
    const usesExprs = (flags & 4) !== 0;
    if (!passiveOrDeclarative) {
      if (explicitTable) w.u32(r.u32());
      constExpr(r, w, remap);
    }
    if (passiveOrDeclarative || explicitTable) {
      const kindAt = r.pos;
      const kind = r.u8(); // elemkind (0x00) or reftype
      if (!usesExprs && kind !== 0x00) throw unsupported(`element kind 0x${kind.toString(16)}`, kindAt);
      w.u8(kind);
    }
    const count = r.u32();
    w.u32(count);
    for (let j = 0; j < count; j++) {
      if (usesExprs) constExpr(r, w, remap);
      else w.u32(remap(r.u32()));
    }
  }
  return w;
}

