/**
 * @module sandbox/wasi/runtime
 * `--isolation wasi` (docs/ISOLATION-WASI.md): the guest runs in a Wasmer sandbox (@wasmer/sdk, on a
 * worker thread serving one session at a time: wasi/thread) as a WASI command, linked with a driver (wasi/link) that
 * serves frames (wasi/protocol) on its stdin and stdout. The engine and the session's GuestInstance
 * (sandbox/runtime) stay on this thread: the instance is made over a remote instance, `RemoteGuest`,
 * whose exports stand for the sandboxed module's — each exported function a CALL, each guest import
 * a HOSTCALL answered here by the GuestInstance's own import functions, the instrumentation globals
 * (fuel, bulk, reserve, tp, bits, bit slot) mirrored in real WebAssembly.Globals whose values travel
 * with every call, reply and return, and the memories read when the host reads them. So every byte of
 * the trace, every count and every error message is made by the same code as in-process, from the
 * same values (sandbox/runtimes, THE CONTRACT). A trap is reported by the sandboxed process before it
 * ends (a TRAP frame: wasi/pool-worker) and stops the run as in-process; a process that ends without a
 * report takes the run back to where the guest last ran on from an empty trace memory (docs/ISOLATION-WASI.md,
 * "Traps"). A session's thread, sound at its end, is kept for the next session ("Threads kept").
 */
import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { SandboxError } from '../../errors.ts';
import { siblingModule } from '../../paths.ts';
import type { GuestHost } from '../abi.ts';
import { GuestInstance, type GuestModule, type SandboxConfig } from '../runtime.ts';
import { EXPORT_BAR_MEMORY, EXPORT_TP, EXPORT_TRACE_MEMORY, HOST_MODULE } from '../instrument/instrument.ts';
import {
  CALL, DATA, EXIT, F32, F64, GLOBALS, HOSTCALL, I32, I64, READ, REPLY, RETURN, SLOT, TRAP, WRITE, type Plan, type PlanGlobal,
} from './protocol.ts';
import { instrumentedPosition, type Positions } from './transplant.ts';

/** A session's wall-clock limit by default (the CLI's default --timeout; run/worker's watchdog is usually shorter). */
export const DEFAULT_WASI_TIMEOUT_MS = 600_000;
/** Setting up (linking, loading Wasmer, starting the process) has a limit of its own: past it, WATCHDOG too. */
const SETUP_TIMEOUT_MS = 300_000;

export interface WasiRuntimeOptions {
  /** Wall-clock limit of one session; past it its thread is terminated and the call fails with WATCHDOG. */
  timeoutMs?: number;
}

type Message = Uint8Array | { plan: Plan; positions: Positions } | { exit: number; reason: string; stderr: string } | { error: { name: string; code: string | null; message: string } };

