/**
 * @module sandbox/instrument/versions
 * The instrumenter versions a run may record, the trace format each writes, and the names the
 * instrumented module adds (imports of the host, exports the host reads). docs/TRACE.md.
 */
import { SandboxError } from '../../errors.ts';

export const HOST_MODULE = '__backproof';
export const EXPORT_FUEL = '__bp_fuel';
export const EXPORT_BULK = '__bp_bulk';
export const EXPORT_DEPTH = '__bp_depth';
export const EXPORT_RESERVE = '__bp_reserve';
/** Mutable numeric globals of the guest are exported as `__bp_g<index>` for state snapshots (host-side only). */
export const EXPORT_GLOBAL_PREFIX = '__bp_g';
export const EXPORT_TP = '__bp_tp';
export const EXPORT_TRACE_MEMORY = '__bp_trace';
export const RESERVED_PREFIX = '__bp_';
/** Host entry for the bar callback that takes the bar from the bar memory (see `barTrampoline`). */
export const EXPORT_BAR_TRAMPOLINE = '__bp_on_bar';
/** The bar memory: time (i64) at 0, then open, high, low, close, volume (f64) at 8..40. */
export const EXPORT_BAR_MEMORY = '__bp_bar';
/** Trace format 4: one region id word per executed region, then its address words (docs/TRACE.md, "v4"). */
export const INSTRUMENTER_V4 = 'backproof-instrument/4';
/** Trace format 5: branch bits and stride-predicted addresses (docs/TRACE.md, "Trace records"). */
export const INSTRUMENTER_V5 = 'backproof-instrument/5';
/**
 * Trace format 6: format 5's module and stream plus keyframes, host records that let an expander
 * (and so a proof) start part-way through the stream (docs/TRACE.md, "Keyframes").
 */
export const INSTRUMENTER_V6 = 'backproof-instrument/6';
/**
 * Version 7: version 6, byte for byte when traced (its trace format is 6); fuel-only, its fuel check
 * branches out of the function to one `out_of_fuel` call after its body instead of calling it
 * inside every region, which V8 compiles loops better around (docs/TRACE.md, "Fuel").
 */
export const INSTRUMENTER_V7 = 'backproof-instrument/7';
/**
 * Version 8: version 7's modules with a period-2 address predictor — an address is predicted when
 * its distance from the slot's last address is the stride before the last one — so its trace
 * format is 8: format 6 with that predictor and three words a slot in keyframes (docs/TRACE.md, "Format 8").
 */
export const INSTRUMENTER_V8 = 'backproof-instrument/8';
/** The instrumenter new runs use (recorded in the toolchain link). */
export const INSTRUMENTER_VERSION = INSTRUMENTER_V8;
/** The instrumenters this installation can reproduce, oldest first. */
export const SUPPORTED_INSTRUMENTERS: readonly string[] = [INSTRUMENTER_V4, INSTRUMENTER_V5, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8];
/** The trace stream's format: 4, 5, 6 (also version 7's) or 8, named after the version that introduced it. */
export type TraceFormat = 4 | 5 | 6 | 8;
export const INSTRUMENTER_OF: Record<TraceFormat, string> = { 4: INSTRUMENTER_V4, 5: INSTRUMENTER_V5, 6: INSTRUMENTER_V6, 8: INSTRUMENTER_V8 };
/** Exported in trace formats 5 and 6: the branch-bit accumulator and the stream position of its word. */
export const EXPORT_BITS = '__bp_bits';
export const EXPORT_BIT_SLOT = '__bp_bitslot';
/** Version 7 traced, predictors in globals: a function that copies them to the trace memory at `meta.predictorsAt` (for a keyframe). */
export const EXPORT_PREDICTORS = '__bp_predictors';

/** The trace format of a recorded instrumenter name; throws for one this installation does not have. */
export function traceFormatOf(instrumenter: string): TraceFormat {
  // Versions 1 to 3 are verified with version 4's pass, as they were before version 5 (they differ from it).
  if (/^backproof-instrument\/[1-4]$/.test(instrumenter)) return 4;
  if (instrumenter === INSTRUMENTER_V5) return 5;
  if (instrumenter === INSTRUMENTER_V6 || instrumenter === INSTRUMENTER_V7) return 6;
  if (instrumenter === INSTRUMENTER_V8) return 8;
  throw new SandboxError('WASM_UNSUPPORTED', `instrumenter "${instrumenter}" is not one this installation has (${SUPPORTED_INSTRUMENTERS.join(', ')})`);
}

/** Trace bytes buffered before the host is asked to flush, unless the options say otherwise. */
export const DEFAULT_FLUSH_THRESHOLD = 1 << 20;
