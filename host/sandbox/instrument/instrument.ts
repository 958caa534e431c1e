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
 * With a per-callback budget B, entering an exported function from the host (call depth 1) moves
 * all fuel above B into the i64 global `__bp_reserve`, and leaving it moves the reserve back: one
 * callback spends at most B, and the host never touches the fuel between callbacks.
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
 * Memory. The guest memory's maximum is forced to `maxMemoryPages` (growth past it returns -1);
 * tables likewise to `maxTableElements`. memory.fill/copy/init and table.fill/copy/init are charged
 * one extra fuel unit per 8 elements, memory.grow 8192 per page; these extra units are also added to
 * the i64 global `__bp_bulk`, so instructions executed = fuel used − bulk.
 *
 * Call depth. Every function increments the i32 global `__bp_depth` on entry and decrements it on
 * every exit (its body is wrapped in a block with the function's result type, so branches to the
 * function label exit through the decrement; each `return` decrements first). Past `maxCallDepth`
 * the host's `stack_exhausted(function)` throws — a deterministic limit, never V8's own RangeError.
 *
 * NaN. The result of every float operation that can produce a NaN (arithmetic, sqrt, min/max,
 * rounding, promote/demote) is replaced by the canonical quiet NaN when it is a NaN, as wasmtime's
 * `cranelift_nan_canonicalization` does, so no result depends on a NaN payload.
 *
 * Invariants: the output validates whenever the input does; it computes exactly what the input
 * computes (the added code only touches the added globals, locals and memory); added imports come
 * after the original ones, so defined functions shift by the number of added imports and every
 * function reference (call, ref.func, exports, elements, globals, start) is renumbered.
 * Complexity: one linear pass over the module.
 */
import { SandboxError } from '../../errors.ts';
import { Reader, Writer } from './bytes.ts';
import { decode, fixedStackEffect, Kind, unsupported, type Instr } from './opcodes.ts';
import { parseModule, SectionId, type WasmModule } from './module.ts';
import { predictorWords } from '../../../traces/trace-map.ts';

export const HOST_MODULE = '__backproof';
export const EXPORT_FUEL = '__bp_fuel';
export const EXPORT_BULK = '__bp_bulk';
export const EXPORT_DEPTH = '__bp_depth';
export const EXPORT_RESERVE = '__bp_reserve';
/** Mutable numeric globals of the guest are exported as `__bp_g<index>` for state snapshots (host-side only). */
export const EXPORT_GLOBAL_PREFIX = '__bp_g';
export const EXPORT_TP = '__bp_tp';
export const EXPORT_TRACE_MEMORY = '__bp_trace';
export const RESERVED_PREFIX = '__bp_';
/** Host entry for the bar callback that takes the bar from the bar memory (see `barTrampoline`). */
export const EXPORT_BAR_TRAMPOLINE = '__bp_on_bar';
/** The bar memory: time (i64) at 0, then open, high, low, close, volume (f64) at 8..40. */
export const EXPORT_BAR_MEMORY = '__bp_bar';
/** Trace format 4: one region id word per executed region, then its address words (docs/TRACE.md, "v4"). */
export const INSTRUMENTER_V4 = 'backproof-instrument/4';
/** Trace format 5: branch bits and stride-predicted addresses (docs/TRACE.md, "Trace records"). */
export const INSTRUMENTER_V5 = 'backproof-instrument/5';
/**
 * Trace format 6: format 5's module and stream plus keyframes, host records that let an expander
 * (and so a proof) start part-way through the stream (docs/TRACE.md, "Keyframes").
 */
export const INSTRUMENTER_V6 = 'backproof-instrument/6';
/**
 * Version 7: version 6, byte for byte when traced (its trace format is 6); fuel-only, its fuel check
 * branches out of the function to one `out_of_fuel` call after its body instead of calling it
 * inside every region, which V8 compiles loops better around (docs/TRACE.md, "Fuel").
 */
export const INSTRUMENTER_V7 = 'backproof-instrument/7';
/**
 * Version 8: version 7's modules with a period-2 address predictor — an address is predicted when
 * its distance from the slot's last address is the stride before the last one — so its trace
 * format is 8: format 6 with that predictor and three words a slot in keyframes (docs/TRACE.md, "Format 8").
 */
export const INSTRUMENTER_V8 = 'backproof-instrument/8';
/** The instrumenter new runs use (recorded in the toolchain link). */
export const INSTRUMENTER_VERSION = INSTRUMENTER_V8;
/** The instrumenters this installation can reproduce, oldest first. */
export const SUPPORTED_INSTRUMENTERS: readonly string[] = [INSTRUMENTER_V4, INSTRUMENTER_V5, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8];
/** The trace stream's format: 4, 5, 6 (also version 7's) or 8, named after the version that introduced it. */
export type TraceFormat = 4 | 5 | 6 | 8;
const INSTRUMENTER_OF: Record<TraceFormat, string> = { 4: INSTRUMENTER_V4, 5: INSTRUMENTER_V5, 6: INSTRUMENTER_V6, 8: INSTRUMENTER_V8 };
/** Exported in trace formats 5 and 6: the branch-bit accumulator and the stream position of its word. */
export const EXPORT_BITS = '__bp_bits';
export const EXPORT_BIT_SLOT = '__bp_bitslot';
/** Version 7 traced, predictors in globals: a function that copies them to the trace memory at `meta.predictorsAt` (for a keyframe). */
export const EXPORT_PREDICTORS = '__bp_predictors';

/** The trace format of a recorded instrumenter name; throws for one this installation does not have. */
export function traceFormatOf(instrumenter: string): TraceFormat {
  // Versions 1 to 3 are verified with version 4's pass, as they were before version 5 (they differ from it).
  if (/^backproof-instrument\/[1-4]$/.test(instrumenter)) return 4;
  if (instrumenter === INSTRUMENTER_V5) return 5;
  if (instrumenter === INSTRUMENTER_V6 || instrumenter === INSTRUMENTER_V7) return 6;
  if (instrumenter === INSTRUMENTER_V8) return 8;
  throw new SandboxError('WASM_UNSUPPORTED', `instrumenter "${instrumenter}" is not one this installation has (${SUPPORTED_INSTRUMENTERS.join(', ')})`);
}

/** Trace bytes buffered before the host is asked to flush, unless the options say otherwise. */
export const DEFAULT_FLUSH_THRESHOLD = 1 << 20;

export interface InstrumentOptions {
  /** Record the compact trace into a second memory (fuel metering is always on). */
  trace: boolean;
  /**
   * The instrumenter version to apply, by the name a run records (SUPPORTED_INSTRUMENTERS; `/1` to
   * `/3` get version 4's pass). Default: `format`'s version when `format` is given, else INSTRUMENTER_VERSION.
   */
  instrumenter?: string;
  /** Trace format 4, 5, 6 or 8, for the version of that number (ignored when `instrumenter` is given). */
  format?: TraceFormat;
  /** Forced maximum of the guest's linear memory, in 64 KiB pages. */
  maxMemoryPages: number;
  /** Trace bytes buffered before the host is asked to flush. Default 1 MiB. */
  flushThreshold?: number;
  /**
   * If set and the module exports a function of this name with type (i64, f64×5) → (), also add a
   * one-page memory the guest's code cannot address (`__bp_bar`) and a function `__bp_on_bar()`
   * that loads the bar from it and calls that export. The host then writes the bar with typed-array
   * stores and calls with no arguments: no BigInt for the i64 (JS's only i64 is a heap object) and
   * no boxed doubles, so the per-bar call allocates nothing. The trampoline is host code: it is not
   * metered, traced or depth-counted, and the callee sees exactly the call the host would have made.
   */
  barTrampoline?: string;
  /** If the module has a start function, export it under this name instead of running it at instantiation. */
  startExportName?: string;
  /** Deepest guest call nesting allowed. Default 512. */
  maxCallDepth?: number;
  /** Forced maximum of every table, in elements. Default 65536. */
  maxTableElements?: number;
  /** Replace NaN results of float arithmetic with the canonical NaN. Default true. */
  canonicalizeNaN?: boolean;
  /** Instruction budget of one call from the host into an exported function; null for none. Default null. */
  fuelPerCallback?: bigint | null;
}

