/**
 * @module run/guest-thread
 * The entry of a guest thread (run/worker): calls the exported function it was given and posts back
 * its value or its error as data. A module of its own, so that the module it calls may import
 * run/worker without importing the entry while it is still being evaluated.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { BackproofError } from '../errors.ts';

const call = !isMainThread && (workerData as { __backproofCall?: { module: string; fn: string; arg: unknown } } | null)?.__backproofCall;
if (call && parentPort) {
  try {
    const m = (await import(call.module)) as Record<string, (arg: unknown) => unknown>;
    parentPort.postMessage({ value: await m[call.fn]!(call.arg) });
  } catch (e) {
    const err = e as BackproofError & { step?: string };
    parentPort.postMessage({ error: { kind: err?.constructor?.name ?? 'Error', code: err.code, message: err.message ?? String(e), step: err.step, stack: err.stack } });
  }
}