/** The engine's end of a sandbox thread: frames out on the port, frames in by a blocking wait on `signal`. */
class Link {
  readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  private deadline = 0;
  private armed = false;
  private timeoutMs = 0;
  /** Sessions this thread has served (retired past MAX_SESSIONS_A_THREAD). */
  sessions = 0;
  /** EXIT sent at close: the thread's end-of-process message is still to come before it serves again. */
  draining = false;
  /** Terminates the thread when it has been idle for IDLE_MS. */
  expiry: NodeJS.Timeout | null = null;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.signal = new Int32Array(new SharedArrayBuffer(4));
    this.worker = new Worker(siblingModule('thread', import.meta.url), {
      workerData: { port: port2, signal: this.signal },
      transferList: [port2],
    });
    this.worker.unref();
    this.port.unref();
  }

  /** Starts a session of `instrumented` on the thread: its limit counts from its first call (setup has its own). */
  begin(instrumented: Uint8Array, timeoutMs: number): void {
    this.sessions++;
    this.timeoutMs = timeoutMs;
    this.armed = false;
    this.deadline = performance.now() + Math.max(timeoutMs, SETUP_TIMEOUT_MS);
    this.port.postMessage({ session: instrumented });
  }

  send(frame: Uint8Array): void {
    // The limit counts the guest's time: from the first call (setup had the same limit on its own).
    if (!this.armed) {
      this.armed = true;
      this.deadline = performance.now() + this.timeoutMs;
    }
    this.port.postMessage(frame);
  }

  /** The next message from the thread; blocks. WATCHDOG past the session's wall-clock limit. */
  receive(): Message {
    for (;;) {
      const got = receiveMessageOnPort(this.port);
      if (got) return got.message as Message;
      const seen = Atomics.load(this.signal, 0);
      const again = receiveMessageOnPort(this.port);
      if (again) return again.message as Message;
      const left = this.deadline - performance.now();
      if (left <= 0) {
        this.end();
        throw new SandboxError('WATCHDOG', this.armed
          ? `the guest ran past the session's wall-clock limit of ${this.timeoutMs} ms (--isolation wasi); its thread was terminated`
          : `the WASI sandbox was not ready within ${Math.max(this.timeoutMs, SETUP_TIMEOUT_MS)} ms (--isolation wasi); its thread was terminated`);
      }
      Atomics.wait(this.signal, 0, seen, Math.min(left, 1000));
    }
  }

  /**
   * After an EXIT at close: waits (at most DRAIN_MS) for the process's end, dropping any frame before
   * it. False when the thread did not end it cleanly: then it is terminated.
   */
  drained(): boolean {
    if (!this.draining) return true;
    this.draining = false;
    this.armed = true;
    this.deadline = performance.now() + DRAIN_MS;
    try {
      for (;;) {
        const message = this.receive();
        if (message instanceof Uint8Array) continue;
        if ('exit' in message && message.exit === 0) return true;
        this.end();
        return false;
      }
    } catch {
      return false; // past DRAIN_MS: receive ended the thread
    }
  }

  /** Settles once the thread is gone (after end). */
  exited: Promise<number> | null = null;

  /** Terminates the thread (and with it Wasmer's workers and the guest). Idempotent. */
  end(): Promise<number> {
    if (this.expiry) clearTimeout(this.expiry);
    if (!this.exited) {
      this.port.close();
      this.exited = this.worker.terminate();
    }
    return this.exited;
  }
}

/**
 * Sandbox threads whose session ended with the thread sound (its process exited after EXIT, or
 * trapped), kept for this thread's next wasi session, of any module: what a thread keeps between
 * sessions is Binaryen and Wasmer's own code, never a guest's state — each session has a new package,
 * sandbox (its own in-memory filesystem) and process, and a guest can reach only its own stdin,
 * stdout and proc_exit (wasi/protocol checkWasiImports). At most MAX_IDLE, each for IDLE_MS; a thread
 * is retired after MAX_SESSIONS_A_THREAD sessions (Wasmer's memory grows a little with each).
 */
const idle: Link[] = [];
const MAX_IDLE = 1;
const IDLE_MS = 2_000;
const DRAIN_MS = 10_000;
const MAX_SESSIONS_A_THREAD = 128;

/** A sandbox thread for a new session: an idle one whose last process has ended, or a new one. */
function takeLink(): Link {
  for (let link = idle.pop(); link; link = idle.pop()) {
    if (link.expiry) clearTimeout(link.expiry);
    link.expiry = null;
    if (link.drained()) return link;
  }
  return new Link();
}

/** A sound thread back to the idle list (the oldest ended past MAX_IDLE), or ended when spent. */
function keepLink(link: Link): void {
  if (link.exited) return;
  if (link.sessions >= MAX_SESSIONS_A_THREAD) {
    void link.end();
    return;
  }
  idle.push(link);
  while (idle.length > MAX_IDLE) void idle.shift()!.end();
  link.expiry = setTimeout(() => {
    const at = idle.indexOf(link);
    if (at >= 0) idle.splice(at, 1);
    void link.end();
  }, IDLE_MS);
  link.expiry.unref();
}

/** The trace memory the host writes a trapped guest's last records into (they are a few words; the memory's first page). */
const TRACE_MEMORY_AFTER_TRAP = 65_536;

/** What the driver's exit statuses say (wasi/link). */
const DRIVER_EXITS: Record<number, string> = {
  2: 'a frame of an unknown kind', 3: 'a WASI read or write failed', 5: 'a copy between memories was out of range',
  6: 'a call of an export the driver cannot make', 7: 'a frame past the size one carries',
};

/** A value slot (wasi/protocol) of type t. */
function writeSlot(view: DataView, at: number, t: number, value: unknown): void {
  if (t === I32) view.setInt32(at, Number(value) | 0, true);
  else if (t === I64) view.setBigInt64(at, BigInt.asIntN(64, BigInt(value as bigint)), true);
  else if (t === F32) view.setFloat32(at, Number(value), true);
  else view.setFloat64(at, Number(value), true);
}
function readSlot(view: DataView, at: number, t: number): number | bigint {
  return t === I32 ? view.getInt32(at, true) : t === I64 ? view.getBigInt64(at, true) : t === F32 ? view.getFloat32(at, true) : view.getFloat64(at, true);
}
const valueType = (t: number): 'i32' | 'i64' | 'f32' | 'f64' => (t === I32 ? 'i32' : t === I64 ? 'i64' : t === F32 ? 'f32' : 'f64');

