/**
 * @module sandbox/process/runtime
 * `--isolation process` (docs/ISOLATION-PROCESS.md): the guest runs in a child process under Node's
 * permission model (sandbox/process/spawn, sandbox/process/child), the engine stays in this thread,
 * and every call crosses a pipe synchronously (sandbox/process/channel): a session call goes to the
 * child, and each guest import, fuel charge, source lookup and trace piece the call causes comes back
 * and is served here, on the run's own GuestHost, while the call waits. The child runs the same
 * GuestInstance over the same instrumented module, so the trace, counts, result and record are the
 * in-process runtime's byte for byte (sandbox/runtimes, THE CONTRACT).
 *
 * A host error (a HOST_LIMIT, a param's UsageError, an inspector's stop) is kept here and the child
 * is sent its class, code and message; when the guest's call ends with it, the same object is
 * rethrown — with the message and site the child's GuestInstance gave it, as the in-process one
 * would have. A child that dies is a SandboxError RUNTIME_FAILED naming what it printed; one killed
 * by the watchdog (`timeout -s KILL` at the session's wall-clock limit: the run's own timeout,
 * SandboxConfig.timeoutMs, else the runtime's) is WATCHDOG.
 */
import { closeSync } from 'node:fs';
import { BackproofError, SandboxError } from '../../errors.ts';
import type { Bars } from '../../model/bars.ts';
import type { OrderEvents } from '../../model/order.ts';
import type { TradeLog } from '../../model/trade.ts';
import type { GuestHost } from '../abi.ts';
import type { GuestModule, GuestRunStats, SandboxConfig } from '../runtime.ts';
import { Channel, ChannelClosed, Structured, type ErrorData, type Handler, type Value } from './channel.ts';
import { errorData, errorOf, TO_CHILD, TO_ENGINE } from './protocol.ts';
import { startChild, stderrTail, type ChildLayers, type StartedChild } from './spawn.ts';
import type { ChildSetup } from './child.ts';
import type { ProbeRequest, ProbeResult } from './probe.ts';

/** The child's wall-clock limit when neither the run (SandboxConfig.timeoutMs) nor the runtime gives one: the CLI's default --timeout. */
export const DEFAULT_PROCESS_TIMEOUT_MS = 600_000;

export interface ProcessRuntimeOptions {
  /**
   * Wall-clock limit of one session's child when the run gives none (SandboxConfig.timeoutMs, the run's
   * own timeout, comes first); past it the child is killed (SIGKILL) and the call fails with WATCHDOG.
   */
  timeoutMs?: number;
  /** Tests only: the child runs the probe (sandbox/process/probe) as it starts and serves `probe()` and `hang()`. */
  testHooks?: ProbeRequest;
}

const C = TO_CHILD, E = TO_ENGINE;

/** Ends the child of a session that was dropped without close() (the seam's callers close; a test may not). */
const abandoned = new FinalizationRegistry<() => void>((end) => end());

/**
 * Most sessions of this thread whose child is alive. A run opens one and closes it; a caller that
 * opens many and closes none (a test suite) would otherwise hold a process each (~35 MB) until
 * garbage collection: past the bound, opening one closes the session called longest ago.
 */
export const MAX_LIVE_SESSIONS = 8;
/** This thread's open sessions, the one called longest ago first. */
const live: ProcessSession[] = [];

