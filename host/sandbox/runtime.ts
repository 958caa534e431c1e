/**
 * @module sandbox/runtime
 * wasmtime's vocabulary: a `SandboxConfig` fixed once, a `GuestModule` checked, instrumented and
 * compiled once, and a short-lived `GuestInstance` per run that owns its fuel, memory and trace.
 * Imports are resolved by name against the ABI allow-list only; nothing ambient reaches the guest.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { SandboxError } from '../errors.ts';
import { isoTime, TIME_HI, TIME_LO, type Bars } from '../model/bars.ts';
import type { OrderEvents } from '../model/order.ts';
import type { TradeLog } from '../model/trade.ts';
import {
  TraceChunker, ParallelChunker, prewarmHashWorker, hasKeyframes, DEFAULT_CHUNK_SIZE, endRecord, keyframeRecord, keyframeTable, snapshotRecord, stopRecord, STOP_FUEL, STOP_TRAP,
  type TraceCommitment,
} from '../../traces/index.ts';
import {
  ALLOWED_IMPORTS, EXPORT_INIT, EXPORT_MEMORY, EXPORT_ON_BAR, ON_BAR_SIGNATURE, signatureText, type GuestHost,
  EXPORT_ON_ORDER, ON_ORDER_SIGNATURE, EXPORT_ON_TRADE, ON_TRADE_SIGNATURE, numericHostCalls, type ImportSpec,
} from './abi.ts';
import {
  instrument, INSTRUMENTER_VERSION, EXPORT_BITS, EXPORT_BIT_SLOT, EXPORT_PREDICTORS, EXPORT_BAR_MEMORY, EXPORT_BAR_TRAMPOLINE, EXPORT_BULK, EXPORT_FUEL, EXPORT_RESERVE, EXPORT_GLOBAL_PREFIX, EXPORT_TP, EXPORT_TRACE_MEMORY, HOST_MODULE, type InstrumentMeta, type InstrumentOptions,
} from './instrument/instrument.ts';
import { parseModule, type Export, type Import, type WasmModule } from './instrument/module.ts';
import { checkNesting } from './instrument/nesting.ts';
import { glueFor, type Glue } from './glue.ts';
import { bulkSite, functionAt, siteAt, trapPosition, trapSite, wasmCallPosition, type StopSite } from './stop.ts';

/** none: the original module (benchmarks only); fuel: metered; trace: metered and traced. */
export type InstrumentationMode = 'none' | 'fuel' | 'trace';

export interface SandboxConfig {
  mode: InstrumentationMode;
  /** Instruction budget for the whole run. */
  fuel: bigint;
  /** Instruction budget for one callback (init, or one bar); null for none. */
  fuelPerCallback: bigint | null;
  /** Guest linear memory limit in 64 KiB pages. */
  maxMemoryPages: number;
  /** Largest wasm module accepted, in bytes. */
  maxModuleBytes: number;
  /** Value returned by `env.seed` (AssemblyScript's Math.random seed). */
  seed: number;
  /** Trace bytes per Merkle leaf. */
  chunkSize: number;
  /** Deepest guest call nesting. */
  maxCallDepth: number;
  /** Most functions (imported + defined) a module may have. */
  maxFunctions: number;
  /** Hash trace leaves on this thread, or share the hashing with a pooled worker thread (same bytes, same root). */
  hashing: TraceHashing;
  /** Sees every piece of the trace stream as it is flushed (e.g. to expand it); the bytes are only valid during the call. */
  onTrace?: (bytes: Uint8Array) => void;
  /**
   * The instrumenter (and so the trace format) to use: a run's recorded one when it is re-executed
   * or verified. Default: INSTRUMENTER_VERSION, what new runs use.
   */
  instrumenter?: string;
  /**
   * Trace bytes buffered before a flush (default 1 MiB). Tests only: it is part of the instrumented
   * module, so a run recorded with another value would not verify.
   */
  flushThreshold?: number;
  /**
   * The run's wall-clock limit in ms (its watchdog, run/worker), when it has one: a runtime whose guest
   * lives in a process of its own kills it then (sandbox/process), as the watchdog cannot end a thread
   * blocked on that process. Not part of the instrumented module; never recorded.
   */
  timeoutMs?: number;
}

export type TraceHashing = 'inline' | 'worker';

/**
 * Where a run hashes its trace by default. A hash worker only pays when it has a core of its own:
 * on two cores, with anything else running, it takes the guest's core part of the time and its
 * hashing costs more (the bytes cross cores), so inline is faster there (bench/trace-overhead.ts).
 * The root is the same either way.
 */
export function defaultTraceHashing(cores: number = availableParallelism()): TraceHashing {
  return cores > 2 ? 'worker' : 'inline';
}

export const DEFAULT_SANDBOX: SandboxConfig = {
  mode: 'trace',
  fuel: 1n << 34n,
  fuelPerCallback: 100_000_000n,
  maxMemoryPages: 256,
  maxModuleBytes: 16 << 20,
  seed: 0,
  chunkSize: DEFAULT_CHUNK_SIZE,
  maxCallDepth: 512,
  maxFunctions: 100_000,
  hashing: defaultTraceHashing(),
};

