/**
 * @module sandbox/runtimes
 * The runtime seam (docs/RUNTIMES.md): where a checked, instrumented guest module (`GuestModule`,
 * sandbox/runtime `compileGuest`) is executed. `run/wire` asks `runtimeFor(isolation)` for a
 * `GuestRuntime` and opens one `GuestSession` per run through it; the engine drives the session
 * (it is its `GuestPort`) and the run reads its fuel, instruction count and trace commitment from
 * it. Nothing else in the run knows which runtime executed the guest.
 *
 * Implementations: `v8` (this thread's V8, sandbox/runtime `GuestInstance`: the reference); `wasi`
 * (@wasmer/sdk in a worker thread, host/sandbox/wasi/); `process` (a child process under Node's
 * permission model, host/sandbox/process/). A runtime is added with one line in `RUNTIMES` below.
 *
 * THE CONTRACT. A session of any runtime must be indistinguishable, to everything outside it, from
 * a `GuestInstance` made from the same `GuestModule`, `GuestHost` and `SandboxConfig`:
 *
 * 1. Same bytes. The trace stream — every piece handed to `config.onTrace`, in order, and the
 *    commitment `finish()` returns (sandbox/runtime `TraceChunker` over `config.chunkSize`) — is
 *    byte-identical, including format 5+'s bit words, keyframes and their table, snapshot host
 *    records, the end record, and the stop record at a trap or at fuel exhaustion: the trace ends
 *    exactly where execution did, never with a record of code that did not run (docs/TRACE.md,
 *    "Stops"). `instructions()` and `fuelUsed()` are exact at every moment the host can ask (between
 *    guest calls, and inside a GuestHost callback: run/guest-host charges there, inspect/reexecute
 *    reads `instructions()` there). So the record does not depend on the runtime, and the isolation
 *    is never recorded (docs/RUNTIMES.md).
 * 2. Synchronous. Every method returns when the guest's work is done; the engine loop is
 *    synchronous. A runtime whose guest lives elsewhere blocks the calling thread (Atomics.wait on a
 *    SharedArrayBuffer, or a blocking read of a pipe) and serves the guest's calls meanwhile.
 *    Asynchronous set-up (a Wasmer instance, a child's start) happens on the runtime's own thread
 *    while `open` or the first call waits for it. `open` runs nothing of the guest.
 * 3. Host calls round trip, in order. Each guest import (`backproof.*`, `env.abort`, `env.seed`:
 *    sandbox/abi `ALLOWED_IMPORTS`) is one synchronous call of the matching `GuestHost` method on the
 *    calling thread, while the guest waits; its return value goes back to the guest (f64 as its 8
 *    bytes, i32 as-is, `cancel`/`modify` as 1/0). Strings the guest passes (param names, log lines,
 *    abort's message) are decoded as GuestInstance decodes them, with the same bounds. `seed` is
 *    `config.seed`. A host method may call `chargeFuel` (re-entrantly, during the guest's call).
 * 4. Errors. A host method's exception (a SandboxError HOST_LIMIT/FUEL_EXHAUSTED, a UsageError from
 *    `param`, or any value an `onTrace` or host tap throws, e.g. inspect's internal Stop) ends the
 *    guest's call and is rethrown from the session method in progress, the same object where it can
 *    be (else the same class, `code` and message); the session is then dead. A guest fault is a
 *    SandboxError with GuestInstance's code (GUEST_TRAP, GUEST_ABORT, FUEL_EXHAUSTED,
 *    STACK_EXHAUSTED, MEMORY_LIMIT…), and a `site` (sandbox/runtime `FaultSite`) as far as the runtime
 *    can know it; the trace and counts at a fault obey 1.
 * 5. Limits. `config.fuel`, `fuelPerCallback`, `maxMemoryPages` and `maxCallDepth` are enforced by
 *    the instrumented code itself, so they hold in any engine that runs the module as is. A runtime
 *    adds its own backstops (memory of its thread or process, the watchdog: run/worker terminates the
 *    guest thread, and a runtime's helper thread or child must die with it — `close`).
 * 6. `close()` frees what the session holds (a thread, a child, a pipe). Idempotent; called by the
 *    run after `finish` or a fault. A session of the v8 runtime holds nothing to close.
 *
 * What crosses the seam, per call (for a runtime that frames it): init(); on_bar(time i64, open,
 * high, low, close, volume f64) — `onBarAt` is the same call with the bar read from columns;
 * on_order(id i32, status i32, price f64, units f64); on_trade(size, entryPrice, exitPrice, pnl f64);
 * snapshot(bar) → the 32-byte state hash (and its host record in the stream); then, back, the host
 * calls of 3, the trace pieces of 1 and, at the end, the counts (instructions, fuel used) and the
 * commitment or a fault.
 */
