/**
 * @module sandbox/stop
 * Where a run stopped inside a region — a trap, or a bulk operation whose size charge did not fit —
 * and how its trace stream ends (docs/TRACE.md, "Stops"). A region is charged and its trace record
 * reserved when it starts, so a stop inside it leaves instructions charged that never ran and
 * address words never written. The host cuts the record to what ran: a stop record [0, 2, ran,
 * cause], then the region's id and the address words its first `ran` instructions computed.
 */
import { Reader } from './instrument/bytes.ts';
import { decode, Kind } from './instrument/opcodes.ts';
import { parseModule } from './instrument/module.ts';
import type { InstrumentMeta } from './instrument/instrument.ts';

/** The stop record and its causes: traces/records (the stream's host records, in one place). */
export { stopRecord, HOST_STOP as STOP_RECORD, STOP_TRAP, STOP_FUEL } from '../../traces/index.ts';

export interface StopSite {
  /** Region id (1-based). */
  region: number;
  /** Instructions of the region that ran, the one that stopped included (1..N). */
  ran: number;
  /** Original function index and byte offset of the instruction that stopped. */
  func: number;
  offset: number;
  /** Address words the region had recorded by then (0 without a trace). */
  words: number;
}

/** The site of the `ran`-th instruction of `region`, read from the original module. */
export function siteAt(meta: InstrumentMeta, original: Uint8Array, region: number, ran: number): StopSite {
  const r = region - 1;
  const reader = new Reader(original, meta.regions.offset[r]!);
  let offset = reader.pos;
  let accesses = 0;
  for (let k = 0; k < ran; k++) {
    offset = reader.pos;
    const ins = decode(reader);
    if (ins.kind === Kind.load || ins.kind === Kind.store) accesses++;
  }
  // Words are allotted in program order of first use, so those used so far are 0..max.
  let words = 0;
  if (meta.trace) {
    const from = meta.regions.slotStart[r]!;
    for (let a = 0; a < accesses; a++) words = Math.max(words, meta.regions.accessSlots[from + a]! + 1);
  }
  return { region, ran, func: meta.regions.func[r]!, offset, words };
}

/** The site of a failed size charge: `code` is what the instrumentation passed to out_of_fuel (−(site + 1)). */
export function bulkSite(meta: InstrumentMeta, original: Uint8Array, code: number): StopSite {
  const site = -code - 1;
  return siteAt(meta, original, meta.bulkSites.region[site]!, meta.bulkSites.position[site]! + 1);
}

/**
 * The site of a trap at byte `at` of the instrumented module (V8's position of the trapping
 * instruction), or null when `at` is not a copy of an original instruction.
 */
export function trapSite(meta: InstrumentMeta, instrumented: Uint8Array, original: Uint8Array, at: number): StopSite | null {
  const offs = meta.instrumentedOffsets;
  let lo = 0, hi = offs.length - 1, i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (offs[mid]! <= at) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (i < 0 || at >= decode(new Reader(instrumented, offs[i]!)).end) return null;
  // Region of copy i: copies are numbered region after region.
  const counts = meta.regions.instructions;
  let region = 0, first = 0;
  while (first + counts[region]! <= i) first += counts[region++]!;
  return siteAt(meta, original, region + 1, i - first + 1);
}

/** Function index of original byte `offset` (a code body contains it), or null. */
export function functionAt(original: Uint8Array, offset: number): number | null {
  const m = parseModule(original);
  const d = m.bodies.findIndex((b) => b.start <= offset && offset < b.end);
  return d < 0 ? null : m.importedFuncs + d;
}

/**
 * V8's structured stack of `error` (its call sites), or null; leaves the usual text in `error.stack`
 * for whoever prints the error. V8 formats a stack once, with the `prepareStackTrace` in effect then.
 */
function callSites(error: Error): NodeJS.CallSite[] | null {
  const previous = Error.prepareStackTrace;
  let frames: unknown;
  try {
    Error.prepareStackTrace = (_e, sites) => sites;
    frames = error.stack;
  } finally {
    Error.prepareStackTrace = previous;
  }
  if (!Array.isArray(frames)) return null;
  error.stack = `${error.name}: ${error.message}${frames.map((f) => `\n    at ${String(f)}`).join('')}`;
  return frames as NodeJS.CallSite[];
}

/**
 * Byte offset V8 gives for the top frame of a wasm trap (its structured stack), or null. Read before
 * anything formats `error.stack`: V8 formats it once, with the `prepareStackTrace` in effect then.
 * A trap that happened elsewhere (in a sandboxed process: wasi/runtime) carries its `position`.
 */
export function trapPosition(error: WebAssembly.RuntimeError): number | null {
  if ('position' in error) return Number.isInteger(error.position) ? (error.position as number) : null;
  const frames = callSites(error);
  if (!frames || frames.length === 0) return null;
  const top = frames[0]!;
  if (!String(top.getFileName() ?? '').startsWith('wasm://')) return null;
  const at = top.getPosition();
  return Number.isInteger(at) ? at : null;
}

/**
 * Byte offset of the innermost wasm frame of an error raised by a host import the guest called (the
 * call instruction), or null. Like trapPosition, read before anything formats `error.stack`.
 */
export function wasmCallPosition(error: Error): number | null {
  const frames = callSites(error);
  if (!frames) return null;
  const frame = frames.find((f) => String(f.getFileName() ?? '').startsWith('wasm://'));
  const at = frame?.getPosition();
  return frame && Number.isInteger(at) ? at! : null;
}