/** A fetched memory: the bytes the host reads (and may write), and a copy to tell what it wrote. */
interface Fetched {
  bytes: Uint8Array;
  pristine: Uint8Array;
}

/**
 * The sandboxed module as the GuestInstance sees it: `exports()` has the module's exports, each
 * standing for the remote one. Frames strictly alternate: the host sends a CALL and serves the guest's
 * HOSTCALLs until the RETURN; inside a HOSTCALL it may READ, WRITE and ask for GLOBALS.
 */
export class RemoteGuest {
  private readonly link: Link;
  private readonly plan: Plan;
  /** Where the guest's code lies in the linked module (a TRAP's position mapped back). */
  private readonly positions: Positions;
  private imports: WebAssembly.Imports = {};
  private readonly sync: WebAssembly.Global[];
  /** Memories fetched since the guest last ran, by memory number. */
  private readonly fetched = new Map<number, Fetched>();
  private others: (number | bigint)[] | null = null;
  /** The bar memory is the host's to write (the trampoline reads it): pushed when it changed. */
  private readonly barIndex: number;
  private readonly bar = new Uint8Array(65_536);
  private readonly barSent = new Uint8Array(48);
  private dead: unknown = null;
  /** WRITE frames waiting to go out with the next frame. */
  private readonly pending: Uint8Array[] = [];
  /** The sandboxed process or its thread has ended: nothing more can be read. */
  private gone = false;
  /** The sandboxed process ended (it exited or trapped) and its thread posted that: the thread can serve again. */
  private processEnded = false;
  private closed = false;
  /** The sync globals' values when the guest last ran on from an empty trace memory (tp 0): every record before that point is the host's. */
  private wholeAt: (number | bigint)[] = [];
  /** Where tp is among the sync globals (-1: untraced). */
  private tpIndex = -1;

  constructor(instrumented: Uint8Array, options: WasiRuntimeOptions = {}) {
    this.link = takeLink();
    this.link.begin(instrumented, options.timeoutMs ?? DEFAULT_WASI_TIMEOUT_MS);
    try {
      const first = this.link.receive();
      if (first instanceof Uint8Array || !('plan' in first)) throw first instanceof Uint8Array ? this.protocol('a frame before the plan') : this.failure(first);
      this.plan = first.plan;
      this.positions = first.positions;
      this.tpIndex = this.plan.sync.findIndex((g) => g.name === EXPORT_TP);
      this.sync = this.plan.sync.map((g) => new WebAssembly.Global({ value: valueType(g.type), mutable: true } as WebAssembly.GlobalDescriptor<'i32'>, g.type === I64 ? 0n as never : 0));
      // The driver's first frame is a RETURN with the globals' initial values.
      this.expectReturn(this.frame());
      this.wholeAt = this.sync.map((g) => g.value as number | bigint);
    } catch (e) {
      this.close();
      throw e;
    }
    this.barIndex = this.plan.memories.indexOf(EXPORT_BAR_MEMORY);
  }

  /** Instantiates "the module": what GuestInstance calls in place of `new WebAssembly.Instance`. */
  instantiate(imports: WebAssembly.Imports): WebAssembly.Instance {
    this.imports = imports;
    const exports: Record<string, unknown> = {};
    this.plan.callables.forEach((f, id) => {
      exports[f.name] = (...args: unknown[]) => this.call(id, args);
    });
    this.plan.sync.forEach((g, i) => {
      exports[g.name] = this.sync[i];
    });
    this.plan.others.forEach((g, i) => {
      const remote = this;
      exports[g.name] = { get value() { return remote.other(i); } };
    });
    this.plan.memories.forEach((name, i) => {
      const remote = this;
      exports[name] = i === this.barIndex ? { buffer: this.bar.buffer } : { get buffer() { return remote.memory(i); } };
    });
    return { exports } as unknown as WebAssembly.Instance;
  }