import type { Bars } from '../model/bars.ts';
import type { OrderEvents } from '../model/order.ts';
import type { TradeLog } from '../model/trade.ts';
import { UsageError } from '../errors.ts';
import type { GuestHost } from './abi.ts';
import { GuestInstance, type GuestModule, type GuestRunStats, type SandboxConfig } from './runtime.ts';
import { processRuntime } from './process/runtime.ts';
import { wasiRuntime } from './wasi/runtime.ts';

/** Where a guest runs: `--isolation`. */
export type Isolation = 'v8' | 'wasi' | 'process';

export const ISOLATIONS: readonly Isolation[] = ['v8', 'wasi', 'process'];

export const DEFAULT_ISOLATION: Isolation = 'v8';

/** One run's guest under a runtime: what the engine drives (engine/ports GuestPort) and what the run reads after. */
export interface GuestSession {
  /** The module's start code (the strategy's initialisation); nothing when it has none. */
  init(): void;
  onBar(time: bigint, open: number, high: number, low: number, close: number, volume: number): void;
  /** `onBar` for bar `j` of `bars` (`words`: its times as model/bars `timeWords`): the engine's per-bar path. */
  onBarAt(bars: Bars, words: Int32Array, j: number): void;
  /** Present exactly when the module exports on_order (GuestModule.hasOnOrder), and likewise below. */
  onOrder?(id: number, status: number, price: number, units: number): void;
  onTrade?(size: number, entryPrice: number, exitPrice: number, pnl: number): void;
  onOrderAt?(events: OrderEvents, k: number): void;
  onTradeAt?(trades: TradeLog, k: number): void;
  /** The state hash after bar `bar` (sandbox/runtime GuestInstance.snapshot), committed into the trace. */
  snapshot(bar: number): Uint8Array;
  /** Host work the guest caused, charged to its fuel (FUEL_EXHAUSTED when it does not fit). */
  chargeFuel(units: number): void;
  fuelUsed(): bigint;
  instructions(): bigint;
  /** Ends the trace and returns the totals; once, after the last call. */
  finish(): GuestRunStats;
  /** A copy of the guest's linear memory (conformance tests). */
  memoryBytes(): Uint8Array;
  /** Frees a helper thread or child process; idempotent (absent: nothing to free). */
  close?(): void;
}

export interface GuestRuntime {
  readonly isolation: Isolation;
  /** A session for one run of `guest`, its imports served by `host`. Runs nothing of the guest. */
  open(guest: GuestModule, host: GuestHost, config: SandboxConfig): GuestSession;
}

/** The reference runtime: the guest in this thread's V8, as a GuestInstance. */
export const v8Runtime: GuestRuntime = {
  isolation: 'v8',
  open: (guest, host, config) => new GuestInstance(guest, host, config),
};

/** Each isolation's runtime; null: not available in this build. A new runtime is one line here. */
const RUNTIMES: Record<Isolation, GuestRuntime | null> = {
  v8: v8Runtime,
  wasi: wasiRuntime(),
  process: processRuntime(),
};

/** The runtime for `--isolation`: a UsageError naming the option for a value that is not one, or not available. */
export function runtimeFor(isolation: string | undefined): GuestRuntime {
  const name = isolation ?? DEFAULT_ISOLATION;
  if (!(ISOLATIONS as readonly string[]).includes(name))
    throw new UsageError('USAGE', `--isolation must be one of ${ISOLATIONS.join(', ')}, got "${name}"`);
  const runtime = RUNTIMES[name as Isolation];
  if (!runtime) throw new UsageError('USAGE', `--isolation ${name}: that runtime is not available in this build (available: ${availableIsolations().join(', ')})`);
  return runtime;
}

/** The isolations this build can run. */
export function availableIsolations(): Isolation[] {
  return ISOLATIONS.filter((i) => RUNTIMES[i] !== null);
}
