/**
 * @module sandbox/wasi/pool-worker
 * The entry of Wasmer's pool workers (the threads @wasmer/sdk runs a WASI process on: wasi/thread starts
 * them through this module, which then loads Wasmer's own worker). It adds one thing: when a linked
 * guest (a module exporting the driver's TRAP_EXPORT) traps, its instance is still whole — memories
 * and globals as they were at the trapping instruction, and V8's error says where that instruction is.
 * Before Wasmer sees the trap, the driver's trap report is called with that position and the trap's
 * message: it sends a TRAP frame and serves the host's frames (READ, GLOBALS) until its EXIT, so the
 * host stops the run exactly where in-process V8 does (docs/ISOLATION-WASI.md, "Traps"). Nothing of
 * the guest runs again; the driver's code only reads what the trap left.
 *
 * Wasmer starts a process's `_start` through `WebAssembly.promising` (JSPI); that wrapper is where
 * the trap is caught. A trap Wasmer reaches some other way ends the process as before (the host then
 * states what it knows: wasi/runtime).
 */
import { trapPosition } from '../stop.ts';
import { DRIVER_MEMORY_EXPORT, TRAP_EXPORT, TRAP_MESSAGE_AT, TRAP_MESSAGE_MAX } from './protocol.ts';

type Exports = Record<string, unknown>;
type Promising = (f: (...args: number[]) => unknown) => (...args: number[]) => Promise<unknown>;
const api = WebAssembly as unknown as { Instance: typeof WebAssembly.Instance; promising?: Promising };

/** Linked guests' `_start`, to their instance. */
const linked = new WeakMap<object, WebAssembly.Instance>();

api.Instance = new Proxy(WebAssembly.Instance, {
  construct(target, args, newTarget) {
    const instance = Reflect.construct(target, args, newTarget) as WebAssembly.Instance;
    const exports = instance.exports as Exports;
    if (typeof exports[TRAP_EXPORT] === 'function' && typeof exports._start === 'function') linked.set(exports._start, instance);
    return instance;
  },
});

const promising = api.promising;
if (promising) {
  api.promising = (f) => {
    const started = promising(f);
    const instance = linked.get(f);
    if (!instance) return started;
    return (...args: number[]) => started(...args).catch((e: unknown) => reportTrap(instance, e));
  };
}

/** Sends the driver's trap report of `error` (a trap), serves the host until its EXIT, and ends as the trap did. */
async function reportTrap(instance: WebAssembly.Instance, error: unknown): Promise<never> {
  if (!(error instanceof WebAssembly.RuntimeError)) throw error;
  const exports = instance.exports as Exports;
  const position = trapPosition(error) ?? 0xffffffff;
  const message = new TextEncoder().encode(error.message).subarray(0, TRAP_MESSAGE_MAX);
  new Uint8Array((exports[DRIVER_MEMORY_EXPORT] as WebAssembly.Memory).buffer, TRAP_MESSAGE_AT, message.length).set(message);
  // The report blocks reading stdin like any host call: started through JSPI as _start was. The host's
  // EXIT ends it with proc_exit, which ends the process cleanly (its thread is kept).
  await promising!(exports[TRAP_EXPORT] as (...args: number[]) => unknown)(position, message.length);
  throw error;
}

// Wasmer's own worker, beside the SDK's entry (wasi/thread hands this module's URL to Wasmer in its place).
await import(new URL('./node-worker.js', import.meta.resolve('@wasmer/sdk/node')).href);