  /**
   * Ends the session. Its process, when alive, is sent EXIT (it waits for a frame: between calls, or
   * parked in a host call after a host error) and its thread is kept for the next session, as it is
   * when the process already ended; a thread that failed or was terminated is not. Idempotent.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.dead ??= new SandboxError('RUNTIME_FAILED', '--isolation wasi: the session is closed');
    const wasGone = this.gone;
    this.gone = true;
    if (this.link.exited) return;
    if (this.processEnded) return keepLink(this.link);
    if (wasGone) return void this.link.end();
    try {
      this.link.send(this.frameOf(EXIT, 0).frame);
    } catch {
      return void this.link.end();
    }
    this.link.draining = true;
    keepLink(this.link);
  }

  /** The sandbox thread's id (a thread serves one session after another: "Threads kept"). */
  get threadId(): number {
    return this.link.worker.threadId;
  }

  /** Settles when the sandbox's thread is gone (ended by the wall-clock limit, a failure, or idle past its time); null while it runs. */
  get exited(): Promise<number> | null {
    return this.link.exited;
  }

  private call(id: number, args: unknown[]): void {
    const f = this.plan.callables[id]!;
    const { frame, view } = this.frameOf(CALL, 4 + SLOT * this.sync.length + SLOT * f.params.length);
    view.setUint32(8, id, true);
    this.beforeGuest(view, 12);
    f.params.forEach((t, k) => writeSlot(view, 12 + SLOT * (this.sync.length + k), t, args[k]));
    this.send(frame);
    this.serve();
  }

  /** Serves the guest's host calls until the call in progress returns. */
  private serve(): void {
    for (;;) {
      const frame = this.frame();
      const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
      const kind = view.getUint32(4, true);
      if (kind === RETURN) return this.expectReturn(frame);
      if (kind === TRAP) throw this.trapped(frame, view);
      if (kind !== HOSTCALL) throw this.protocol(`a frame of kind ${kind} where a RETURN or HOSTCALL was due`);
      const id = view.getUint32(8, true);
      this.syncFrom(view, 12);
      const imp = this.plan.imports[id];
      const fn = imp && (this.imports[imp.module]?.[imp.name] as ((...a: unknown[]) => unknown) | undefined);
      if (!imp || !fn) throw this.protocol(`a host call of import ${id}, which the module does not have`);
      const args = imp.params.map((t, k) => readSlot(view, 12 + SLOT * (this.sync.length + k), t));
      let result: unknown;
      try {
        result = fn(...args);
      } catch (e) {
        // The guest's call ends with the host's error, as in-process. The sandboxed guest stays
        // parked in this host call (its memory readable: a fault's trace and counts are read after
        // it, as in-process) until the session is closed; it is never called again.
        this.dead = e;
        throw e;
      }
      const reply = this.frameOf(REPLY, SLOT * this.sync.length + SLOT);
      this.beforeGuest(reply.view, 8);
      // The guest's own flush: the host has every record up to here, and the guest empties its trace memory (tp 0) as it goes on.
      if (this.tpIndex >= 0 && imp.module === HOST_MODULE && imp.name === 'flush') {
        this.wholeAt = this.sync.map((g) => g.value as number | bigint);
        this.wholeAt[this.tpIndex] = 0;
      }
      if (imp.results.length === 1) writeSlot(reply.view, 8 + SLOT * this.sync.length, imp.results[0]!, result);
      this.send(reply.frame);
    }
  }

  /**
   * The guest trapped and the driver reported it (wasi/pool-worker): the sync globals as they were at
   * the trap, and the trapping instruction's position, mapped back to the instrumented module — V8's
   * in-process error, which GuestInstance makes GUEST_TRAP located as in-process. The guest is parked
   * in the report (its memories readable for the trace's end) until the session is closed.
   */
  private trapped(frame: Uint8Array, view: DataView): WebAssembly.RuntimeError {
    const at = view.getUint32(8, true);
    this.syncFrom(view, 12);
    const message = new TextDecoder().decode(frame.subarray(12 + SLOT * this.sync.length));
    const error = Object.assign(new WebAssembly.RuntimeError(message), { position: instrumentedPosition(this.positions, at) });
    this.dead = error;
    return error;
  }

  private expectReturn(frame: Uint8Array): void {
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    if (view.getUint32(4, true) !== RETURN) throw this.protocol(`a frame of kind ${view.getUint32(4, true)} where a RETURN was due`);
    this.syncFrom(view, 8);
  }