/** Closes the pipe (the child exits at EOF) and, unless it is idle after `finish`, kills its process group. Once per child. */
function endChild(child: StartedChild, kill: boolean): void {
  if (child.ended) return;
  child.ended = true;
  for (const fd of [child.toChild, child.fromChild, child.stderr]) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
  const p = child.process;
  if (kill && p.pid !== undefined && p.exitCode === null && p.signalCode === null) {
    try {
      // `timeout` leads a process group of its own holding the child; without it the child is the pid.
      process.kill(child.layers.watchdog ? -p.pid : p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * A child whose session closed with it alive and idle, kept for the next session of the same
 * runtime and the same instrumented module (never another strategy's: what a guest could leave in
 * its process only that guest finds again) with the same wall-clock limit (its watchdog's, fixed when
 * it started), for IDLE_MS; at most MAX_IDLE of them a runtime, and none past half its limit. A
 * child's start is most of a short run's cost.
 */
interface Parked {
  wasm: Uint8Array;
  timeoutMs: number;
  child: StartedChild;
  expiry: NodeJS.Timeout;
}
const IDLE_MS = 2_000;
const MAX_IDLE = 2;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a === b || (a.length === b.length && Buffer.compare(a, b) === 0);

type Four = (a: number, b: number, c: number, d: number) => void;

/**
 * A session of the process runtime: a GuestSession (sandbox/runtimes, which lists this runtime: its
 * types are met structurally here, so the two modules do not import each other) whose guest lives in
 * a child process.
 */
export class ProcessSession {
  private readonly child: StartedChild;
  private readonly channel: Channel;
  private readonly timeoutMs: number;
  /** When the child started (its watchdog's clock). */
  private readonly startedAt: number;
  /** Where this runtime keeps idle children, and the module this session runs (the key there). */
  private readonly pool: Parked[];
  private readonly wasm: Uint8Array;
  /** Host errors sent to the child, by the reference it was given (rethrown as the same object). */
  private readonly kept = new Map<number, unknown>();
  private nextRef = 1;
  /** The typed error the session died with (every later call throws it again). */
  private dead: SandboxError | null = null;
  private closed = false;
  /** The Error.stackTraceLimit the child has (sent when this thread's differs). */
  private limitSent: number | null = null;
  /** `finish` answered: the child is idle, waiting for a call, and exits at EOF. */
  private finished = false;
  onOrder?: Four;
  onTrade?: Four;
  onOrderAt?: (events: OrderEvents, k: number) => void;
  onTradeAt?: (trades: TradeLog, k: number) => void;

  constructor(guest: GuestModule, host: GuestHost, config: SandboxConfig, options: ProcessRuntimeOptions = {}, pool: Parked[] = []) {
    // The run's own timeout: its watchdog (run/worker) cannot end the thread while it is blocked on this child.
    this.timeoutMs = config.timeoutMs ?? options.timeoutMs ?? DEFAULT_PROCESS_TIMEOUT_MS;
    this.pool = pool;
    this.wasm = guest.wasm;
    while (live.length >= MAX_LIVE_SESSIONS) live[0]!.close();
    const parked = pool.findIndex((p) => p.timeoutMs === this.timeoutMs && sameBytes(p.wasm, guest.wasm));
    if (parked >= 0) {
      const [p] = pool.splice(parked, 1);
      clearTimeout(p!.expiry);
      this.child = p!.child;
    } else {
      this.child = startChild({ timeoutMs: this.timeoutMs, testHooks: options.testHooks ? JSON.stringify(options.testHooks) : undefined });
    }
    this.startedAt = this.child.spawnedAt;
    const handlers: Handler[] = [];
    handlers[E.position] = () => host.position();
    handlers[E.cash] = () => host.cash();
    handlers[E.equity] = () => host.equity();
    handlers[E.order] = ([kind, size]) => host.order(kind as number, size as number);
    handlers[E.submit] = ([a, b, c, d, e, f]) => host.submit(a as number, b as number, c as number, d as number, e as number, f as number);
    handlers[E.bracket] = ([a, b, c, d, e, f]) => host.bracket(a as number, b as number, c as number, d as number, e as number, f as number);
    handlers[E.cancel] = ([id]) => host.cancel(id as number);
    handlers[E.modify] = ([id, size, limit, stop]) => host.modify(id as number, size as number, limit as number, stop as number);
    handlers[E.symbol] = () => host.symbol();
    handlers[E.symbols] = () => host.symbols();
    handlers[E.positionOf] = ([s]) => host.positionOf(s as number);
    handlers[E.orderOn] = ([s, kind, size]) => host.orderOn(s as number, kind as number, size as number);
    // As GuestInstance calls it: param_int with `true`, param with two arguments.
    handlers[E.param] = ([name, fallback, integer]) => (integer ? host.param(name as string, fallback as number, true) : host.param(name as string, fallback as number));
    handlers[E.log] = ([message]) => host.log(message as string);
    handlers[E.symbolName] = ([index]) => host.symbolName?.(index as number) ?? null;
    handlers[E.locate] = ([offset]) => guest.locate?.(offset as number) ?? null;
    handlers[E.trace] = ([bytes]) => config.onTrace?.(bytes as Uint8Array);
    this.channel = new Channel(this.child.fromChild, this.child.toChild, handlers, {
      decodeError: (data) => this.rethrown(data),
      encodeError: (e) => {
        const ref = this.nextRef++;
        this.kept.set(ref, e);
        return errorData(e, ref);
      },
    });
    const child = this.child;
    abandoned.register(this, () => endChild(child, true), this);
    live.push(this);
    const { module: _module, locate, ...portable } = guest;
    const { onTrace, ...settings } = config;
    const setup: ChildSetup = { guest: { ...portable, locates: locate !== null }, config: { ...settings, traced: onTrace !== undefined } };
    try {
      this.call(C.setup, new Structured(setup));
    } catch (e) {
      this.close();
      throw e;
    }
    if (guest.hasOnOrder) {
      this.onOrder = (id, status, price, units) => void this.call(C.onOrder, id, status, price, units);
      this.onOrderAt = (events: OrderEvents, k: number) => void this.call(C.onOrderAt, events.id[k]!, events.status[k]!, events.price[k]!, events.units[k]!);
    }
    if (guest.hasOnTrade) {
      this.onTrade = (size, entry, exit, pnl) => void this.call(C.onTrade, size, entry, exit, pnl);
      this.onTradeAt = (trades: TradeLog, k: number) => void this.call(C.onTradeAt, trades.size[k]!, trades.entryPrice[k]!, trades.exitPrice[k]!, trades.pnl[k]!);
    }
  }

  /** Which optional layers this child runs under (sandbox/process/spawn). */
  get layers(): ChildLayers {
    return this.child.layers;
  }

  /** The child's process id (tests: killing it mid-run). */
  get pid(): number | undefined {
    return this.child.process.pid;
  }

  /** The modules the child runs (sent to it: it may read no file). */
  get modules(): readonly string[] {
    return this.child.modules;
  }

  init(): void {
    this.call(C.init);
  }

  onBar(time: bigint, open: number, high: number, low: number, close: number, volume: number): void {
    this.call(C.onBar, time, open, high, low, close, volume);
  }

  onBarAt(bars: Bars, _words: Int32Array, j: number): void {
    this.call(C.onBarAt, bars.time[j]!, bars.open[j]!, bars.high[j]!, bars.low[j]!, bars.close[j]!, bars.volume[j]!);
  }

  snapshot(bar: number): Uint8Array {
    return this.call(C.snapshot, bar) as Uint8Array;
  }

  chargeFuel(units: number): void {
    this.call(C.chargeFuel, units);
  }

  fuelUsed(): bigint {
    return this.call(C.fuelUsed) as bigint;
  }

  instructions(): bigint {
    return this.call(C.instructions) as bigint;
  }

  finish(): GuestRunStats {
    const stats = (this.call(C.finish) as Structured).value as GuestRunStats;
    this.finished = true;
    return stats;
  }

  memoryBytes(): Uint8Array {
    return this.call(C.memoryBytes) as Uint8Array;
  }

  /** Tests: how each forbidden thing the probe tried in the child was refused. */
  probe(): ProbeResult {
    return (this.call(C.probe) as Structured).value as ProbeResult;
  }

  /** Tests: the child stops answering for good (the watchdog's case). */
  hang(): void {
    this.call(C.hang);
  }

  /**
   * Ends the child: its pipe closed, so it exits at EOF — at once after `finish`, when it waits for
   * the next call; otherwise (a fault, a host error, a dead session) its process group is killed too,
   * whatever it was doing. Idempotent.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    abandoned.unregister(this);
    const at = live.indexOf(this);
    if (at >= 0) live.splice(at, 1);
    const child = this.child, p = child.process;
    const reusable = !this.dead && !child.ended && p.exitCode === null && p.signalCode === null && performance.now() - child.spawnedAt < this.timeoutMs / 2;
    if (!reusable) return endChild(child, !this.finished);
    const expiry = setTimeout(() => {
      const k = this.pool.findIndex((q) => q.child === child);
      if (k >= 0) this.pool.splice(k, 1);
      endChild(child, false);
    }, IDLE_MS);
    expiry.unref();
    this.pool.push({ wasm: this.wasm, timeoutMs: this.timeoutMs, child, expiry });
    while (this.pool.length > MAX_IDLE) {
      const [oldest] = this.pool.splice(0, 1);
      clearTimeout(oldest!.expiry);
      endChild(oldest!.child, false);
    }
  }

  private call(method: number, ...args: Value[]): Value {
    if (this.dead) throw this.dead;
    if (this.closed) throw new SandboxError('RUNTIME_FAILED', 'process runtime: the session is closed');
    if (live[live.length - 1] !== this) {
      live.splice(live.indexOf(this), 1);
      live.push(this);
    }
    try {
      // In-process, a trap is located from the stack V8 records, as long as this thread's
      // Error.stackTraceLimit lets it (sandbox/runtime keepTrapFrames): the child keeps the same limit.
      const limit = typeof Error.stackTraceLimit === 'number' ? Error.stackTraceLimit : 0;
      if (!Object.is(limit, this.limitSent)) {
        this.limitSent = limit;
        this.channel.call(C.stackTraceLimit, limit);
      }
      return this.channel.call(method, ...args);
    } catch (e) {
      if (e instanceof ChannelClosed) throw this.died(e);
      throw e;
    }
  }

  /** The child is gone: killed by the watchdog, or dead of its own accord (what it printed is in the message). */
  private died(cause: ChannelClosed): SandboxError {
    if (this.dead) return this.dead;
    const elapsed = performance.now() - this.startedAt;
    if (this.child.layers.watchdog && elapsed >= this.timeoutMs) {
      this.dead = new SandboxError('WATCHDOG', `the guest process exceeded the wall-clock limit of ${this.timeoutMs / 1000} s and was killed (SIGKILL)`, { cause });
    } else {
      const said = stderrTail(this.child.stderr);
      this.dead = new SandboxError('RUNTIME_FAILED', `the guest process (pid ${this.child.process.pid}) ended before it answered${said ? `; it printed: ${said}` : ''}`, { cause });
    }
    this.close();
    return this.dead;
  }

  /** A THROW from the child: the host error it names, as the same object (message and site as the child's instance set them), or a rebuilt one. */
  private rethrown(data: ErrorData): unknown {
    if (data.ref !== undefined && this.kept.has(data.ref)) {
      const original = this.kept.get(data.ref);
      if (original instanceof BackproofError) {
        original.message = data.message;
        if (data.site !== undefined) (original as { site?: unknown }).site = data.site;
      }
      return original;
    }
    return errorOf(data);
  }
}

/** The process runtime (docs/ISOLATION-PROCESS.md); options for tests and benchmarks. */
export function processRuntime(options: ProcessRuntimeOptions = {}): { readonly isolation: 'process'; open(guest: GuestModule, host: GuestHost, config: SandboxConfig): ProcessSession } {
  const pool: Parked[] = []; // this runtime's idle children (per thread: each thread has its own module instance)
  return { isolation: 'process', open: (guest, host, config) => new ProcessSession(guest, host, config, options, pool) };
}
