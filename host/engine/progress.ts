/**
 * @module engine/progress
 * How far a run has got, in memory another thread can read: four int32 slots of a
 * SharedArrayBuffer: the events done, the total, whether the loop has ended, and the stage before the
 * loop. The engine loop writes the first three (run on a guest thread, run/worker), run/execute the
 * stage at each change; a display on the main thread reads them from a timer. The loop writes the
 * count once every PROGRESS_EVERY events, never per bar, so the hot path pays one integer
 * comparison per event. Nothing in a run reads these slots: they cannot change a result or a hash.
 * What a command does on the main thread around the run (reading data, building, writing the run
 * folder…) is told to the display directly, as a Phase.
 */

/** Slot of the events processed so far. */
export const PROGRESS_DONE = 0;
/** Slot of the events the run will process: estimated from the sources before the loop, exact once it ends. */
export const PROGRESS_TOTAL = 1;
/** Slot set to 1 when the loop has ended (the run then computes its statistics and commitments). */
export const PROGRESS_ENDED = 2;
/** Slot of the stage of the guest thread before the loop: 0, STAGE_INSTRUMENT or STAGE_INIT (run/execute writes it). */
export const PROGRESS_STAGE = 3;
/** The module is being instrumented (sandbox compileGuest). */
export const STAGE_INSTRUMENT = 1;
/** The guest is instantiated and its init() runs. */
export const STAGE_INIT = 2;
/** The engine writes PROGRESS_DONE every this many events (a power of two) and once at the end. */
export const PROGRESS_EVERY = 4096;

/** A progress counter: crosses to a guest thread by structured clone as a view of the same shared memory. */
export type ProgressCounter = Int32Array;

export function progressCounter(): ProgressCounter {
  return new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
}

/** The counter as last written (done ≤ total; all 0 before the engine starts; stage null before run/execute writes one). */
export function readProgress(counter: ProgressCounter): { done: number; total: number; ended: boolean; stage: 'instrument' | 'init' | null } {
  const done = Atomics.load(counter, PROGRESS_DONE);
  const stage = Atomics.load(counter, PROGRESS_STAGE);
  return {
    done, total: Math.max(done, Atomics.load(counter, PROGRESS_TOTAL)), ended: Atomics.load(counter, PROGRESS_ENDED) === 1,
    stage: stage === STAGE_INSTRUMENT ? 'instrument' : stage === STAGE_INIT ? 'init' : null,
  };
}

/**
 * What a command is doing, told to its display at each change (never per bar). 'run' is the guest
 * thread's part: the counter then tells the rest (the stage, the loop's bars, its end).
 */
export type Phase =
  | { step: 'data'; file: string; bytes?: number; streamed?: boolean }
  | { step: 'build'; file: string }
  | { step: 'folder'; dir: string }
  | { step: 'run' }
  | { step: 'compare' }
  | { step: 'divergence' }
  | { step: 'write'; dir: string }
  | { step: 'report' }
  | { step: 'log' };

/** Told each Phase as the command enters it. */
export type PhaseListener = (phase: Phase) => void;

/** Stores `value` in a slot, capped at the int32 range (a run of more than 2^31 events shows as full). */
export function writeProgress(counter: ProgressCounter, slot: number, value: number): void {
  Atomics.store(counter, slot, Math.min(value, 0x7fff_ffff));
}
