/**
 * @module run/guest-thread
 * The entry of a guest thread (run/worker): for each call it is sent — a module URL, the name of a
 * function it exports and its argument — it imports the module (once per thread), calls the function
 * and posts back its value or its error as data. One call at a time: the next comes only after the
 * reply. A module of its own, importing nothing of the host, so that the thread loads only what its
 * calls need, and the module it calls may import run/worker without importing this entry while it
 * is still being evaluated.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import type { BackproofError } from '../errors.ts';

type Call = { module: string; fn: string; arg: unknown };

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', async (call: Call) => {
    try {
      const m = (await import(call.module)) as Record<string, (arg: unknown) => unknown>;
      port.postMessage({ value: await m[call.fn]!(call.arg) });
    } catch (e) {
      const err = e as BackproofError & { step?: string };
      port.postMessage({ error: { kind: err?.constructor?.name ?? 'Error', code: err?.code, message: err?.message ?? String(e), step: err?.step, stack: err?.stack } });
    }
  });
}
