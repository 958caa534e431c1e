/**
 * @module run/guest-thread
 * The entry of a guest thread (run/worker): for each call it is sent — a module URL, the name of a
 * function it exports and its argument — it imports the module (once per thread), calls the function
 * and posts back its value or its error as data. One call at a time: the next comes only after the
 * reply. Large typed arrays may cross without a copy (transferred: `lent` and TRANSFER below). A
 * module of its own, importing nothing of the host, so that the thread loads only what its calls
 * need, and the module it calls may import run/worker without importing this entry while it is
 * still being evaluated. A function called is also given `post`: what it posts reaches the caller
 * before the reply (a sweep's lane says which combination it starts and what each gave).
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import type { BackproofError } from '../errors.ts';

/**
 * A call; `lent` is a value whose ArrayBuffers (`lentBuffers`) were transferred with the call rather
 * than copied: they are transferred back with the reply, whatever the call did (run/worker lends a
 * run's bars this way). `preload`: modules to import ahead of the first call, then `warm` (a
 * function of one of them, given a function that says whether a call has come since, awaited, its value and errors ignored), no reply.
 */
type Call = { module: string; fn: string; arg: unknown; lent?: unknown; lentBuffers?: ArrayBuffer[] } | { preload: string[]; warm?: { module: string; fn: string } };

/** A value's own property under this symbol lists ArrayBuffers to transfer with it rather than copy (run/worker). */
const TRANSFER = Symbol.for('backproof.guest-thread.transfer');

function transferOf(value: unknown, lent: ArrayBuffer[] = []): ArrayBuffer[] {
  const own = value !== null && typeof value === 'object' ? (value as Record<symbol, unknown>)[TRANSFER] : undefined;
  return [...new Set([...lent, ...(Array.isArray(own) ? (own as ArrayBuffer[]) : [])])];
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  let called = false; // a call has come: a warm-up still pending is no head start any more
  // A call's word before its reply (run/worker inGuestThread onProgress): each one also re-arms the call's watchdog.
  const post = (progress: unknown): void => port.postMessage({ progress });
  port.on('message', async (call: Call) => {
    if ('preload' in call) {
      // Loading ahead of the first call; an error shows again, and is reported, when that call imports the module.
      for (const m of call.preload) await import(m).catch(() => {});
      if (call.warm) {
        try {
          const m = (await import(call.warm.module)) as Record<string, (stop: () => boolean) => unknown>;
          // (it may work in steps, yielding between them: it is told when a call has come, and then stops)
          if (!called) await m[call.warm.fn]!(() => called);
        } catch {
          // (only a head start: the call that needs it does the same work and meets any error itself)
        }
      }
      return;
    }
    called = true;
    const lent = call.lent === undefined ? {} : { lent: call.lent };
    try {
      const m = (await import(call.module)) as Record<string, (arg: unknown, post: (progress: unknown) => void) => unknown>;
      const value = await m[call.fn]!(call.arg, post);
      port.postMessage({ value, ...lent }, transferOf(value, call.lentBuffers));
    } catch (e) {
      const err = e as BackproofError & { step?: string };
      port.postMessage({ error: { kind: err?.constructor?.name ?? 'Error', code: err?.code, message: err?.message ?? String(e), step: err?.step, stack: err?.stack }, ...lent }, transferOf(null, call.lentBuffers));
    }
  });
}
