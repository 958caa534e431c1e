/**
 * @module engine/progress
 * How far a run has got, in memory another thread can read: three int32 slots of a
 * SharedArrayBuffer: the events done, the total, and whether the loop has ended. The engine loop writes them (run on a guest
 * thread, run/worker); a display on the main thread reads them from a timer. The loop writes the
 * count once every PROGRESS_EVERY events, never per bar, so the hot path pays one integer
 * comparison per event. Nothing in a run reads these slots: they cannot change a result or a hash.
 */

/** Slot of the events processed so far. */
export const PROGRESS_DONE = 0;
/** Slot of the events the run will process: estimated from the sources before the loop, exact once it ends. */
export const PROGRESS_TOTAL = 1;
/** Slot set to 1 when the loop has ended (the run then computes its statistics and commitments). */
export const PROGRESS_ENDED = 2;
/** The engine writes PROGRESS_DONE every this many events (a power of two) and once at the end. */
export const PROGRESS_EVERY = 4096;

/** A progress counter: crosses to a guest thread by structured clone as a view of the same shared memory. */
export type ProgressCounter = Int32Array;

export function progressCounter(): ProgressCounter {
  return new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
}

/** The counter as last written (done ≤ total; all 0 before the engine starts). */
export function readProgress(counter: ProgressCounter): { done: number; total: number; ended: boolean } {
  const done = Atomics.load(counter, PROGRESS_DONE);
  return { done, total: Math.max(done, Atomics.load(counter, PROGRESS_TOTAL)), ended: Atomics.load(counter, PROGRESS_ENDED) === 1 };
}

/** Stores `value` in a slot, capped at the int32 range (a run of more than 2^31 events shows as full). */
export function writeProgress(counter: ProgressCounter, slot: number, value: number): void {
  Atomics.store(counter, slot, Math.min(value, 0x7fff_ffff));
}