  /** Memory `i` as the guest left it: fetched once per stop of the guest (READ to its end). */
  private memory(i: number): ArrayBuffer {
    const have = this.fetched.get(i);
    if (have) return have.bytes.buffer as ArrayBuffer;
    if (this.processEnded && this.plan.memories[i] === EXPORT_TRACE_MEMORY) {
      // After a trap the trace memory is gone with the process, and forgetUnseen left nothing in it to
      // read (tp 0): the host writes the stop and end records at its start, as over an empty one.
      const bytes = new Uint8Array(TRACE_MEMORY_AFTER_TRAP);
      this.fetched.set(i, { bytes, pristine: bytes.slice() });
      return bytes.buffer as ArrayBuffer;
    }
    const { frame, view } = this.frameOf(READ, 12);
    view.setUint32(8, i, true);
    view.setUint32(12, 0, true);
    view.setUint32(16, 0xffffffff, true);
    this.send(frame);
    const data = this.data();
    const bytes = new Uint8Array(data.length);
    bytes.set(data);
    this.fetched.set(i, { bytes, pristine: data });
    return bytes.buffer as ArrayBuffer;
  }

  /** Exported global `i` of the others (snapshot globals): all fetched at once per stop of the guest. */
  private other(i: number): number | bigint {
    if (!this.others) {
      this.send(this.frameOf(GLOBALS, 0).frame);
      const data = this.data();
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      this.others = this.plan.others.map((g: PlanGlobal, k) => readSlot(view, SLOT * k, g.type));
    }
    return this.others[i]!;
  }

  /** A DATA frame's bytes. */
  private data(): Uint8Array {
    const frame = this.frame();
    if (new DataView(frame.buffer, frame.byteOffset).getUint32(4, true) !== DATA) throw this.protocol('a frame other than DATA after a READ or GLOBALS');
    return frame.subarray(8);
  }

  /**
   * Before the guest runs again: what the host wrote into a fetched memory is written back (only the
   * bytes from the first to the last that changed), the bar memory is pushed when it changed, the
   * mirrors' values go into the frame's sync block at `at`, and what was fetched is forgotten.
   */
  private beforeGuest(view: DataView, at: number): void {
    for (const [i, f] of this.fetched) {
      let lo = 0, hi = f.bytes.length;
      while (lo < hi && f.bytes[lo] === f.pristine[lo]) lo++;
      while (hi > lo && f.bytes[hi - 1] === f.pristine[hi - 1]) hi--;
      if (lo < hi) this.write(i, lo, f.bytes.subarray(lo, hi));
    }
    this.fetched.clear();
    this.others = null;
    if (this.barIndex >= 0) {
      const now = this.bar.subarray(0, 48);
      if (now.some((b, k) => b !== this.barSent[k])) {
        this.write(this.barIndex, 0, now);
        this.barSent.set(now);
      }
    }
    this.plan.sync.forEach((g, k) => writeSlot(view, at + SLOT * k, g.type, this.sync[k]!.value));
    if (this.tpIndex >= 0 && this.sync[this.tpIndex]!.value === 0) this.wholeAt = this.sync.map((g) => g.value as number | bigint);
  }

  /** A WRITE needs no answer: it goes out with the next frame, in one message and one write to stdin. */
  private write(memory: number, offset: number, bytes: Uint8Array): void {
    const { frame, view } = this.frameOf(WRITE, 8 + bytes.length);
    view.setUint32(8, memory, true);
    view.setUint32(12, offset, true);
    frame.set(bytes, 16);
    this.pending.push(frame);
  }

  private syncFrom(view: DataView, at: number): void {
    this.plan.sync.forEach((g, k) => {
      this.sync[k]!.value = readSlot(view, at + SLOT * k, g.type);
    });
  }

  private frameOf(kind: number, payload: number): { frame: Uint8Array; view: DataView } {
    const frame = new Uint8Array(8 + payload);
    const view = new DataView(frame.buffer);
    view.setUint32(0, 4 + payload, true);
    view.setUint32(4, kind, true);
    return { frame, view };
  }

  /** A CALL or REPLY: refused once the session died. A READ or GLOBALS may follow a host error (the guest is parked, alive). */
  private send(frame: Uint8Array): void {
    const kind = frame[4];
    if (this.dead && (kind === CALL || kind === REPLY || this.gone)) throw this.dead;
    if (this.pending.length > 0) {
      const all = new Uint8Array(this.pending.reduce((n, f) => n + f.length, frame.length));
      let at = 0;
      for (const f of this.pending) {
        all.set(f, at);
        at += f.length;
      }
      all.set(frame, at);
      this.pending.length = 0;
      frame = all;
    }
    this.link.send(frame);
  }