/** Static facts about the regions, indexed by region id - 1. */
export interface RegionTable {
  /** Original function index. */
  func: Uint32Array;
  /** Byte offset of the region's first instruction in the original module. */
  offset: Uint32Array;
  instructions: Uint32Array;
  /** Loads and stores in the region. */
  memAccesses: Uint32Array;
  /** Address words the region writes (accesses whose address repeats an earlier one reuse its word). */
  recordedAccesses: Uint32Array;
  /** Start of the region's entries in `accessSlots`. */
  slotStart: Uint32Array;
  /** For each load/store, in region order: which recorded word holds its address operand. */
  accessSlots: Uint32Array;
}

export interface InstrumentMeta {
  instrumenter: string;
  format: TraceFormat;
  trace: boolean;
  regions: RegionTable;
  regionCount: number;
  importedFuncs: number;
  functionNames: Map<number, string>;
  maxMemoryPages: number;
  maxCallDepth: number;
  fuelPerCallback: bigint | null;
  traceMemoryPages: number;
  flushThreshold: number;
  /**
   * Formats 5 and up: where the address predictors sit in the trace memory, `predictorWords` u32
   * words a slot (formats 5 and 6: last address, last stride; format 8: last address, last stride,
   * the stride before it), and how many slots there are; 0, 0 and 0 in format 4.
   */
  predictorsAt: number;
  predictorSlots: number;
  predictorWords: number;
  /**
   * Byte offset in the instrumented module of every region instruction's copy, regions in id
   * order (ascending): maps the offset V8 reports for a trap back to the original instruction.
   */
  instrumentedOffsets: Uint32Array;
  /**
   * Bulk operations, by the site number their failed size charge passes to `out_of_fuel` as
   * −(site + 1): the region id and the instruction's 0-based position in it.
   */
  bulkSites: { region: Uint32Array; position: Uint32Array };
}

export interface Instrumented {
  wasm: Uint8Array;
  meta: InstrumentMeta;
}

const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c;
const CANONICAL_NAN_F32 = new Uint8Array([0x00, 0x00, 0xc0, 0x7f]);
const CANONICAL_NAN_F64 = new Uint8Array([0, 0, 0, 0, 0, 0, 0xf8, 0x7f]);
const PAGE = 65536;
const SECTION_ORDER = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11];

/**
 * Whether the fuel check branches out of the function (version 7 without the trace) or calls
 * out_of_fuel where it fails (versions 4 to 6, and version 7 traced, whose module is version 6's
 * byte for byte). Measured (CPU, load ~7): fuel alone on the heavy guest 1.26-1.32x the
 * uninstrumented run under the call, 0.97x branching out (bench/trace-overhead --busy); traced,
 * branching out was slower (heavy guest 1.02x and 1.056x version 6's, mem kernel 1.035x, paired
 * in one process), which the 4x trace target cannot spare, so a traced module keeps the call.
 */
function branchOutFuelCheck(instrumenter: string, trace: boolean): boolean {
  return (instrumenter === INSTRUMENTER_V7 || instrumenter === INSTRUMENTER_V8) && !trace;
}

/**
 * Whether a traced module keeps its trace cursor, bit accumulator and fuel in locals mirroring the
 * globals, pushes bits without calling the helper, and keeps its address predictors in globals
 * (version 7; the stream is version 6's word for word). Measured (CPU, paired in one process,
 * load ~2-4): the heavy guest 0.76-0.81x version 6's traced CPU; the mem kernel, half of whose
 * traced CPU is hashing the stream, 0.89-0.99x. Each part alone gained nothing measurable.
 * A function that version 7's additions (traced: the mirrors, the inlined pushes; fuel-only: the
 * branch-out) would take past V8's 50,000 locals or 7,654,321 body bytes is rewritten without them,
 * as version 6 would; a module whose version 6 has V8's 1,000,000 exports keeps its predictors in
 * the trace memory (no `__bp_predictors`).
 */
function leanTrace(instrumenter: string): boolean {
  return instrumenter === INSTRUMENTER_V7 || instrumenter === INSTRUMENTER_V8;
}


/** V8's limit on a module's globals: past it (2 per predictor slot) the predictors stay in the trace memory. */
const MAX_GLOBALS = 1_000_000;
/** V8's limit on a module's exports: version 7's `__bp_predictors` is one more than version 6 has. */
const MAX_EXPORTS = 1_000_000;
/** V8's limits on one function: its locals (parameters included) and its body's bytes (local declarations included). */
const MAX_FUNCTION_LOCALS = 50_000;
const MAX_FUNCTION_BYTES = 7_654_321;