export interface GuestModule {
  readonly mode: InstrumentationMode;
  readonly module: WebAssembly.Module;
  /** The bytes that run: instrumented unless mode is 'none'. */
  readonly wasm: Uint8Array;
  readonly meta: InstrumentMeta | null;
  /** The module as given (traps and stops are located in it). */
  readonly original: Uint8Array;
  readonly hasInit: boolean;
  readonly hasOnOrder: boolean;
  /** The guest's mutable numeric globals as exported for snapshots, in index order. */
  readonly snapshotGlobals: { name: string; type: number }[];
  readonly hasOnTrade: boolean;
  readonly functionNames: Map<number, string>;
  /** The source position (`file.ts:line:col`) of an original byte offset, when the module came with a source map. */
  readonly locate: ((offset: number) => string | null) | null;
}

export interface CompileOptions {
  /** Names the source position of an original byte offset in fault messages (run/strategy binds it to the module's source map). */
  locate?: (offset: number) => string | null;
}

function compileError(e: unknown): SandboxError {
  const msg = e instanceof Error ? e.message : String(e);
  // V8 reports "... @+<offset>": keep it, it is the byte offset.
  return new SandboxError('WASM_MALFORMED', `invalid wasm module: ${msg}`, { cause: e });
}

/** The instrumentation a sandbox config implies (also used by verify to recompute the module). */
export function instrumentOptionsFor(config: SandboxConfig): InstrumentOptions {
  return {
    trace: config.mode === 'trace',
    instrumenter: config.instrumenter ?? INSTRUMENTER_VERSION,
    maxMemoryPages: config.maxMemoryPages,
    maxCallDepth: config.maxCallDepth,
    fuelPerCallback: config.fuelPerCallback,
    startExportName: EXPORT_INIT,
    barTrampoline: EXPORT_ON_BAR,
    ...(config.flushThreshold !== undefined ? { flushThreshold: config.flushThreshold } : {}),
  };
}

/** Checks the module against the ABI, instruments it for `config.mode` and compiles it. */
export function compileGuest(original: Uint8Array, config: SandboxConfig, options: CompileOptions = {}): GuestModule {
  if (original.length > config.maxModuleBytes)
    throw new SandboxError('WASM_MALFORMED', `module is ${original.length} bytes; the limit is ${config.maxModuleBytes}`);
  if (!WebAssembly.validate(original as BufferSource)) {
    try {
      new WebAssembly.Module(original as BufferSource);
    } catch (e) {
      throw compileError(e);
    }
  }
  const parsed = parseModule(original);
  const functions = parsed.importedFuncs + parsed.funcTypes.length;
  if (functions > config.maxFunctions)
    throw new SandboxError('MODULE_LIMIT', `module has ${functions} functions; the limit is ${config.maxFunctions}`);
  // Checked here, whatever the mode (the instrumenter checks it too): a module never starts with more memory than allowed.
  for (const lim of parsed.memories)
    if (lim.min > config.maxMemoryPages)
      throw new SandboxError('MEMORY_LIMIT', `the module declares ${lim.min} memory pages at start; the limit (--max-memory-pages) is ${config.maxMemoryPages}`);
  const { hasOnOrder, hasOnTrade, initExport } = checkAbi(parsed);

  // The hash worker boots while the module is instrumented and compiled, not inside the run.
  if (config.mode === 'trace' && config.hashing === 'worker') prewarmHashWorker(config.chunkSize);
  let wasm = original;
  let meta: InstrumentMeta | null = null;
  if (config.mode !== 'none') {
    const out = instrument(original, instrumentOptionsFor(config));
    wasm = out.wasm;
    meta = out.meta;
  }
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(wasm as BufferSource);
  } catch (e) {
    throw compileError(e);
  }
  const hasInit = initExport !== undefined || (config.mode !== 'none' && parsed.start !== null);
  const snapshotGlobals = parsed.globalTypes
    .map((g, i) => ({ ...g, index: parsed.importedGlobals + i }))
    .filter((g) => g.mutable && g.type >= 0x7c && g.type <= 0x7f)
    .map((g) => ({ name: `${EXPORT_GLOBAL_PREFIX}${g.index}`, type: g.type }));
  return {
    mode: config.mode, module, wasm, meta, original, hasInit, hasOnOrder, hasOnTrade, snapshotGlobals, functionNames: parsed.names,
    locate: options.locate ?? null,
  };
}

/** What an ABI check refused: the import or the export it names. */
export type AbiSubject = { import: Import } | { export: string };
/** A module that does not fit the ABI (docs/ABI.md): IMPORT_NOT_ALLOWED or EXPORT_MISSING, with what it names. */
export type AbiViolation = SandboxError & { subject: AbiSubject };

function violation(code: 'IMPORT_NOT_ALLOWED' | 'EXPORT_MISSING', message: string, subject: AbiSubject): AbiViolation {
  return Object.assign(new SandboxError(code, message), { subject });
}

/**
 * The module against the ABI: every import on the allow-list with its signature, `on_bar` and
 * `memory` exported, the optional exports with their signatures. Throws an AbiViolation. The one
 * check, made by the sandbox before a guest runs and by `build` (build/check) before that. Last, the
 * block nesting cap (instrument/nesting): MODULE_LIMIT, before V8 compiles anything.
 */