  /** The next frame from the guest; the process's end is a trap (GuestInstance makes it GUEST_TRAP) or a failure. */
  private frame(): Uint8Array {
    if (this.gone) throw this.dead;
    let message: Message;
    try {
      message = this.link.receive();
    } catch (e) {
      this.dead = e;
      this.gone = true;
      throw e;
    }
    if (message instanceof Uint8Array) return message;
    throw this.failure(message);
  }

  private failure(message: Exclude<Message, Uint8Array>): unknown {
    this.gone = true;
    if (!('exit' in message)) void this.link.end();
    if ('error' in message) {
      const { code, message: text } = message.error;
      const known = code === 'IMPORT_NOT_ALLOWED' || code === 'EXPORT_MISSING' || code === 'WASM_UNSUPPORTED' || code === 'WASM_MALFORMED';
      this.dead = known ? new SandboxError(code, text) : new SandboxError('RUNTIME_FAILED', `--isolation wasi: the sandbox failed: ${text}`);
      return this.dead;
    }
    if ('exit' in message) {
      this.processEnded = true;
      if (this.wholeAt.length === 0 && message.reason !== 'trapped') {
        // Ended before its first frame: nothing of the guest ran (its start code runs at the first call).
        this.dead = new SandboxError('RUNTIME_FAILED', `--isolation wasi: the sandboxed process ended before it served a frame (status ${message.exit}${DRIVER_EXITS[message.exit] ? `: ${DRIVER_EXITS[message.exit]}` : ''})`);
        return this.dead;
      }
      // The process ended without a trap report (a trapped guest reports itself: wasi/pool-worker), or
      // the driver gave up: what ran since the host last saw the guest is lost, so the trace ends there —
      // no record of code the host did not see run — and the error names no place and no count
      // (`countLost`): the host does not know them (docs/ISOLATION-WASI.md, "Traps").
      this.forgetUnseen();
      const trap = /RuntimeError: (?:js: )?(.+)$/m.exec(message.stderr)?.[1]?.trim();
      const why = trap ?? `the sandboxed process ended (status ${message.exit}${DRIVER_EXITS[message.exit] ? `: ${DRIVER_EXITS[message.exit]}` : ''})`;
      this.dead = Object.assign(new WebAssembly.RuntimeError(why), { position: null, countLost: true });
      return this.dead;
    }
    this.dead = this.protocol('an unexpected message from the sandbox thread');
    return this.dead;
  }

  /**
   * After a trap: what the guest wrote into the trace memory since it last ran on from an empty one
   * (tp 0) is lost with its process, so the run is taken back to that point — the sync globals' values
   * then (fuel, bulk, reserve, tp 0, bits) — and its trace ends there, holding exactly the instructions
   * its count says (an end record never counts records the stream lacks). Untraced, nothing is lost.
   */
  private forgetUnseen(): void {
    if (this.tpIndex < 0 || this.wholeAt.length === 0) return; // untraced, or ended before its first frame
    this.sync.forEach((g, k) => {
      g.value = this.wholeAt[k]!;
    });
  }

  private kill(reason: unknown): void {
    if (!this.dead) {
      try {
        this.link.send(this.frameOf(EXIT, 0).frame);
      } catch { /* the thread is already gone */ }
    }
    this.dead = reason;
    this.gone = true;
    void this.link.end();
  }

  private protocol(what: string): SandboxError {
    const e = new SandboxError('RUNTIME_FAILED', `--isolation wasi: protocol error: ${what}`);
    this.kill(e);
    return e;
  }
}

/** A session: the reference GuestInstance over a RemoteGuest, and `close`, which ends its thread. */
export function openWasiSession(guest: GuestModule, host: GuestHost, config: SandboxConfig, options: WasiRuntimeOptions = {}): GuestInstance & { close(): void; remote: RemoteGuest } {
  const remote = new RemoteGuest(guest.wasm, options);
  let instance: GuestInstance;
  try {
    instance = new GuestInstance(guest, host, config, (_module, imports) => remote.instantiate(imports));
  } catch (e) {
    remote.close();
    throw e;
  }
  return Object.assign(instance, { close: () => remote.close(), remote });
}

/** The wasi runtime (sandbox/runtimes): structurally a GuestRuntime, so the two modules do not import each other. */
export function wasiRuntime(options: WasiRuntimeOptions = {}) {
  return {
    isolation: 'wasi' as const,
    open: (guest: GuestModule, host: GuestHost, config: SandboxConfig) => openWasiSession(guest, host, config, options),
  };
}