export function instrument(wasm: Uint8Array, options: InstrumentOptions): Instrumented {
  const flushThreshold = options.flushThreshold ?? DEFAULT_FLUSH_THRESHOLD;
  if (!Number.isInteger(options.maxMemoryPages) || options.maxMemoryPages < 0 || options.maxMemoryPages > 65536)
    throw new RangeError(`maxMemoryPages ${options.maxMemoryPages} must be an integer in 0..65536`);
  const maxCallDepth = options.maxCallDepth ?? 512;
  const maxTableElements = options.maxTableElements ?? 65536;
  if (options.instrumenter === undefined && options.format !== undefined && INSTRUMENTER_OF[options.format] === undefined)
    throw new RangeError(`trace format ${options.format} must be 4, 5, 6 or 8`);
  const named = options.instrumenter ?? (options.format !== undefined ? INSTRUMENTER_OF[options.format] : INSTRUMENTER_VERSION);
  const format = traceFormatOf(named);
  // Versions 1 to 3 are applied as version 4; version 7 is version 6 but for a fuel-only module's fuel check.
  const instrumenter = format === 4 ? INSTRUMENTER_V4 : named;
  const m = parseModule(wasm);
  const trace = options.trace;
  // Format 6's module is format 5's: keyframes are written by the host.
  const v5 = trace && format >= 5;
  const added = trace ? 3 : 2; // out_of_fuel, stack_exhausted [, flush]
  const remap = (f: number): number => (f < m.importedFuncs ? f : f + added);
  for (const t of m.tables)
    if (t.limits.min > maxTableElements)
      throw new SandboxError('MEMORY_LIMIT', `a table needs ${t.limits.min} elements at start; the limit is ${maxTableElements}`);

  for (const e of m.exports)
    if (e.name.startsWith(RESERVED_PREFIX))
      throw new SandboxError('EXPORT_RESERVED', `export "${e.name}" uses the reserved prefix "${RESERVED_PREFIX}"`);

  // Index space of the added pieces.
  const types = new TypeTable(m.types);
  const typeHost = types.indexOf([I32], []); // (i32) -> ()
  const funcOOF = m.importedFuncs;
  const funcStack = m.importedFuncs + 1;
  const funcFlush = m.importedFuncs + 2;
  const globalFuel = m.importedGlobals + m.definedGlobals;
  const globalTp = globalFuel + 1;
  const globalDepth = globalFuel + 2;
  const globalBulk = globalFuel + 3;
  const globalReserve = globalFuel + 4;
  const exported = new Set(m.exports.filter((e) => e.kind === 0).map((e) => e.index));
  if (m.start !== null && options.startExportName !== undefined) exported.add(m.start);
  const traceMem = m.importedMemories + m.memories.length;
  const bar = barTrampolineTarget(m, options.barTrampoline);
  // Format 5 adds: globals (bit accumulator, its word's position, the call_indirect flag), the
  // address predictors in the trace memory above the stream's room, and one helper function.
  const typeHelper = v5 ? types.indexOf([], []) : -1;
  const bound = v5 ? traceBoundV5(m) : { maxBytes: 0, accesses: 0 };
  const accesses = bound.accesses;
  const lean = v5 && leanTrace(instrumenter);
  const v5x: V5Context | null = v5
    ? {
      globalAcc: globalFuel + 5, globalSlot: globalFuel + 6, globalInd: globalFuel + 7, funcBitWord: m.importedFuncs + added + m.bodies.length + (bar !== null ? 1 : 0),
      predictorsAt: align8(flushThreshold + bound.maxBytes + 8), slots: 0, words: predictorWords(format),
    }
    : null;

  // Past V8's limits (the instrumentation adds globals and exports): a clear refusal, not V8's compile error.
  const startName = options.startExportName;
  const convertStart = m.start !== null && startName !== undefined;
  const exportsWithout = exportCount(m, { trace, v5, convertStart, bar: bar !== null, predictorSpill: false });
  if (globalFuel + (v5 ? 8 : 5) > MAX_GLOBALS)
    throw new SandboxError('MODULE_LIMIT', `the module has ${globalFuel} globals; instrumented it would have ${globalFuel + (v5 ? 8 : 5)}, past V8's limit of ${MAX_GLOBALS}`);
  if (exportsWithout > MAX_EXPORTS)
    throw new SandboxError('MODULE_LIMIT', `the module has ${m.exports.length} exports and ${exportsWithout - m.exports.length} would be added (one a mutable global), past V8's limit of ${MAX_EXPORTS}`);

  const regions = new RegionBuilder();
  const ctx: CodeContext = {
    m, trace, remap, funcOOF, funcStack, funcFlush, globalFuel, globalTp, globalDepth, globalBulk, globalReserve, traceMem,
    flushThreshold, regions, types, maxCallDepth, canonicalizeNaN: options.canonicalizeNaN ?? true,
    fuelPerCallback: options.fuelPerCallback ?? null, exported, bulkRegion: [], bulkPosition: [], v5: v5x,
    branchOut: branchOutFuelCheck(instrumenter, trace),
    predictorGlobals: lean && v5x!.words * accesses + globalFuel + 8 <= MAX_GLOBALS && exportsWithout + 1 <= MAX_EXPORTS,
    mirror: lean ? { fuel: -1, tp: -1, acc: -1 } : null,
  };
  const branchOut = ctx.branchOut;
  const rewriteAll = () => {
    const code = new Writer(wasm.length * 2);
    code.u32(m.bodies.length + (bar !== null ? 1 : 0) + (v5x ? 1 : 0) + (ctx.predictorGlobals ? 1 : 0));
    let maxFunctionTraceBytes = 0;
    const copies: number[] = []; // offsets of the instruction copies in the code section payload
    for (let i = 0; i < m.bodies.length; i++) {
      // Version 7's mirrors and branch-out add locals and bytes version 6 does not: a function they
      // would take past V8's limits is rewritten without them, as version 6 would (the same stream).
      const mark = { regions: ctx.regions.count, bulk: ctx.bulkRegion.length, slots: v5x ? v5x.slots : 0 };
      ctx.mirror = lean ? { fuel: -1, tp: -1, acc: -1 } : null;
      ctx.branchOut = branchOut;
      let rewritten = rewriteBody(ctx, i);
      if (rewritten.body.length > MAX_FUNCTION_BYTES && (ctx.mirror !== null || ctx.branchOut)) {
        ctx.regions.truncate(mark.regions);
        ctx.bulkRegion.length = ctx.bulkPosition.length = mark.bulk;
        if (v5x) v5x.slots = mark.slots;
        ctx.mirror = null;
        ctx.branchOut = false;
        rewritten = rewriteBody(ctx, i);
      }
      const { body, traceBytes, copiedAt } = rewritten;
      if (body.length > MAX_FUNCTION_BYTES)
        throw new SandboxError('MODULE_LIMIT', `${functionLabel(m, m.importedFuncs + i)} is ${body.length} bytes once instrumented; V8's limit is ${MAX_FUNCTION_BYTES} a function`);
      maxFunctionTraceBytes = Math.max(maxFunctionTraceBytes, traceBytes);
      const bodyAt = code.length + lebSize(body.length);
      for (const at of copiedAt) copies.push(bodyAt + at);
      code.sized(body);
    }
    return { code, maxFunctionTraceBytes, copies };
  };
  let { code, maxFunctionTraceBytes, copies } = rewriteAll();
  let spill = ctx.predictorGlobals ? predictorSpillBody(ctx, v5x!) : null;
  if (spill !== null && spill.length > MAX_FUNCTION_BYTES) {
    // __bp_predictors (12 or 13 bytes a predictor word) would be past V8's function size, as with a
    // few hundred thousand slots (measured: 240,000 under version 8, 360,000 under version 7): the
    // predictors stay in the trace memory, as past the globals limit. Only a module V8 would refuse
    // otherwise is rewritten.
    ctx.predictorGlobals = false;
    ctx.regions.truncate(0);
    ctx.bulkRegion.length = ctx.bulkPosition.length = 0;
    v5x!.slots = 0;
    ({ code, maxFunctionTraceBytes, copies } = rewriteAll());
    spill = null;
  }
  const barMem = traceMem + (trace ? 1 : 0);
  let typeBar = -1;
  if (bar !== null) {
    typeBar = types.indexOf([], []);
    code.sized(barTrampolineBody(remap(bar), barMem));
  }
  if (v5x) code.sized(bitWordBody(ctx, v5x));
  if (spill !== null) code.sized(spill);
  const traceMemoryPages = v5x ? Math.ceil((v5x.predictorsAt + 4 * v5x.words * v5x.slots) / PAGE) : trace ? Math.ceil((flushThreshold + maxFunctionTraceBytes + 8) / PAGE) : 0;
  if (traceMemoryPages > 65536) throw new SandboxError('MEMORY_LIMIT', 'a function is too large to trace');

  const replaced = new Map<number, Writer | null>();
  replaced.set(SectionId.code, code);
  replaced.set(SectionId.type, types.section());
  replaced.set(SectionId.import, importSection(m, typeHost, trace));
  const addedTypes = [...(bar !== null ? [typeBar] : []), ...(v5x ? [typeHelper] : []), ...(ctx.predictorGlobals ? [typeHelper] : [])];
  if (addedTypes.length > 0) replaced.set(SectionId.function, functionSection(m, addedTypes));
  replaced.set(SectionId.memory, memorySection(m, options.maxMemoryPages, trace, traceMemoryPages, bar !== null));
  if (m.tables.length > 0) replaced.set(SectionId.table, tableSection(m, maxTableElements));
  replaced.set(SectionId.global, globalSection(m, remap, v5x !== null, ctx.predictorGlobals ? v5x!.words * v5x!.slots : 0));
  if (convertStart && m.exports.some((e) => e.name === startName))
    throw new SandboxError('EXPORT_RESERVED', `the module has a start function and also exports "${startName}"`);
  const barFunc = bar !== null ? m.importedFuncs + added + m.bodies.length : null;
  replaced.set(SectionId.export, exportSection(m, remap, { globalFuel, globalTp, globalDepth, globalBulk, globalReserve, traceMem, trace, startName: convertStart ? startName! : null, barFunc, barMem, v5: v5x, predictorSpill: ctx.predictorGlobals ? v5x!.funcBitWord + 1 : null }));
  replaced.set(SectionId.start, m.start !== null && !convertStart ? new Writer().u32(remap(m.start)) : null);
  if (m.sections.some((s) => s.id === SectionId.element)) replaced.set(SectionId.element, elementSection(m, remap));

  const out = new Writer(wasm.length * 3);
  out.bytes(wasm.subarray(0, 8));
  const emitted = new Set<number>();
  let codeAt = 0;
  const emit = (id: number, payload: Writer | null): void => {
    emitted.add(id);
    if (payload === null) return;
    if (id === SectionId.code) codeAt = out.length + 1 + lebSize(payload.length);
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
      instrumenter,
      format,
      trace,
      regions: regions.build(),
      regionCount: regions.count,
      importedFuncs: m.importedFuncs,
      functionNames: m.names,
      maxMemoryPages: options.maxMemoryPages,
      maxCallDepth,
      fuelPerCallback: options.fuelPerCallback ?? null,
      traceMemoryPages,
      flushThreshold,
      predictorsAt: v5x ? v5x.predictorsAt : 0,
      predictorSlots: v5x ? v5x.slots : 0,
      predictorWords: v5x ? v5x.words : 0,
      instrumentedOffsets: Uint32Array.from(copies, (at) => codeAt + at),
      bulkSites: { region: Uint32Array.from(ctx.bulkRegion), position: Uint32Array.from(ctx.bulkPosition) },
    },
  };
}