export function checkAbi(parsed: WasmModule): { hasOnOrder: boolean; hasOnTrade: boolean; initExport: Export | undefined } {
  for (const imp of parsed.imports) {
    const allowed = ALLOWED_IMPORTS[imp.module]?.[imp.field];
    const where = `import "${imp.module}"."${imp.field}" (byte offset ${imp.offset})`;
    if (!allowed || imp.kind !== 'func')
      throw violation('IMPORT_NOT_ALLOWED', `${where} is not part of the Backproof ABI; allowed: ${allowedList()}`, { import: imp });
    const t = parsed.types[imp.type!]!;
    if (signatureText(t) !== signatureText(allowed))
      throw violation('IMPORT_NOT_ALLOWED', `${where} has signature ${signatureText(t)}; the ABI's is ${signatureText(allowed)}`, { import: imp });
  }
  const exportOf = (name: string) => parsed.exports.find((e) => e.name === name);
  const onBar = exportOf(EXPORT_ON_BAR);
  if (!onBar || onBar.kind !== 0) throw violation('EXPORT_MISSING', `the module does not export function "${EXPORT_ON_BAR}"`, { export: EXPORT_ON_BAR });
  const onBarType = parsed.types[funcType(parsed, onBar.index)]!;
  if (signatureText(onBarType) !== signatureText(ON_BAR_SIGNATURE))
    throw violation('EXPORT_MISSING', `"${EXPORT_ON_BAR}" has signature ${signatureText(onBarType)}; the ABI's is ${signatureText(ON_BAR_SIGNATURE)}`, { export: EXPORT_ON_BAR });
  const mem = exportOf(EXPORT_MEMORY);
  if (!mem || mem.kind !== 2) throw violation('EXPORT_MISSING', `the module does not export its memory as "${EXPORT_MEMORY}"`, { export: EXPORT_MEMORY });
  const optional = (name: string, sig: ImportSpec): boolean => {
    const e = exportOf(name);
    if (!e) return false;
    // Both signatures named, as for on_bar and the imports: the found one says what to change.
    if (e.kind !== 0) throw violation('EXPORT_MISSING', `"${name}" is not a function (export kind ${e.kind}); the ABI's is a function ${signatureText(sig)}`, { export: name });
    const t = parsed.types[funcType(parsed, e.index)]!;
    if (signatureText(t) !== signatureText(sig))
      throw violation('EXPORT_MISSING', `"${name}" has signature ${signatureText(t)}; the ABI's is ${signatureText(sig)}`, { export: name });
    return true;
  };
  const hasOnOrder = optional(EXPORT_ON_ORDER, ON_ORDER_SIGNATURE);
  const hasOnTrade = optional(EXPORT_ON_TRADE, ON_TRADE_SIGNATURE);
  const initExport = exportOf(EXPORT_INIT);
  if (initExport && initExport.kind !== 0) throw violation('EXPORT_MISSING', `export "${EXPORT_INIT}" is not a function`, { export: EXPORT_INIT });
  checkNesting(parsed);
  return { hasOnOrder, hasOnTrade, initExport };
}

function funcType(m: ReturnType<typeof parseModule>, funcIndex: number): number {
  if (funcIndex < m.importedFuncs) {
    let seen = 0;
    for (const imp of m.imports) if (imp.kind === 'func' && seen++ === funcIndex) return imp.type!;
  }
  return m.funcTypes[funcIndex - m.importedFuncs]!;
}

function allowedList(): string {
  return Object.entries(ALLOWED_IMPORTS).flatMap(([mod, fields]) => Object.keys(fields).map((f) => `${mod}.${f}`)).join(', ');
}

export interface GuestRunStats {
  /** Original instructions executed. 0 when mode is 'none'. */
  instructions: bigint;
  /** instructions + size charges of bulk memory/table operations. */
  fuelUsed: bigint;
  trace: TraceCommitment | null;
}

/** The guest callback a fault happened in. */
export type GuestCallback = 'init' | 'on_bar' | 'on_order' | 'on_trade';

/** Where a guest fault happened. Unknown parts are null. */
export interface FaultSite {
  callback: GuestCallback;
  /** Original function index and name, and byte offset of the instruction in the original module. */
  func: number | null;
  name: string | null;
  offset: number | null;
  /** The AssemblyScript source position of that instruction (`file.ts:line:col`), when the module has a source map. */
  source: string | null;
  /** Instructions executed, the one that trapped or ran out of fuel included (null when not metered). */
  instructions: bigint | null;
  /**
   * The bar: how many on_bar calls came before the one that faulted (for on_order and on_trade, before
   * the last one), i.e. the engine's bar event index, and that bar's time and symbol index (null in init).
   */
  bar: number | null;
  time: bigint | null;
  symbol: number | null;
}

/** A SandboxError raised while the guest ran, with where it happened (also spelled out in its message). */
export type GuestFault = SandboxError & { site: FaultSite };

