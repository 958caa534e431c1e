/**
 * @module sandbox/instrument/instrument
 * The instrumentation pass: `instrument(wasm, options) → { wasm, meta }`, a pure bytes → bytes
 * rewrite of the code section (no re-encoding through binaryen, so the original instruction
 * stream — and each instruction's byte offset — is kept exactly).
 *
 * One pass per concern over a shared scaffold. The scaffold walks the module once: `body.ts` cuts
 * each function into straight-line regions and copies its instructions, asking each pass for its
 * code at fixed points (listed there); `sections.ts` rewrites the sections whose indices move and
 * assembles the output; `context.ts` holds what they share. The passes (`passes/`):
 * - `fuel.ts`: each region charged before it runs, the per-callback budget, bulk charges, version 7's branch-out;
 * - `trace.ts`: the trace stream (format 4's region records, format 5+'s bits, words and predictors), flushes;
 * - `depth.ts`: the call-depth limit;
 * - `limits.ts`: memory and table maxima, and V8's limits on what is added;
 * - `nan.ts`: NaN canonicalisation;
 * - `trampoline.ts`: the allocation-free bar entry;
 * and this file, which fixes the indices of everything added, runs the scaffold and returns the
 * module with its meta (the region table the static map, expanders, proofs and stops read).
 * `versions.ts`: the versions a run may record and the names the module adds.
 *
 * Invariants: the output validates whenever the input does; it computes exactly what the input
 * computes (the added code only touches the added globals, locals and memory); added imports come
 * after the original ones, so defined functions shift by the number of added imports and every
 * function reference (call, ref.func, exports, elements, globals, start) is renumbered. The bytes of
 * every version are pinned (test/golden/wat, test/golden, test/audit). Complexity: one linear pass.
 */
import { SandboxError } from '../../errors.ts';
import { Writer } from './bytes.ts';
import { parseModule, SectionId } from './module.ts';
import { predictorWords } from '../../../traces/trace-map.ts';
import { align8, functionLabel, lebSize, PAGE, RegionBuilder, TypeTable, I32, type CodeContext, type RegionTable, type V5Context } from './context.ts';
import { rewriteBody } from './body.ts';
import { assemble, elementSection, exportCount, exportSection, functionSection, globalSection, importSection } from './sections.ts';
import { branchOutFuelCheck } from './passes/fuel.ts';
import { bitWordBody, leanTrace, predictorSpillBody, traceBoundV5 } from './passes/trace.ts';
import { checkTables, memorySection, tableSection, MAX_EXPORTS, MAX_FUNCTION_BYTES, MAX_GLOBALS } from './passes/limits.ts';
import { barTrampolineBody, barTrampolineTarget } from './passes/trampoline.ts';
import {
  DEFAULT_FLUSH_THRESHOLD, INSTRUMENTER_OF, INSTRUMENTER_V4, INSTRUMENTER_VERSION, RESERVED_PREFIX, traceFormatOf, type TraceFormat,
} from './versions.ts';

export {
  HOST_MODULE, EXPORT_FUEL, EXPORT_BULK, EXPORT_DEPTH, EXPORT_RESERVE, EXPORT_GLOBAL_PREFIX, EXPORT_TP, EXPORT_TRACE_MEMORY, RESERVED_PREFIX,
  EXPORT_BAR_TRAMPOLINE, EXPORT_BAR_MEMORY, INSTRUMENTER_V4, INSTRUMENTER_V5, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8, INSTRUMENTER_VERSION,
  SUPPORTED_INSTRUMENTERS, EXPORT_BITS, EXPORT_BIT_SLOT, EXPORT_PREDICTORS, DEFAULT_FLUSH_THRESHOLD, traceFormatOf, type TraceFormat,
} from './versions.ts';
export type { RegionTable } from './context.ts';

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
  checkTables(m, maxTableElements);

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

  const { bytes: out, codeAt } = assemble(wasm, m, replaced);

  return {
    wasm: out,
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