/** "function 3 ($name)", or "function 3" when the module names none. */
function functionLabel(m: WasmModule, funcIndex: number): string {
  const name = m.names.get(funcIndex);
  return `function ${funcIndex}${name ? ` (${name})` : ''}`;
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/**
 * Format 5: the most one function can write between two flush checks, bounded from its code alone
 * (before the rewrite, which places the predictors above it): 8 bytes for entry words, and per
 * region (each ends with one control instruction) 16 for bit words and a br_table/call_indirect
 * word, plus 8 per load/store (its miss word and its share of bit words). Also the module's loads
 * and stores (at least its predictor slots).
 */
function traceBoundV5(m: WasmModule): { maxBytes: number; accesses: number } {
  let max = 0;
  let accesses = 0;
  for (const { start, end } of m.bodies) {
    const r = new Reader(m.bytes, start, end);
    const decls = r.u32();
    for (let i = 0; i < decls; i++) {
      r.u32();
      r.u8();
    }
    let bytes = 8;
    while (r.pos < end) {
      const k = decode(r).kind;
      if (k === Kind.load || k === Kind.store) {
        bytes += 8;
        accesses++;
      } else if (k !== Kind.plain && k !== Kind.block) bytes += 16;
    }
    max = Math.max(max, bytes);
  }
  return { maxBytes: max, accesses };
}

function lebSize(n: number): number {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

class RegionBuilder {
  count = 0;
  private func: number[] = [];
  private offset: number[] = [];
  private instructions: number[] = [];
  private memAccesses: number[] = [];
  private recorded: number[] = [];
  private slotStart: number[] = [];
  private slots: number[] = [];

  /** Returns the new region's id (1-based; 0 is reserved). */
  add(func: number, offset: number, instructions: number, slots: readonly number[], recorded: number): number {
    this.func.push(func);
    this.offset.push(offset);
    this.instructions.push(instructions);
    this.memAccesses.push(slots.length);
    this.recorded.push(recorded);
    this.slotStart.push(this.slots.length);
    for (const x of slots) this.slots.push(x);
    return ++this.count;
  }

  /** Forgets the regions added after the first `count` (a function rewritten again). */
  truncate(count: number): void {
    if (count >= this.count) return;
    this.slots.length = this.slotStart[count]!;
    for (const a of [this.func, this.offset, this.instructions, this.memAccesses, this.recorded, this.slotStart]) a.length = count;
    this.count = count;
  }

  build(): RegionTable {
    return {
      func: Uint32Array.from(this.func),
      offset: Uint32Array.from(this.offset),
      instructions: Uint32Array.from(this.instructions),
      memAccesses: Uint32Array.from(this.memAccesses),
      recordedAccesses: Uint32Array.from(this.recorded),
      slotStart: Uint32Array.from(this.slotStart),
      accessSlots: Uint32Array.from(this.slots),
    };
  }
}

interface CodeContext {
  m: WasmModule;
  trace: boolean;
  remap: (f: number) => number;
  funcOOF: number;
  funcStack: number;
  funcFlush: number;
  globalFuel: number;
  globalTp: number;
  globalDepth: number;
  globalBulk: number;
  globalReserve: number;
  traceMem: number;
  flushThreshold: number;
  regions: RegionBuilder;
  types: TypeTable;
  maxCallDepth: number;
  canonicalizeNaN: boolean;
  fuelPerCallback: bigint | null;
  /** Functions the host can call (exports, and the start function turned into one). */
  exported: Set<number>;
  /** Bulk operation sites (meta.bulkSites), appended as the bodies are rewritten. */
  bulkRegion: number[];
  bulkPosition: number[];
  /** Format 5's added indices (null: format 4, or no trace). */
  v5: V5Context | null;
  /**
   * Version 7 without the trace (branchOutFuelCheck): a fuel check branches (with the region id or
   * bulk site) to the function's outer block, after which its one `out_of_fuel` call sits; otherwise
   * it calls `out_of_fuel` where it fails.
   */
  branchOut: boolean;
  /**
   * Version 7 traced (leanTrace): the address predictors are globals (two a slot, after the added
   * ones) rather than words of the trace memory; `__bp_predictors` copies them there for a keyframe.
   */
  predictorGlobals: boolean;
  /**
   * Version 7 traced (leanTrace): locals of the function being rewritten that mirror the fuel, tp
   * and bit accumulator globals — read from the local, written to both (so the globals are exact
   * wherever the host looks: a trap, a flush, out_of_fuel), reloaded on entry and after anything
   * that may move the globals (a call, a flush, a bulk charge). Null otherwise.
   */
  mirror: { fuel: number; tp: number; acc: number } | null;
}

interface V5Context {
  globalAcc: number;
  globalSlot: number;
  globalInd: number;
  /** Where the address predictors start in the trace memory (above the most a flush can find there). */
  predictorsAt: number;
  funcBitWord: number;
  /** Address predictor slots allotted so far, `words` u32 each in the predictor memory or globals (last address, last stride[, the stride before it]). */
  slots: number;
  /** 2 (formats 5 and 6: predicted when the distance from the last address is the last stride) or 3 (format 8: the stride before the last). */
  words: number;
}

/** The module's types plus any the instrumentation needs (appended, so no index moves). */
class TypeTable {
  private readonly types: { params: number[]; results: number[] }[];
  private readonly original: number;
  constructor(types: { params: number[]; results: number[] }[]) {
    this.types = [...types];
    this.original = types.length;
  }
  indexOf(params: number[], results: number[]): number {
    const key = (t: { params: number[]; results: number[] }) => `${t.params.join(',')}>${t.results.join(',')}`;
    const want = key({ params, results });
    for (let i = this.original; i < this.types.length; i++) if (key(this.types[i]!) === want) return i;
    this.types.push({ params, results });
    return this.types.length - 1;
  }
  section(): Writer {
    const w = new Writer();
    w.u32(this.types.length);
    for (const t of this.types) {
      w.u8(0x60).u32(t.params.length);
      for (const p of t.params) w.u8(p);
      w.u32(t.results.length);
      for (const r of t.results) w.u8(r);
    }
    return w;
  }
}

// Float operations whose NaN results are canonicalized, by result type.
const NAN_F32 = new Set([0x8d, 0x8e, 0x8f, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0xb6]);
const NAN_F64 = new Set([0x9b, 0x9c, 0x9d, 0x9e, 0x9f, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xbb]);
// Bulk operations charged by size before they run: the element count is the operand on top of the stack.
const BULK_SHIFT: Record<number, bigint> = {
  0xfc08: 3n, 0xfc0a: 3n, 0xfc0b: 3n, // memory.init/copy/fill: 1 per 8 bytes
  0xfc0c: 3n, 0xfc0e: 3n, 0xfc11: 3n, // table.init/copy/fill: 1 per 8 elements
};
const MEMORY_GROW = 0x40;
const BR_TABLE = 0x0e;
const CALL_INDIRECT = 0x11;
/** memory.grow is charged 8192 per page, after it runs and only when it grew (it returns −1 otherwise). */
const GROW_SHIFT = 13n;

/** Writes `i32.store` (align 4) into memory `mem` with a static offset. */
function storeI32(w: Writer, mem: number, offset: number): void {
  w.u8(0x36);
  if (mem === 0) w.u32(2);
  else w.u32(2 | 0x40).u32(mem);
  w.u32(offset);
}

/** Writes `i32.load` (align 4) from memory `mem` (never 0) with a static offset. */
function loadI32(w: Writer, mem: number, offset: number): void {
  w.u8(0x28).u32(2 | 0x40).u32(mem).u32(offset);
}

function getFuel(w: Writer, ctx: CodeContext): Writer {
  return ctx.mirror ? w.u8(0x20).u32(ctx.mirror.fuel) : w.u8(0x23).u32(ctx.globalFuel);
}
function setFuel(w: Writer, ctx: CodeContext): Writer {
  if (ctx.mirror) w.u8(0x22).u32(ctx.mirror.fuel);
  return w.u8(0x24).u32(ctx.globalFuel);
}
function getTp(w: Writer, ctx: CodeContext): Writer {
  return ctx.mirror ? w.u8(0x20).u32(ctx.mirror.tp) : w.u8(0x23).u32(ctx.globalTp);
}
function setTp(w: Writer, ctx: CodeContext): Writer {
  if (ctx.mirror) w.u8(0x22).u32(ctx.mirror.tp);
  return w.u8(0x24).u32(ctx.globalTp);
}
function getAcc(w: Writer, ctx: CodeContext, x: V5Context): Writer {
  return ctx.mirror ? w.u8(0x20).u32(ctx.mirror.acc) : w.u8(0x23).u32(x.globalAcc);
}
function setAcc(w: Writer, ctx: CodeContext, x: V5Context): Writer {
  if (ctx.mirror) w.u8(0x22).u32(ctx.mirror.acc);
  return w.u8(0x24).u32(x.globalAcc);
}
/** Mirroring: the locals take the globals' values again (after anything that may have changed them: a call, the host). */
function reloadMirror(w: Writer, ctx: CodeContext): void {
  if (!ctx.mirror) return;
  w.u8(0x23).u32(ctx.globalFuel).u8(0x21).u32(ctx.mirror.fuel);
  w.u8(0x23).u32(ctx.globalTp).u8(0x21).u32(ctx.mirror.tp);
  w.u8(0x23).u32(ctx.v5!.globalAcc).u8(0x21).u32(ctx.mirror.acc);
}

/** Format 5: appends the word `value()` leaves on the stack to the stream: mem[tp] = value; tp += 4. */
function appendWord(w: Writer, ctx: CodeContext, value: (w: Writer) => void): void {
  getTp(w, ctx);
  value(w);
  storeI32(w, ctx.traceMem, 0);
  setTp(getTp(w, ctx).u8(0x41).u8(4).u8(0x6a), ctx);
}

/**
 * Format 5: pushes the bit (0 or 1) on top of the stack into the accumulator. The accumulator holds
 * a marker 1 above its bits: 1 is empty (its word has no position yet), negative is full (31 bits);
 * both go to the helper, which stores a full word at its position and reserves the next one.
 */
function pushBit(w: Writer, ctx: CodeContext, x: V5Context): void {
  // Empty (1) or full (negative): acc - 2 >=u 0x7ffffffe, which is acc <s 2 (version 7's shorter test).
  if (ctx.mirror) getAcc(w, ctx, x).u8(0x41).u8(2).u8(0x48);
  else getAcc(w, ctx, x).u8(0x41).u8(2).u8(0x6b).u8(0x41).s32(0x7ffffffe).u8(0x4f);
  w.u8(0x04).u8(0x40);
  if (ctx.mirror) bitWordCode(w, ctx, x);
  else w.u8(0x10).u32(x.funcBitWord);
  w.u8(0x0b);
  setAcc(getAcc(w, ctx, x).u8(0x41).u8(1).u8(0x74).u8(0x72), ctx, x);
}

/** Versions 7 and 8 traced: `__bp_predictors()` stores every predictor global at its slot of the trace memory (last, stride[, stride before]). */
function predictorSpillBody(ctx: CodeContext, x: V5Context): Writer {
  const w = new Writer();
  w.u32(0);
  for (let k = 0; k < x.words * x.slots; k++) {
    w.u8(0x41).u8(0).u8(0x23).u32(ctx.globalFuel + 8 + k);
    storeI32(w, ctx.traceMem, x.predictorsAt + 4 * k);
  }
  w.u8(0x0b);
  return w;
}

/** The helper: if (acc < 0) mem[slot] = acc; slot = tp; tp += 4; acc = 1. */
function bitWordBody(ctx: CodeContext, x: V5Context): Writer {
  const w = new Writer();
  w.u32(0);
  bitWordCode(w, { ...ctx, mirror: null }, x);
  w.u8(0x0b);
  return w;
}
function bitWordCode(w: Writer, ctx: CodeContext, x: V5Context): void {
  getAcc(w, ctx, x).u8(0x41).u8(0).u8(0x48).u8(0x04).u8(0x40);
  getAcc(w.u8(0x23).u32(x.globalSlot), ctx, x);
  storeI32(w, ctx.traceMem, 0);
  w.u8(0x0b);
  getTp(w, ctx).u8(0x24).u32(x.globalSlot);
  setTp(getTp(w, ctx).u8(0x41).u8(4).u8(0x6a), ctx);
  setAcc(w.u8(0x41).u8(1), ctx, x);
}

function rewriteBody(ctx: CodeContext, defIndex: number): { body: Writer; traceBytes: number; copiedAt: number[] } {
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
  // Added: BASE, ADDR and 4 temporaries; format 5's DIST and HIT; version 7's mirrors (dropped for a function they would take past the limit).
  const addedLocals = (mirror: boolean) => 6 + (ctx.v5 ? 2 : 0) + (mirror ? 3 : 0);
  if (ctx.mirror && localCount + addedLocals(true) > MAX_FUNCTION_LOCALS) ctx.mirror = null;
  if (localCount + addedLocals(false) > MAX_FUNCTION_LOCALS)
    throw new SandboxError('MODULE_LIMIT', `${functionLabel(m, funcIndex)} has ${localCount} locals (its parameters included); instrumented it would have ${localCount + addedLocals(false)}, past V8's limit of ${MAX_FUNCTION_LOCALS} a function`);
  const BASE = localCount, ADDR = localCount + 1;
  const TMP: Record<number, number> = { [I32]: localCount + 2, [I64]: localCount + 3, [F32]: localCount + 4, [F64]: localCount + 5 };
  const x5 = ctx.v5;
  body.u32(declCount + (x5 ? 5 : 4) + (ctx.mirror ? 2 : 0)).bytes(decls.view());
  body.u32(3).u8(I32).u32(1).u8(I64).u32(1).u8(F32).u32(1).u8(F64);
  // Format 5: the address's distance from the slot's last one, and whether the prediction hit.
  const DIST = localCount + 6, HIT = localCount + 7;
  if (x5) body.u32(2).u8(I32);
  if (ctx.mirror) {
    body.u32(1).u8(I64).u32(2).u8(I32);
    ctx.mirror = { fuel: localCount + 8, tp: localCount + 9, acc: localCount + 10 };
  }

  // depth += 1; if (depth > max) stack_exhausted(func); block (result …)
  body.u8(0x23).u32(ctx.globalDepth).u8(0x41).u8(1).u8(0x6a).u8(0x24).u32(ctx.globalDepth);
  body.u8(0x23).u32(ctx.globalDepth).u8(0x41).s32(ctx.maxCallDepth).u8(0x4b);
  body.u8(0x04).u8(0x40).u8(0x41).s32(funcIndex).u8(0x10).u32(ctx.funcStack).u8(0x0b);
  const perCallback = ctx.fuelPerCallback !== null && ctx.exported.has(funcIndex);
  if (perCallback) {
    // if (depth == 1) { t = fuel - B; if (t > 0) { reserve = t; fuel = B } }
    body.u8(0x23).u32(ctx.globalDepth).u8(0x41).u8(1).u8(0x46).u8(0x04).u8(0x40);
    body.u8(0x23).u32(ctx.globalFuel).u8(0x42).sleb(ctx.fuelPerCallback!).u8(0x7d).u8(0x22).u32(TMP[I64]!);
    body.u8(0x42).u8(0).u8(0x55).u8(0x04).u8(0x40);
    body.u8(0x20).u32(TMP[I64]!).u8(0x24).u32(ctx.globalReserve).u8(0x42).sleb(ctx.fuelPerCallback!).u8(0x24).u32(ctx.globalFuel);
    body.u8(0x0b).u8(0x0b);
  }
  reloadMirror(body, ctx);
  let traceBytes = 0;
  if (x5) {
    // Entered from the host (depth 1): the entry word names the function. Entered by call_indirect
    // (the flag is set): the same word tells the expander which function the table gave.
    const entryWord = (w: Writer) => appendWord(w, ctx, (v) => v.u8(0x41).s32(funcIndex + 1));
    if (ctx.exported.has(funcIndex)) {
      body.u8(0x23).u32(ctx.globalDepth).u8(0x41).u8(1).u8(0x46).u8(0x04).u8(0x40);
      body.u8(0x41).u8(0).u8(0x24).u32(x5.globalInd);
      entryWord(body);
      body.u8(0x0b);
    }
    body.u8(0x23).u32(x5.globalInd).u8(0x04).u8(0x40);
    body.u8(0x41).u8(0).u8(0x24).u32(x5.globalInd);
    entryWord(body);
    body.u8(0x0b);
    traceBytes += 8;
  }
  // Branching out (version 7, fuel-only): block (result i32) around the body; a failed fuel check branches out of it with its
  // region id (or bulk site), to the one out_of_fuel call after it.
  if (ctx.branchOut) body.u8(0x02).u8(I32);
  body.u8(0x02);
  if (type.results.length === 0) body.u8(0x40);
  else if (type.results.length === 1) body.u8(type.results[0]!);
  else body.s32(ctx.types.indexOf([], type.results));
  const depthDown = (w: Writer): void => {
    w.u8(0x23).u32(ctx.globalDepth).u8(0x41).u8(1).u8(0x6b).u8(0x24).u32(ctx.globalDepth);
    if (perCallback) {
      // back at the host: if (depth == 0) { fuel += reserve; reserve = 0 }
      w.u8(0x23).u32(ctx.globalDepth).u8(0x45).u8(0x04).u8(0x40);
      w.u8(0x23).u32(ctx.globalFuel).u8(0x23).u32(ctx.globalReserve).u8(0x7c).u8(0x24).u32(ctx.globalFuel);
      w.u8(0x42).u8(0).u8(0x24).u32(ctx.globalReserve).u8(0x0b);
    }
  };

  let region = new Writer(256);
  let regionOpen = false;
  let regionStart = 0;
  let regionInstrs = 0;
  let regionMem = 0;
  let regionSlots: number[] = [];
  let regionCopies: number[] = []; // where each instruction's copy starts in `region`
  const copiedAt: number[] = []; // ... and in `body`
  // Symbolic operand stack of the open region: which values are a local's or global's current value
  // ("key:version"), or null. Lets an access whose address is such a value already recorded in the
  // region reuse its word. Globals change only by global.set within a region: calls end regions.
  const origins: (string | null)[] = [];
  const recordedOrigin = new Map<string, number>();
  const version = new Map<number, number>();
  let nextVersion = 0;
  const trackOrigins = (ins: Instr): void => {
    if (ins.op >= 0x20 && ins.op <= 0x24) {
      // locals are keyed by index, globals by -1 - index
      const index = new Reader(bytes, ins.start + 1, ins.end).u32();
      const key = ins.op >= 0x23 ? -1 - index : index;
      const writes = ins.op === 0x21 || ins.op === 0x22 || ins.op === 0x24;
      const reads = ins.op === 0x20 || ins.op === 0x22 || ins.op === 0x23;
      if (writes) {
        origins.pop();
        version.set(key, ++nextVersion);
      }
      if (reads) origins.push(`${key}:${version.get(key) ?? 0}`);
      return;
    }
    const effect = fixedStackEffect(ins.op);
    if (effect === null) return; // control: the region ends here, or the stack is unchanged (block)
    origins.length = Math.max(0, origins.length - effect[0]);
    for (let i = 0; i < effect[1]; i++) origins.push(null);
  };
  let checkAtNextRegion = true; // function entry
  let depth = 1; // labels open inside the wrapping block, itself included (the branch-out check's outer block is label `depth`)
  let regionDepth = 1; // depth where the open region starts (its fuel check runs there)
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
    const id = ctx.regions.add(funcIndex, regionStart, regionInstrs, trace ? regionSlots : [], regionMem);
    if (checkAtNextRegion && trace) {
      // if (tp > threshold) { flush(tp); tp = 0 }
      getTp(body, ctx).u8(0x41).s32(ctx.flushThreshold).u8(0x4b);
      body.u8(0x04).u8(0x40);
      getTp(body, ctx).u8(0x10).u32(ctx.funcFlush);
      body.u8(0x41).u8(0).u8(0x24).u32(ctx.globalTp);
      reloadMirror(body, ctx);
      body.u8(0x0b);
    }
    // fuel -= N; if (fuel < 0) out_of_fuel(id)  (branching out: id; br_if outer (fuel < 0); drop)
    setFuel(getFuel(body, ctx).u8(0x42).sleb(BigInt(regionInstrs)).u8(0x7d), ctx);
    if (ctx.branchOut) {
      getFuel(body.u8(0x41).s32(id), ctx).u8(0x42).u8(0).u8(0x53).u8(0x0d).u32(regionDepth).u8(0x1a);
    } else {
      getFuel(body, ctx).u8(0x42).u8(0).u8(0x53);
      body.u8(0x04).u8(0x40).u8(0x41).s32(id).u8(0x10).u32(ctx.funcOOF).u8(0x0b);
    }
    if (x5) traceBytes += 4 * (2 * regionMem + 4); // miss words, bit words, a br_table or call_indirect word
    else if (trace) {
      const size = 4 * (1 + regionMem);
      traceBytes += size;
      // base = tp; tp = base + size; mem[base] = id
      body.u8(0x23).u32(ctx.globalTp).u8(0x22).u32(BASE).u8(0x41).s32(size).u8(0x6a).u8(0x24).u32(ctx.globalTp);
      body.u8(0x20).u32(BASE).u8(0x41).s32(id);
      storeI32(body, ctx.traceMem, 0);
    }
    for (const at of regionCopies) copiedAt.push(body.length + at);
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
      regionDepth = depth;
      regionStart = ins.start;
      regionInstrs = 0;
      regionMem = 0;
      regionSlots = [];
      regionCopies = [];
      origins.length = 0;
      recordedOrigin.clear();
    }
    regionInstrs++;
    if (trace && (ins.kind === Kind.load || ins.kind === Kind.store)) {
      // The address operand: if it is a local's value already recorded in this region, reuse that word.
      const origin = origins[origins.length - (ins.kind === Kind.store ? 2 : 1)] ?? null;
      const earlier = origin === null ? undefined : recordedOrigin.get(origin);
      if (earlier !== undefined) {
        regionSlots.push(earlier);
      } else {
        regionSlots.push(regionMem);
        if (origin !== null) recordedOrigin.set(origin, regionMem);
        regionMem++;
        const slot = 4 * regionMem;
        if (ins.kind === Kind.store) region.u8(0x21).u32(TMP[ins.valueType!]!);
        if (x5 && x5.words === 3) {
          // Format 8, period 2: hit = (addr - last == stride2); push hit; if (!hit) append addr;
          // stride2 = stride; stride = addr - last; last = addr. In globals (last, stride, stride2 at
          // 3k, 3k + 1, 3k + 2 from the first predictor global) or at 12k in the trace memory.
          const k = x5.slots++;
          const get = (w: Writer, word: number): Writer => ctx.predictorGlobals ? w.u8(0x23).u32(ctx.globalFuel + 8 + 3 * k + word) : (loadI32(w.u8(0x41).u8(0), ctx.traceMem, x5.predictorsAt + 12 * k + 4 * word), w);
          const set = (w: Writer, word: number, value: (w: Writer) => void): void => {
            if (ctx.predictorGlobals) {
              value(w);
              w.u8(0x24).u32(ctx.globalFuel + 8 + 3 * k + word);
            } else {
              value(w.u8(0x41).u8(0));
              storeI32(w, ctx.traceMem, x5.predictorsAt + 12 * k + 4 * word);
            }
          };
          get(region.u8(0x21).u32(ADDR).u8(0x20).u32(ADDR), 0).u8(0x6b).u8(0x22).u32(DIST);
          get(region, 2).u8(0x46).u8(0x22).u32(HIT);
          pushBit(region, ctx, x5);
          region.u8(0x20).u32(HIT).u8(0x45).u8(0x04).u8(0x40);
          appendWord(region, ctx, (v) => v.u8(0x20).u32(ADDR));
          region.u8(0x0b);
          set(region, 2, (w) => get(w, 1));
          set(region, 1, (w) => w.u8(0x20).u32(DIST));
          set(region, 0, (w) => w.u8(0x20).u32(ADDR));
        } else if (x5 && ctx.predictorGlobals) {
          // Predictors in globals: last at 2k, stride at 2k + 1 from the first predictor global.
          const g = ctx.globalFuel + 8 + 2 * x5.slots++;
          region.u8(0x21).u32(ADDR).u8(0x20).u32(ADDR).u8(0x23).u32(g);
          region.u8(0x6b).u8(0x22).u32(DIST).u8(0x23).u32(g + 1);
          region.u8(0x46).u8(0x22).u32(HIT);
          pushBit(region, ctx, x5);
          region.u8(0x20).u32(HIT).u8(0x45).u8(0x04).u8(0x40);
          appendWord(region, ctx, (v) => v.u8(0x20).u32(ADDR));
          region.u8(0x20).u32(DIST).u8(0x24).u32(g + 1);
          region.u8(0x0b);
          region.u8(0x20).u32(ADDR).u8(0x24).u32(g);
        } else if (x5) {
          // hit = (addr - last == stride); push hit; if (!hit) { append addr; stride = addr - last }; last = addr
          const at = x5.predictorsAt + 8 * x5.slots++;
          region.u8(0x21).u32(ADDR).u8(0x20).u32(ADDR).u8(0x41).u8(0);
          loadI32(region, ctx.traceMem, at);
          region.u8(0x6b).u8(0x22).u32(DIST).u8(0x41).u8(0);
          loadI32(region, ctx.traceMem, at + 4);
          region.u8(0x46).u8(0x22).u32(HIT);
          pushBit(region, ctx, x5);
          region.u8(0x20).u32(HIT).u8(0x45).u8(0x04).u8(0x40);
          appendWord(region, ctx, (v) => v.u8(0x20).u32(ADDR));
          region.u8(0x41).u8(0).u8(0x20).u32(DIST);
          storeI32(region, ctx.traceMem, at + 4);
          region.u8(0x0b);
          region.u8(0x41).u8(0).u8(0x20).u32(ADDR);
          storeI32(region, ctx.traceMem, at);
        } else {
          region.u8(0x21).u32(ADDR).u8(0x20).u32(BASE).u8(0x20).u32(ADDR);
          storeI32(region, ctx.traceMem, slot);
        }
        region.u8(0x20).u32(ADDR);
        if (ins.kind === Kind.store) region.u8(0x20).u32(TMP[ins.valueType!]!);
      }
    }
    if (trace) trackOrigins(ins);
    const bulk = BULK_SHIFT[ins.op];
    // A size charge that does not fit stops the run at this instruction: out_of_fuel(−(site + 1)).
    const site = bulk !== undefined || ins.op === MEMORY_GROW ? -(addBulkSite(ctx, regionInstrs - 1) + 1) : 0;
    if (bulk !== undefined) {
      // n stays on the stack; cost = n >> 3; if (cost > fuel) out_of_fuel(site); fuel -= cost; bulk += cost
      region.u8(0x22).u32(TMP[I32]!).u8(0x20).u32(TMP[I32]!).u8(0xad).u8(0x42).sleb(bulk).u8(0x88).u8(0x22).u32(TMP[I64]!);
      chargeBulk(region, ctx, site, TMP[I64]!, depth);
      reloadMirror(region, ctx);
    }
    if (ins.op === 0x0f) depthDown(region);
    if (ins.op === MEMORY_GROW) region.u8(0x22).u32(ADDR); // keep the page count (ADDR is free outside an access)
    if (x5) {
      if (ins.kind === Kind.brIf || ins.kind === Kind.if) {
        // the branch bit: condition != 0
        region.u8(0x22).u32(TMP[I32]!).u8(0x41).u8(0).u8(0x47);
        pushBit(region, ctx, x5);
        region.u8(0x20).u32(TMP[I32]!);
      } else if (ins.op === BR_TABLE) {
        region.u8(0x21).u32(TMP[I32]!);
        appendWord(region, ctx, (v) => v.u8(0x20).u32(TMP[I32]!));
        region.u8(0x20).u32(TMP[I32]!);
      } else if (ins.op === CALL_INDIRECT) {
        region.u8(0x41).u8(1).u8(0x24).u32(x5.globalInd);
      }
    }
    regionCopies.push(region.length);
    copy(region, ins);
    if (ins.kind === Kind.call) reloadMirror(region, ctx); // the callee (or the host) moved fuel, tp and the bits
    if (x5 && ins.op === CALL_INDIRECT) {
      // The callee was an import (no function of the module cleared the flag): word 0.
      region.u8(0x23).u32(x5.globalInd).u8(0x04).u8(0x40).u8(0x41).u8(0).u8(0x24).u32(x5.globalInd);
      appendWord(region, ctx, (v) => v.u8(0x41).u8(0));
      region.u8(0x0b);
    }
    if (ins.op === MEMORY_GROW) {
      // r = grow(n); if (r != -1) { cost = n << 13; if (cost > fuel) out_of_fuel(site); fuel -= cost; bulk += cost }; r
      region.u8(0x22).u32(TMP[I32]!).u8(0x41).s32(-1).u8(0x47).u8(0x04).u8(0x40);
      region.u8(0x20).u32(ADDR).u8(0xad).u8(0x42).sleb(GROW_SHIFT).u8(0x86).u8(0x22).u32(TMP[I64]!);
      chargeBulk(region, ctx, site, TMP[I64]!, depth + 1);
      reloadMirror(region, ctx);
      region.u8(0x0b);
      region.u8(0x20).u32(TMP[I32]!);
    }
    if (ctx.canonicalizeNaN) {
      if (NAN_F32.has(ins.op)) {
        // select(x, NaN, x == x)
        region.u8(0x22).u32(TMP[F32]!).u8(0x43).bytes(CANONICAL_NAN_F32);
        region.u8(0x20).u32(TMP[F32]!).u8(0x20).u32(TMP[F32]!).u8(0x5b).u8(0x1b);
      } else if (NAN_F64.has(ins.op)) {
        region.u8(0x22).u32(TMP[F64]!).u8(0x44).bytes(CANONICAL_NAN_F64);
        region.u8(0x20).u32(TMP[F64]!).u8(0x20).u32(TMP[F64]!).u8(0x61).u8(0x1b);
      }
    }
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
  // The original final `end` closed the wrapping block: leave the function through the decrement.
  depthDown(body);
  // Branching out: return; end of the outer block, reached only by a failed check: out_of_fuel(id); unreachable.
  if (ctx.branchOut) body.u8(0x0f).u8(0x0b).u8(0x10).u32(ctx.funcOOF).u8(0x00);
  body.u8(0x0b);
  return { body, traceBytes, copiedAt };
}

/** Registers a bulk operation at `position` in the region being built (its id is the next one). */
function addBulkSite(ctx: CodeContext, position: number): number {
  ctx.bulkRegion.push(ctx.regions.count + 1);
  ctx.bulkPosition.push(position);
  return ctx.bulkRegion.length - 1;
}

/**
 * With the cost (i64) in local `cost` and on the stack: if (cost > fuel) out_of_fuel(site); fuel -= cost; bulk += cost.
 * Branching out (version 7, fuel-only) instead: to label `outer` (the function's outer block, seen from here).
 */
function chargeBulk(w: Writer, ctx: CodeContext, site: number, cost: number, outer: number): void {
  if (ctx.branchOut) w.u8(0x1a).u8(0x41).s32(site).u8(0x20).u32(cost).u8(0x23).u32(ctx.globalFuel).u8(0x55).u8(0x0d).u32(outer).u8(0x1a);
  else w.u8(0x23).u32(ctx.globalFuel).u8(0x55).u8(0x04).u8(0x40).u8(0x41).s32(site).u8(0x10).u32(ctx.funcOOF).u8(0x0b);
  w.u8(0x23).u32(ctx.globalFuel).u8(0x20).u32(cost).u8(0x7d).u8(0x24).u32(ctx.globalFuel);
  w.u8(0x23).u32(ctx.globalBulk).u8(0x20).u32(cost).u8(0x7c).u8(0x24).u32(ctx.globalBulk);
}

function importSection(m: WasmModule, typeHost: number, trace: boolean): Writer {
  const w = new Writer();
  w.u32(m.imports.length + (trace ? 3 : 2));
  const s = m.sections.find((x) => x.id === SectionId.import);
  if (s) {
    const r = new Reader(m.bytes, s.start, s.end);
    r.u32();
    w.bytes(m.bytes.subarray(r.pos, s.end));
  }
  w.name(HOST_MODULE).name('out_of_fuel').u8(0).u32(typeHost);
  w.name(HOST_MODULE).name('stack_exhausted').u8(0).u32(typeHost);
  if (trace) w.name(HOST_MODULE).name('flush').u8(0).u32(typeHost);
  return w;
}

/** The (original) index of the function the bar trampoline calls, or null when there is none to call. */
function barTrampolineTarget(m: WasmModule, name: string | undefined): number | null {
  if (name === undefined) return null;
  const e = m.exports.find((x) => x.kind === 0 && x.name === name);
  if (!e) return null;
  const type = m.types[e.index < m.importedFuncs ? importedFuncType(m, e.index) : m.funcTypes[e.index - m.importedFuncs]!];
  const want = [I64, F64, F64, F64, F64, F64];
  if (!type || type.results.length !== 0 || type.params.length !== want.length || type.params.some((p, i) => p !== want[i])) return null;
  return e.index;
}

function importedFuncType(m: WasmModule, funcIndex: number): number {
  let seen = 0;
  for (const imp of m.imports) if (imp.kind === 'func' && seen++ === funcIndex) return imp.type!;
  return -1;
}

/** () → callee(i64 at 0, f64 at 8, 16, 24, 32, 40 of memory `mem`). */
function barTrampolineBody(callee: number, mem: number): Writer {
  const w = new Writer();
  w.u32(0); // no locals
  w.u8(0x41).u8(0).u8(0x29).u32(3 | 0x40).u32(mem).u32(0); // i32.const 0; i64.load align=8 mem offset=0
  for (let off = 8; off <= 40; off += 8) w.u8(0x41).u8(0).u8(0x2b).u32(3 | 0x40).u32(mem).u32(off); // f64.load
  w.u8(0x10).u32(callee).u8(0x0b);
  return w;
}

/** The function section with the added functions (the bar trampoline, format 5's helper) of types `added`. */
function functionSection(m: WasmModule, added: readonly number[]): Writer {
  const w = new Writer();
  w.u32(m.funcTypes.length + added.length);
  for (const t of m.funcTypes) w.u32(t);
  for (const t of added) w.u32(t);
  return w;
}

function tableSection(m: WasmModule, maxElements: number): Writer {
  const w = new Writer();
  w.u32(m.tables.length);
  for (const t of m.tables) {
    const max = t.limits.max === null ? maxElements : Math.min(t.limits.max, maxElements);
    w.u8(t.refType).u8(0x01).u32(t.limits.min).u32(max);
  }
  return w;
}

function memorySection(m: WasmModule, maxPages: number, trace: boolean, tracePages: number, barMemory: boolean): Writer | null {
  const w = new Writer();
  const count = m.memories.length + (trace ? 1 : 0) + (barMemory ? 1 : 0);
  if (count === 0) return null;
  w.u32(count);
  for (const lim of m.memories) {
    if (lim.min > maxPages)
      throw new SandboxError('MEMORY_LIMIT', `the module needs ${lim.min} memory pages at start; the limit is ${maxPages}`);
    const max = lim.max === null ? maxPages : Math.min(lim.max, maxPages);
    w.u8(0x01).u32(lim.min).u32(max);
  }
  if (trace) w.u8(0x01).u32(tracePages).u32(tracePages);
  if (barMemory) w.u8(0x01).u32(1).u32(1);
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

function globalSection(m: WasmModule, remap: (f: number) => number, v5: boolean, predictorGlobals: number): Writer {
  const w = new Writer();
  w.u32(m.definedGlobals + (v5 ? 8 : 5) + predictorGlobals);
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
  w.u8(I32).u8(1).u8(0x41).u8(0).u8(0x0b); // __bp_depth
  w.u8(I64).u8(1).u8(0x42).u8(0).u8(0x0b); // __bp_bulk
  w.u8(I64).u8(1).u8(0x42).u8(0).u8(0x0b); // __bp_reserve
  if (v5) {
    w.u8(I32).u8(1).u8(0x41).u8(1).u8(0x0b); // __bp_bits: the accumulator, empty (marker only)
    w.u8(I32).u8(1).u8(0x41).u8(0).u8(0x0b); // __bp_bitslot
    w.u8(I32).u8(1).u8(0x41).u8(0).u8(0x0b); // the call_indirect flag
  }
  for (let i = 0; i < predictorGlobals; i++) w.u8(I32).u8(1).u8(0x41).u8(0).u8(0x0b);
  return w;
}

function exportSection(
  m: WasmModule,
  remap: (f: number) => number,
  x: { globalFuel: number; globalTp: number; globalDepth: number; globalBulk: number; globalReserve: number; traceMem: number; trace: boolean; startName: string | null; barFunc: number | null; barMem: number; v5: V5Context | null; predictorSpill: number | null },
): Writer {
  const w = new Writer();
  const snapshotGlobals = m.globalTypes.map((g, i) => ({ ...g, index: m.importedGlobals + i })).filter(isSnapshotGlobal);
  w.u32(exportCount(m, { trace: x.trace, v5: x.v5 !== null, convertStart: x.startName !== null, bar: x.barFunc !== null, predictorSpill: x.predictorSpill !== null }));
  for (const g of snapshotGlobals) w.name(`${EXPORT_GLOBAL_PREFIX}${g.index}`).u8(3).u32(g.index);
  for (const e of m.exports) w.name(e.name).u8(e.kind).u32(e.kind === 0 ? remap(e.index) : e.index);
  if (x.startName !== null) w.name(x.startName).u8(0).u32(remap(m.start!));
  if (x.barFunc !== null) w.name(EXPORT_BAR_TRAMPOLINE).u8(0).u32(x.barFunc).name(EXPORT_BAR_MEMORY).u8(2).u32(x.barMem);
  w.name(EXPORT_FUEL).u8(3).u32(x.globalFuel);
  w.name(EXPORT_BULK).u8(3).u32(x.globalBulk);
  w.name(EXPORT_DEPTH).u8(3).u32(x.globalDepth);
  w.name(EXPORT_RESERVE).u8(3).u32(x.globalReserve);
  if (x.trace) {
    w.name(EXPORT_TP).u8(3).u32(x.globalTp);
    w.name(EXPORT_TRACE_MEMORY).u8(2).u32(x.traceMem);
  }
  if (x.v5) w.name(EXPORT_BITS).u8(3).u32(x.v5.globalAcc).name(EXPORT_BIT_SLOT).u8(3).u32(x.v5.globalSlot);
  if (x.predictorSpill !== null) w.name(EXPORT_PREDICTORS).u8(0).u32(x.predictorSpill);
  return w;
}

/** Mutable numeric globals, exported as `__bp_g<index>` for state snapshots. */
function isSnapshotGlobal(g: { type: number; mutable: boolean }): boolean {
  return g.mutable && g.type >= 0x7c && g.type <= 0x7f;
}

/** The instrumented module's exports: the module's, its snapshot globals and the added ones. */
function exportCount(m: WasmModule, x: { trace: boolean; v5: boolean; convertStart: boolean; bar: boolean; predictorSpill: boolean }): number {
  const added = 4 + (x.trace ? 2 : 0) + (x.v5 ? 2 : 0) + (x.predictorSpill ? 1 : 0) + (x.convertStart ? 1 : 0) + (x.bar ? 2 : 0);
  return m.exports.length + m.globalTypes.filter(isSnapshotGlobal).length + added;
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