/** `<what> in function F (name) at byte offset X after N instructions[: <reason>], in <callback> of bar B (time, symbol S)`. */
function describeSite(what: string, reason: string | null, s: FaultSite, symbolName?: (index: number) => string | undefined): string {
  let text = what;
  if (s.func !== null) text += ` in function ${s.func}${s.name ? ` (${s.name})` : ''}`;
  if (s.offset !== null) text += ` at byte offset ${s.offset}${s.source !== null ? ` (${s.source})` : ''}`;
  if (s.instructions !== null) text += ` after ${s.instructions} instructions`;
  if (reason !== null) text += `: ${reason}`;
  text += `, in ${s.callback}`;
  if (s.bar !== null) {
    text += `${s.callback === 'on_bar' ? ' of' : ' after'} bar ${s.bar}${s.time !== null ? ` (${isoTime(s.time)}` : ' ('}`;
    const name = s.symbol !== null ? symbolName?.(s.symbol) : undefined;
    text += `${s.symbol !== null ? `${s.time !== null ? ', ' : ''}symbol ${s.symbol}${name ? ` ${name}` : ''}` : ''})`;
  }
  return text;
}

/** How a GuestInstance gets its instance (GuestInstance's constructor). */
export type Instantiate = (module: WebAssembly.Module, imports: WebAssembly.Imports) => WebAssembly.Instance;
type OnBar = (time: bigint, open: number, high: number, low: number, close: number, volume: number) => void;
type BarTrampoline = () => void;

/** One run's instance: owns fuel, memory and the trace stream. */
export class GuestInstance {
  private readonly guest: GuestModule;
  private readonly config: SandboxConfig;
  private readonly instance: WebAssembly.Instance;
  private readonly memory: WebAssembly.Memory;
  private readonly onBarFn: OnBar;
  /** The instrumenter's trampoline and the bar memory it reads (absent when uninstrumented). */
  private readonly barTrampoline: BarTrampoline | null;
  private readonly barWords: Int32Array | null;
  private readonly barValues: Float64Array | null;
  private readonly fuel: WebAssembly.Global | null;
  private readonly bulk: WebAssembly.Global | null;
  private readonly reserve: WebAssembly.Global | null;
  /** Charges fuel and calls on_order/on_trade without BigInts or boxed doubles (sandbox/glue). */
  private readonly glue: Glue;
  private readonly chunker: TraceChunker | ParallelChunker | null;
  private traceMemory: WebAssembly.Memory | null = null;
  private tp: WebAssembly.Global | null = null;
  /** Format 5: the branch-bit accumulator and its word's position (null in format 4). */
  private bits: WebAssembly.Global | null = null;
  private bitSlot: WebAssembly.Global | null = null;
  /** Versions 7 and 8 traced: copies the address predictors (globals there) to the trace memory, for a keyframe. */
  private spillPredictors: (() => void) | null = null;
  /** Format 5: why the run stopped inside a region (the end record's cause), 0 if it did not. */
  private stopCause = 0;
  /**
   * Formats 6 and 8: a keyframe is due (the next call into the guest writes one first) once the host has
   * taken at least the flush threshold of stream since the last one — by flushes, snapshots or both;
   * the stream bytes taken since the last keyframe and in all; each keyframe's stream word (the table lists them).
   */
  private readonly keyframes: boolean;
  private readonly keyframeEvery: number;
  private keyframeDue = false;
  private sinceKeyframe = 0;
  private streamBytes = 0;
  private readonly keyframeWords: number[] = [];
  /** Instructions charged that did not run: the rest of a region the run stopped in. */
  private unrun = 0n;
  /** on_bar calls so far, and the last bar's time when it did not go through the bar memory. */
  private bars = 0;
  // Without the trampoline, the last bar's time is kept as where to find it (a BigInt kept in a
  // field would be allocated on every bar): its column and index, or the value onBar was given.
  private lastTimes: BigInt64Array | null = null;
  private lastIndex = 0;
  private lastTime = 0n;
  private readonly host: GuestHost;
  /** The fault that stopped the run, once located (a stop ends the trace: it is written once). */
  private stop: { site: FaultSite; what: string; reason: string | null } | null = null;

  /**
   * `instantiate` makes the instance from the compiled module and the imports: this thread's V8 by
   * default; the wasi runtime (sandbox/wasi) gives one whose exports stand for a sandboxed module's.
   */
  constructor(guest: GuestModule, host: GuestHost, config: SandboxConfig, instantiate: Instantiate = (module, imports) => new WebAssembly.Instance(module, imports)) {
    this.guest = guest;
    this.host = host;
    this.config = config;
    this.keyframes = guest.mode === 'trace' && hasKeyframes(guest.meta!.format);
    this.keyframeEvery = this.keyframes ? guest.meta!.flushThreshold : Infinity;
    this.chunker = guest.mode !== 'trace' ? null : config.hashing === 'worker' ? new ParallelChunker(config.chunkSize) : new TraceChunker(config.chunkSize);
    const imports = this.imports(host);
    try {
      this.instance = instantiate(guest.module, imports);
    } catch (e) {
      throw this.translate(e, 'init');
    }
    const ex = this.instance.exports;
    this.memory = ex[EXPORT_MEMORY] as WebAssembly.Memory;
    this.onBarFn = ex[EXPORT_ON_BAR] as unknown as OnBar;
    this.barTrampoline = (ex[EXPORT_BAR_TRAMPOLINE] as unknown as BarTrampoline | undefined) ?? null;
    const barMemory = ex[EXPORT_BAR_MEMORY] as WebAssembly.Memory | undefined;
    this.barWords = barMemory ? new Int32Array(barMemory.buffer, 0, 2) : null;
    this.barValues = barMemory ? new Float64Array(barMemory.buffer, 8, 5) : null;
    this.fuel = (ex[EXPORT_FUEL] as WebAssembly.Global | undefined) ?? null;
    this.bulk = (ex[EXPORT_BULK] as WebAssembly.Global | undefined) ?? null;
    this.reserve = (ex[EXPORT_RESERVE] as WebAssembly.Global | undefined) ?? null;
    if (this.fuel) this.fuel.value = config.fuel;
    // The optional callbacks, called with their four arguments directly (no argument array per event).
    type Four = (a: number, b: number, c: number, d: number) => void;
    const guarded = (fn: Four, callback: GuestCallback): Four => (a, b, c, d) => {
      const limit = this.enterGuest();
      try {
        fn(a, b, c, d);
      } catch (e) {
        throw this.translate(e, callback);
      } finally {
        Error.stackTraceLimit = limit;
      }
    };
    if (guest.hasOnOrder) this.onOrder = guarded(ex[EXPORT_ON_ORDER] as unknown as Four, 'on_order');
    if (guest.hasOnTrade) this.onTrade = guarded(ex[EXPORT_ON_TRADE] as unknown as Four, 'on_trade');
    this.glue = glueFor(this.fuel, this.bulk, ex[EXPORT_ON_ORDER] as unknown as Four | undefined, ex[EXPORT_ON_TRADE] as unknown as Four | undefined);
    // The engine's per-event path: the event's columns written into the glue memory, the call made from there.
    const { words, values, order, trade } = this.glue;
    if (guest.hasOnOrder) this.onOrderAt = (events, k) => {
      words[0] = events.id[k]!;
      words[1] = events.status[k]!;
      values[1] = events.price[k]!;
      values[2] = events.units[k]!;
      this.callGlue(order, 'on_order');
    };
    if (guest.hasOnTrade) this.onTradeAt = (trades, k) => {
      values[1] = trades.size[k]!;
      values[2] = trades.entryPrice[k]!;
      values[3] = trades.exitPrice[k]!;
      values[4] = trades.pnl[k]!;
      this.callGlue(trade, 'on_trade');
    };
    if (guest.mode === 'trace') {
      this.traceMemory = ex[EXPORT_TRACE_MEMORY] as WebAssembly.Memory;
      this.tp = ex[EXPORT_TP] as WebAssembly.Global;
      this.bits = (ex[EXPORT_BITS] as WebAssembly.Global | undefined) ?? null;
      this.bitSlot = (ex[EXPORT_BIT_SLOT] as WebAssembly.Global | undefined) ?? null;
      this.spillPredictors = (ex[EXPORT_PREDICTORS] as (() => void) | undefined) ?? null;
    }
  }

  /** A glue entry that calls the guest's `callback`; a fault says it happened there. */
  private callGlue(entry: () => void, callback: GuestCallback): void {
    if (this.keyframeDue) this.keyframe();
    try {
      entry();
    } catch (e) {
      throw this.translate(e, callback);
    }
  }

  private imports(host: GuestHost): WebAssembly.Imports {
    const readUtf16 = (ptr: number, byteLen: number, what: string, max: number): string => {
      const buf = this.memory.buffer;
      if (ptr < 0 || byteLen < 0 || byteLen > max || byteLen % 2 !== 0 || ptr + byteLen > buf.byteLength)
        throw new SandboxError('GUEST_TRAP', `${what}: string at ${ptr} with ${byteLen} bytes is out of bounds or too long (max ${max})`);
      return Buffer.from(buf, ptr, byteLen).toString('utf16le');
    };
    const readAsString = (ptr: number, what: string): string => {
      if (ptr === 0) return '';
      const buf = this.memory.buffer;
      if (ptr < 4 || ptr > buf.byteLength) throw new SandboxError('GUEST_TRAP', `${what}: pointer ${ptr} out of bounds`);
      const len = new DataView(buf).getUint32(ptr - 4, true);
      return readUtf16(ptr, Math.min(len, 4096), what, 4096);
    };
    const { positionOf, orderOn, ...sameNames } = numericHostCalls(host);
    const imports: WebAssembly.Imports = {
      backproof: {
        ...sameNames,
        position_of: positionOf,
        order_on: orderOn,
        param: (ptr: number, len: number, fallback: number) => host.param(readUtf16(ptr, len, 'param name', 256), fallback),
        param_int: (ptr: number, len: number, fallback: number) => host.param(readUtf16(ptr, len, 'param name', 256), fallback, true),
        log: (ptr: number, len: number) => host.log(readUtf16(ptr, len, 'log message', 65536)),
      },
      env: {
        abort: (msg: number, file: number, line: number, col: number) => {
          throw new SandboxError('GUEST_ABORT', `guest aborted: ${readAsString(msg, 'abort message')} at ${readAsString(file, 'abort file')}:${line}:${col}`);
        },
        seed: () => this.config.seed,
      },
    };
    if (this.guest.mode !== 'none') {
      imports[HOST_MODULE] = {
        out_of_fuel: (code: number) => {
          // With a reserve set aside, the callback's budget is what ran out; otherwise the run's.
          const limit = (this.reserve!.value as bigint) > 0n
            ? `the per-callback budget of ${this.config.fuelPerCallback} instructions is spent`
            : `the run's budget of ${this.config.fuel} instructions is spent`;
          const meta = this.guest.meta!;
          let site: StopSite;
          if (code > 0) {
            // A region that did not fit: charged, but none of it ran; the trace holds none of it.
            this.unrun = BigInt(meta.regions.instructions[code - 1]!);
            site = { ...siteAt(meta, this.guest.original, code, 1), ran: 0 };
          } else {
            // A bulk operation's size charge that did not fit: the run stops at that instruction.
            site = bulkSite(meta, this.guest.original, code);
            this.endTrace(site, STOP_FUEL);
          }
          throw this.fault('FUEL_EXHAUSTED', 'fuel exhausted', site, limit);
        },
        stack_exhausted: (func: number) => {
          const name = this.guest.meta!.functionNames.get(func);
          throw new SandboxError('STACK_EXHAUSTED', `call depth limit of ${this.guest.meta!.maxCallDepth} reached entering function ${func}${name ? ` (${name})` : ''}`);
        },
        flush: (len: number) => this.emitTrace(len),
      };
    }
    return imports;
  }

  private emitTrace(len: number): void {
    if (this.bits) this.closeBits();
    this.writeTrace(new Uint8Array(this.traceMemory!.buffer, 0, len));
  }

  /** Format 5: the open bit word, if any, goes to its reserved position now (its marker says how many bits it has). */
  private closeBits(): void {
    const acc = this.bits!.value as number;
    if (acc === 1) return;
    new DataView(this.traceMemory!.buffer).setUint32(this.bitSlot!.value as number, acc >>> 0, true);
    this.bits!.value = 1;
  }

  private writeTrace(bytes: Uint8Array): void {
    this.streamBytes += bytes.length;
    // Counted however the bytes left the trace memory: a run that takes a snapshot every few bars
    // empties it before the guest's own flush would, and still gets a keyframe per threshold of stream.
    this.sinceKeyframe += bytes.length;
    if (this.sinceKeyframe >= this.keyframeEvery) this.keyframeDue = true;
    this.chunker!.write(bytes);
    this.config.onTrace?.(bytes);
  }

  /**
   * Ends the trace at a stop inside a region (docs/TRACE.md, "Stops"): the stream before the region,
   * the stop record, then the region's id and only the address words computed before the stop. The
   * region is the last record in trace memory (a call would have ended it); found by walking the
   * records, so a stop the host could not locate (site null) still ends the stream before it.
   */
  private endTrace(site: StopSite | null, cause: number): void {
    const meta = this.guest.meta!;
    if (site) this.unrun = BigInt(meta.regions.instructions[site.region - 1]! - site.ran);
    if (!this.chunker) return;
    if (this.bits) {
      // Format 5: everything written so far was computed by instructions that ran; the end record
      // (written by finish) gives the count and the cause.
      const tp = this.tp!.value as number;
      if (tp > 0) this.emitTrace(tp);
      this.tp!.value = 0;
      this.stopCause = cause;
      return;
    }
    const tp = this.tp!.value as number;
    const words = new DataView(this.traceMemory!.buffer);
    let base = 0, region = 0;
    for (let at = 0; at < tp; at += 4 * (1 + meta.regions.recordedAccesses[region - 1]!)) {
      base = at;
      region = words.getUint32(at, true);
    }
    if (region === 0) return; // nothing recorded since the last flush: the stop is not in this buffer
    const located = site !== null && site.region === region;
    if (!located) this.unrun = BigInt(meta.regions.instructions[region - 1]!);
    if (base > 0) this.emitTrace(base);
    this.writeTrace(stopRecord(located ? site.ran : 0, cause));
    this.writeTrace(new Uint8Array(this.traceMemory!.buffer, base, 4 * (1 + (located ? site.words : 0))));
    this.tp!.value = 0;
  }

  /** A fault at `site` (a stop site, or null when unknown): its message names the function, offset and count. */
  private fault(code: 'GUEST_TRAP' | 'FUEL_EXHAUSTED', what: string, stop: StopSite | null, reason: string | null, cause?: unknown): GuestFault {
    const func = stop?.func ?? null;
    const site: FaultSite = {
      callback: 'init', func, name: func === null ? null : this.guest.functionNames.get(func) ?? null, offset: stop?.offset ?? null,
      source: stop ? this.sourceOf(stop.offset) : null, instructions: this.fuel ? this.instructions() : null, ...this.barSite(),
    };
    this.stop = { site, what, reason };
    return Object.assign(new SandboxError(code, what, { cause }), { site });
  }

  /** A guest error as a SandboxError whose message and `site` say where it happened. */
  private translate(e: unknown, callback: GuestCallback): unknown {
    if (e instanceof WebAssembly.RuntimeError) e = this.trapFault(e);
    else if (e instanceof RangeError && /call stack/i.test(e.message))
      e = new SandboxError('STACK_EXHAUSTED', 'guest exhausted the host call stack', { cause: e });
    else if (e instanceof WebAssembly.LinkError) return new SandboxError('IMPORT_NOT_ALLOWED', e.message, { cause: e });
    if (!(e instanceof SandboxError)) return e;
    const f = e as GuestFault;
    if (!f.site || this.stop?.site !== f.site) {
      // Raised by a host import (a limit, an abort): located at the guest's call to it, when V8's stack still shows it.
      f.site = { callback, func: null, name: null, offset: null, source: null, instructions: null, ...this.barSite(), ...this.callSite(e) };
      this.stop = { site: f.site, what: e.message, reason: null };
    }
    f.site.callback = callback;
    e.message = describeSite(this.stop.what, this.stop.reason, f.site, this.host.symbolName?.bind(this.host));
    return e;
  }

  /** The last bar the guest was given (only read when it faults: nothing is kept per bar but a count). */
  private barSite(): Pick<FaultSite, 'bar' | 'time' | 'symbol'> {
    if (this.bars === 0) return { bar: null, time: null, symbol: null };
    const w = this.barWords;
    const time = w ? (BigInt(w[TIME_HI]!) << 32n) | BigInt(w[TIME_LO]! >>> 0) : this.lastTimes ? this.lastTimes[this.lastIndex]! : this.lastTime;
    return { bar: this.bars - 1, time, symbol: this.host.symbol() };
  }

  private sourceOf(offset: number): string | null {
    return this.guest.locate?.(offset) ?? null;
  }

  /** The guest's call that raised `e` in a host import: the innermost wasm frame of its stack, mapped back to the original module. */
  private callSite(e: Error): Pick<FaultSite, 'func' | 'name' | 'offset' | 'source'> | null {
    const at = wasmCallPosition(e);
    if (at === null) return null;
    const meta = this.guest.meta;
    const offset = meta ? trapSite(meta, this.guest.wasm, this.guest.original, at)?.offset ?? null : at;
    if (offset === null) return null;
    const func = functionAt(this.guest.original, offset);
    return { func, name: func === null ? null : this.guest.functionNames.get(func) ?? null, offset, source: this.sourceOf(offset) };
  }

  /** GUEST_TRAP at the trapping instruction: V8's position in the instrumented module, mapped back. */
  private trapFault(e: WebAssembly.RuntimeError): GuestFault {
    const at = trapPosition(e);
    const meta = this.guest.meta;
    if (!meta) {
      // Uninstrumented: V8's position is already an offset in the original module.
      const f = this.fault('GUEST_TRAP', `guest trapped: ${e.message}`, null, null, e);
      if (at !== null) Object.assign(f.site, { offset: at, func: functionAt(this.guest.original, at), source: this.sourceOf(at) });
      if (f.site.func !== null) f.site.name = this.guest.functionNames.get(f.site.func) ?? null;
      return f;
    }
    const site = at === null ? null : trapSite(meta, this.guest.wasm, this.guest.original, at);
    this.endTrace(site, STOP_TRAP);
    const f = this.fault('GUEST_TRAP', `guest trapped: ${e.message}`, site, null, e);
    // A sandboxed process that ended without saying where (wasi/runtime): its count is not known.
    if ((e as { countLost?: boolean }).countLost) f.site.instructions = null;
    // AssemblyScript's allocator traps (unreachable) when memory cannot grow: say which limit that is.
    if (e.message === 'unreachable' && (f.site.name?.startsWith('~lib/rt/') || f.site.source?.startsWith('~lib/rt/')))
      this.stop!.reason = `in AssemblyScript's allocator: memory could not grow to hold an allocation; a strategy's memory is capped at --max-memory-pages ${this.config.maxMemoryPages} (${(this.config.maxMemoryPages * 64) / 1024} MiB)`;
    return f;
  }

  /**
   * Format 5 ends a trapped run's trace at the trapping instruction, which only V8's position of the
   * trap tells (format 4 could fall back to the region's start): while the guest runs, errors keep
   * at least one stack frame. Returns the limit to restore.
   */
  private keepTrapFrames(): number {
    const limit = Error.stackTraceLimit;
    if (this.bits && !(limit >= 1)) Error.stackTraceLimit = 1;
    return limit;
  }

  /**
   * Before a call from the host into the guest. Formats 6 and 8: the first call once a keyframe is due
   * starts with one (the call stack is empty there, and nothing of the guest's is in flight).
   */
  private enterGuest(): number {
    if (this.keyframeDue) this.keyframe();
    return this.keepTrapFrames();
  }

  /**
   * Formats 6 and 8: writes a keyframe — the instructions so far and the address predictors' slots,
   * read from the trace memory (versions 7 and 8 copy them there from their globals first) — after
   * the stream so far (its open bit word stored).
   */
  private keyframe(): void {
    const tp = this.tp!.value as number;
    if (tp > 0) this.emitTrace(tp);
    this.tp!.value = 0;
    const meta = this.guest.meta!;
    this.keyframeWords.push(this.streamBytes / 4);
    this.spillPredictors?.();
    const memory = new DataView(this.traceMemory!.buffer, meta.predictorsAt, 4 * meta.predictorWords * meta.predictorSlots);
    const predictors = new Uint32Array(meta.predictorWords * meta.predictorSlots);
    for (let i = 0; i < predictors.length; i++) predictors[i] = memory.getUint32(4 * i, true);
    this.writeTrace(keyframeRecord(this.instructions(), predictors, meta.predictorWords));
    this.sinceKeyframe = 0;
    this.keyframeDue = false;
  }

  /** Runs the strategy's initialisation (the module's start code). */
  init(): void {
    if (!this.guest.hasInit) return;
    const limit = this.keepTrapFrames();
    try {
      (this.instance.exports[EXPORT_INIT] as () => void)();
    } catch (e) {
      throw this.translate(e, 'init');
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  onBar(time: bigint, open: number, high: number, low: number, close: number, volume: number): void {
    this.bars++;
    // Kept where onBarAt keeps it (the bar memory), for a fault's site.
    if (this.barWords) {
      this.barWords[TIME_LO] = Number(BigInt.asIntN(32, time));
      this.barWords[TIME_HI] = Number(time >> 32n);
    } else {
      this.lastTimes = null;
      this.lastTime = time;
    }
    const limit = this.enterGuest();
    try {
      this.onBarFn(time, open, high, low, close, volume);
    } catch (e) {
      throw this.translate(e, 'on_bar');
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  /**
   * `onBar` for bar `j` of `bars` (`words` = its times as `timeWords`): the engine's per-bar path.
   * Through the trampoline it allocates nothing (no BigInt, no boxed doubles). Same call, same trace.
   */
  onBarAt(bars: Bars, words: Int32Array, j: number): void {
    this.bars++;
    const limit = this.enterGuest();
    try {
      if (this.barTrampoline) {
        const w = this.barWords!, v = this.barValues!;
        w[TIME_LO] = words[2 * j + TIME_LO]!;
        w[TIME_HI] = words[2 * j + TIME_HI]!;
        v[0] = bars.open[j]!;
        v[1] = bars.high[j]!;
        v[2] = bars.low[j]!;
        v[3] = bars.close[j]!;
        v[4] = bars.volume[j]!;
        this.barTrampoline();
      } else {
        this.lastTimes = bars.time;
        this.lastIndex = j;
        this.onBarFn(bars.time[j]!, bars.open[j]!, bars.high[j]!, bars.low[j]!, bars.close[j]!, bars.volume[j]!);
      }
    } catch (e) {
      throw this.translate(e, 'on_bar');
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  onOrder?(id: number, status: number, price: number, units: number): void;
  onTrade?(size: number, entryPrice: number, exitPrice: number, pnl: number): void;
  /** `onOrder` for event k of `events` (GuestPort): allocates nothing. Present when the guest exports on_order. */
  onOrderAt?(events: OrderEvents, k: number): void;
  /** `onTrade` for trade k of `trades` (GuestPort): allocates nothing. Present when the guest exports on_trade. */
  onTradeAt?(trades: TradeLog, k: number): void;

  /**
   * A state snapshot: SHA-256 over the guest's linear memory, then each mutable numeric global in
   * index order as 8 little-endian bytes of its bits (i32/f32 zero-extended). In trace mode it is also
   * committed into the trace stream as a host record: words [0, 1, bar, 0] then the 32-byte hash (traces/records).
   */
  snapshot(bar: number): Uint8Array {
    const h = createHash('sha256').update(new Uint8Array(this.memory.buffer));
    const cell = new DataView(new ArrayBuffer(8));
    for (const { name, type } of this.guest.snapshotGlobals) {
      const g = this.instance.exports[name] as WebAssembly.Global | undefined;
      if (!g) continue; // mode 'none' exports no globals
      const v = g.value as number | bigint;
      cell.setBigUint64(0, 0n, true);
      if (type === 0x7e) cell.setBigInt64(0, v as bigint, true);
      else if (type === 0x7f) cell.setUint32(0, (v as number) >>> 0, true);
      else if (type === 0x7d) cell.setFloat32(0, v as number, true);
      else cell.setFloat64(0, v as number, true);
      h.update(new Uint8Array(cell.buffer));
    }
    const hash = new Uint8Array(h.digest());
    if (this.chunker) {
      const tp = this.tp!.value as number;
      if (tp > 0) {
        this.emitTrace(tp);
        this.tp!.value = 0;
      }
      this.writeTrace(snapshotRecord(bar, hash));
    }
    return hash;
  }

  /** A copy of the guest's linear memory (for state checks and conformance tests). */
  memoryBytes(): Uint8Array {
    return new Uint8Array(this.memory.buffer).slice();
  }

  /**
   * Charges `units` of host work the guest caused (an order placed, a log line: run/guest-host) to
   * its fuel, counted with the bulk charges so `instructions()` stays exact. When the callback's or
   * the run's budget cannot cover it the run stops with FUEL_EXHAUSTED — at the same point in every
   * execution, since the charges depend only on what the guest did. A charge that fits a u32 (every
   * caller's) is made by the glue, in i64 arithmetic with no BigInt; a larger one here, the same way.
   */
  chargeFuel(units: number): void {
    if (!this.fuel) return;
    if (units >>> 0 === units && this.glue.charge(units) === 1) return;
    const cost = BigInt(units);
    const left = this.fuel.value as bigint;
    if (left < cost) {
      const limit = (this.reserve!.value as bigint) > 0n
        ? `the per-callback budget of ${this.config.fuelPerCallback} is spent`
        : `the run's budget of ${this.config.fuel} is spent`;
      throw new SandboxError('FUEL_EXHAUSTED', `fuel exhausted by host work (${units} units for a host call) after ${this.instructions()} instructions: ${limit}`);
    }
    this.fuel.value = left - cost;
    this.bulk!.value = (this.bulk!.value as bigint) + cost;
  }

  /** Fuel used so far: instructions executed plus the size charges of bulk operations and host work. */
  fuelUsed(): bigint {
    return this.fuel ? this.config.fuel - (this.fuel.value as bigint) - (this.reserve!.value as bigint) - this.unrun : 0n;
  }

  /** Original instructions executed so far. */
  instructions(): bigint {
    return this.bulk ? this.fuelUsed() - (this.bulk.value as bigint) : 0n;
  }

  /** Flushes the trace and returns the run's totals. Call once, after the last bar. */
  finish(): GuestRunStats {
    let trace: TraceCommitment | null = null;
    if (this.chunker) {
      const tp = this.tp!.value as number;
      if (tp > 0) this.emitTrace(tp);
      this.tp!.value = 0;
      if (this.keyframes) this.writeTrace(keyframeTable(this.keyframeWords));
      if (this.bits) this.writeTrace(endRecord(this.instructions(), this.stopCause));
      trace = this.chunker.finish();
    }
    return { instructions: this.instructions(), fuelUsed: this.fuelUsed(), trace };
  }
}
