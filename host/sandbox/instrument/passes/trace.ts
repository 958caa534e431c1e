/**
 * @module sandbox/instrument/passes/trace
 * Trace (optional). Each region reserves room at `__bp_tp` in a second memory, the trace memory,
 * which only the instrumentation addresses.
 *
 * Format 4: the region writes its id, and each of its M loads/stores writes its dynamic address
 * operand (u32 LE) into its slot — 4·(1+M) bytes (an access whose address repeats one already
 * recorded in the region reuses its word). Formats 5, 6 and 8: branch bits (br_if, if), br_table
 * indices, call_indirect callees, entry words, and only the addresses the stride predictor missed
 * (docs/TRACE.md, "Trace records"); the predictors sit in the trace memory above the stream's room,
 * or in globals (versions 7 and 8, `__bp_predictors` copies them down for a keyframe).
 *
 * Flushes. At function entry, loop heads and after calls — the only points a region sequence can
 * start again after running an unbounded amount — the tp is compared with the flush threshold and,
 * if past it, `__backproof.flush(tp)` hands the bytes to the host and tp returns to 0. Between two
 * such checks only one pass through one function's regions can run, so the trace memory is sized
 * to the threshold plus the largest function's bytes (format 5: `traceBoundV5`).
 */
import { Reader, Writer } from '../bytes.ts';
import { decode, fixedStackEffect, Kind, type Instr } from '../opcodes.ts';
import type { WasmModule } from '../module.ts';
import {
  I32, getAcc, getTp, loadI32, reloadMirror, setAcc, setTp, storeI32, type CodeContext, type FunctionState, type V5Context,
} from '../context.ts';
import { INSTRUMENTER_V7, INSTRUMENTER_V8 } from '../versions.ts';

const BR_TABLE = 0x0e;
const CALL_INDIRECT = 0x11;

/**
 * Whether a traced module keeps its trace cursor, bit accumulator and fuel in locals mirroring the
 * globals, pushes bits without calling the helper, and keeps its address predictors in globals
 * (version 7; the stream is version 6's word for word). Measured (CPU, paired in one process,
 * load ~2-4): the heavy guest 0.76-0.81x version 6's traced CPU; the mem kernel, half of whose
 * traced CPU is hashing the stream, 0.89-0.99x. Each part alone gained nothing measurable.
 * A function that version 7's additions (traced: the mirrors, the inlined pushes; fuel-only: the
 * branch-out) would take past V8's 50,000 locals or 7,654,321 body bytes is rewritten without them,
 * as version 6 would; a module whose version 6 has V8's 1,000,000 exports keeps its predictors in
 * the trace memory (no `__bp_predictors`).
 */
export function leanTrace(instrumenter: string): boolean {
  return instrumenter === INSTRUMENTER_V7 || instrumenter === INSTRUMENTER_V8;
}

/**
 * Format 5: the most one function can write between two flush checks, bounded from its code alone
 * (before the rewrite, which places the predictors above it): 8 bytes for entry words, and per
 * region (each ends with one control instruction) 16 for bit words and a br_table/call_indirect
 * word, plus 8 per load/store (its miss word and its share of bit words). Also the module's loads
 * and stores (at least its predictor slots).
 */
export function traceBoundV5(m: WasmModule): { maxBytes: number; accesses: number } {
  let max = 0;
  let accesses = 0;
  for (const { start, end } of m.bodies) {
    const r = new Reader(m.bytes, start, end);
    const decls = r.u32();
    for (let i = 0; i < decls; i++) {
      r.u32();
      r.u8();
    }
    let bytes = 8;
    while (r.pos < end) {
      const k = decode(r).kind;
      if (k === Kind.load || k === Kind.store) {
        bytes += 8;
        accesses++;
      } else if (k !== Kind.plain && k !== Kind.block) bytes += 16;
    }
    max = Math.max(max, bytes);
  }
  return { maxBytes: max, accesses };
}

/**
 * Format 5, on entry. Entered from the host (depth 1): the entry word names the function. Entered by
 * call_indirect (the flag is set): the same word tells the expander which function the table gave.
 */
export function enterFunction(w: Writer, ctx: CodeContext, fn: FunctionState): void {
  const x5 = ctx.v5;
  if (!x5) return;
  const entryWord = (v: Writer) => appendWord(v, ctx, (u) => u.u8(0x41).s32(fn.funcIndex + 1));
  if (ctx.exported.has(fn.funcIndex)) {
    w.u8(0x23).u32(ctx.globalDepth).u8(0x41).u8(1).u8(0x46).u8(0x04).u8(0x40);
    w.u8(0x41).u8(0).u8(0x24).u32(x5.globalInd);
    entryWord(w);
    w.u8(0x0b);
  }
  w.u8(0x23).u32(x5.globalInd).u8(0x04).u8(0x40);
  w.u8(0x41).u8(0).u8(0x24).u32(x5.globalInd);
  entryWord(w);
  w.u8(0x0b);
  fn.traceBytes += 8;
}

/** At a region's start, where a sequence of regions may start again: if (tp > threshold) { flush(tp); tp = 0 }. */
export function flushCheck(w: Writer, ctx: CodeContext): void {
  getTp(w, ctx).u8(0x41).s32(ctx.flushThreshold).u8(0x4b);
  w.u8(0x04).u8(0x40);
  getTp(w, ctx).u8(0x10).u32(ctx.funcFlush);
  w.u8(0x41).u8(0).u8(0x24).u32(ctx.globalTp);
  reloadMirror(w, ctx);
  w.u8(0x0b);
}

/**
 * At a region's start, after its fuel check: its room in the stream. Format 4 writes its record's
 * head: base = tp; tp = base + size; mem[base] = id (the address words follow, `recordAccess`).
 */
export function startRegion(w: Writer, ctx: CodeContext, fn: FunctionState, id: number, recorded: number): void {
  if (ctx.v5) fn.traceBytes += 4 * (2 * recorded + 4); // miss words, bit words, a br_table or call_indirect word
  else if (ctx.trace) {
    const size = 4 * (1 + recorded);
    fn.traceBytes += size;
    w.u8(0x23).u32(ctx.globalTp).u8(0x22).u32(fn.BASE).u8(0x41).s32(size).u8(0x6a).u8(0x24).u32(ctx.globalTp);
    w.u8(0x20).u32(fn.BASE).u8(0x41).s32(id);
    storeI32(w, ctx.traceMem, 0);
  }
}

/**
 * The address words of the region being built. Tracks a symbolic operand stack: which values are a
 * local's or global's current value ("key:version"), or null, so that an access whose address is
 * such a value already recorded in the region reuses its word. Globals change only by global.set
 * within a region: calls end regions.
 */
export class RegionAccesses {
  /** For each load/store, in order: which recorded word holds its address. */
  slots: number[] = [];
  /** Address words recorded. */
  recorded = 0;
  private readonly origins: (string | null)[] = [];
  private readonly recordedOrigin = new Map<string, number>();
  private readonly version = new Map<number, number>();
  private nextVersion = 0;
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** A new region starts. */
  reset(): void {
    this.slots = [];
    this.recorded = 0;
    this.origins.length = 0;
    this.recordedOrigin.clear();
  }

  /** Before a load or store is copied: its address recorded (or reused), the operand stack as it was. */
  recordAccess(w: Writer, ctx: CodeContext, fn: FunctionState, ins: Instr): void {
    if (ins.kind !== Kind.load && ins.kind !== Kind.store) return;
    const origin = this.origins[this.origins.length - (ins.kind === Kind.store ? 2 : 1)] ?? null;
    const earlier = origin === null ? undefined : this.recordedOrigin.get(origin);
    if (earlier !== undefined) {
      this.slots.push(earlier);
      return;
    }
    this.slots.push(this.recorded);
    if (origin !== null) this.recordedOrigin.set(origin, this.recorded);
    this.recorded++;
    recordAddress(w, ctx, fn, ins, 4 * this.recorded);
  }

  /** After the access check, every instruction: the symbolic stack follows it. */
  track(ins: Instr): void {
    const origins = this.origins;
    if (ins.op >= 0x20 && ins.op <= 0x24) {
      // locals are keyed by index, globals by -1 - index
      const index = new Reader(this.bytes, ins.start + 1, ins.end).u32();
      const key = ins.op >= 0x23 ? -1 - index : index;
      const writes = ins.op === 0x21 || ins.op === 0x22 || ins.op === 0x24;
      const reads = ins.op === 0x20 || ins.op === 0x22 || ins.op === 0x23;
      if (writes) {
        origins.pop();
        this.version.set(key, ++this.nextVersion);
      }
      if (reads) origins.push(`${key}:${this.version.get(key) ?? 0}`);
      return;
    }
    const effect = fixedStackEffect(ins.op);
    if (effect === null) return; // control: the region ends here, or the stack is unchanged (block)
    origins.length = Math.max(0, origins.length - effect[0]);
    for (let i = 0; i < effect[1]; i++) origins.push(null);
  }
}

/** Records the address operand of a load/store (format 4: into its word at `slot` of the region's record; 5+: through its predictor). */
function recordAddress(region: Writer, ctx: CodeContext, fn: FunctionState, ins: Instr, slot: number): void {
  const { ADDR, DIST, HIT, BASE, TMP } = fn;
  const x5 = ctx.v5;
  if (ins.kind === Kind.store) region.u8(0x21).u32(TMP[ins.valueType!]!);
  if (x5 && x5.words === 3) {
    // Format 8, period 2: hit = (addr - last == stride2); push hit; if (!hit) append addr;
    // stride2 = stride; stride = addr - last; last = addr. In globals (last, stride, stride2 at
    // 3k, 3k + 1, 3k + 2 from the first predictor global) or at 12k in the trace memory.
    const k = x5.slots++;
    const get = (w: Writer, word: number): Writer => ctx.predictorGlobals ? w.u8(0x23).u32(ctx.globalFuel + 8 + 3 * k + word) : (loadI32(w.u8(0x41).u8(0), ctx.traceMem, x5.predictorsAt + 12 * k + 4 * word), w);
    const set = (w: Writer, word: number, value: (w: Writer) => void): void => {
      if (ctx.predictorGlobals) {
        value(w);
        w.u8(0x24).u32(ctx.globalFuel + 8 + 3 * k + word);
      } else {
        value(w.u8(0x41).u8(0));
        storeI32(w, ctx.traceMem, x5.predictorsAt + 12 * k + 4 * word);
      }
    };
    get(region.u8(0x21).u32(ADDR).u8(0x20).u32(ADDR), 0).u8(0x6b).u8(0x22).u32(DIST);
    get(region, 2).u8(0x46).u8(0x22).u32(HIT);
    pushBit(region, ctx, x5);
    region.u8(0x20).u32(HIT).u8(0x45).u8(0x04).u8(0x40);
    appendWord(region, ctx, (v) => v.u8(0x20).u32(ADDR));
    region.u8(0x0b);
    set(region, 2, (w) => get(w, 1));
    set(region, 1, (w) => w.u8(0x20).u32(DIST));
    set(region, 0, (w) => w.u8(0x20).u32(ADDR));
  } else if (x5 && ctx.predictorGlobals) {
    // Predictors in globals: last at 2k, stride at 2k + 1 from the first predictor global.
    const g = ctx.globalFuel + 8 + 2 * x5.slots++;
    region.u8(0x21).u32(ADDR).u8(0x20).u32(ADDR).u8(0x23).u32(g);
    region.u8(0x6b).u8(0x22).u32(DIST).u8(0x23).u32(g + 1);
    region.u8(0x46).u8(0x22).u32(HIT);
    pushBit(region, ctx, x5);
    region.u8(0x20).u32(HIT).u8(0x45).u8(0x04).u8(0x40);
    appendWord(region, ctx, (v) => v.u8(0x20).u32(ADDR));
    region.u8(0x20).u32(DIST).u8(0x24).u32(g + 1);
    region.u8(0x0b);
    region.u8(0x20).u32(ADDR).u8(0x24).u32(g);
  } else if (x5) {
    // hit = (addr - last == stride); push hit; if (!hit) { append addr; stride = addr - last }; last = addr
    const at = x5.predictorsAt + 8 * x5.slots++;
    region.u8(0x21).u32(ADDR).u8(0x20).u32(ADDR).u8(0x41).u8(0);
    loadI32(region, ctx.traceMem, at);
    region.u8(0x6b).u8(0x22).u32(DIST).u8(0x41).u8(0);
    loadI32(region, ctx.traceMem, at + 4);
    region.u8(0x46).u8(0x22).u32(HIT);
    pushBit(region, ctx, x5);
    region.u8(0x20).u32(HIT).u8(0x45).u8(0x04).u8(0x40);
    appendWord(region, ctx, (v) => v.u8(0x20).u32(ADDR));
    region.u8(0x41).u8(0).u8(0x20).u32(DIST);
    storeI32(region, ctx.traceMem, at + 4);
    region.u8(0x0b);
    region.u8(0x41).u8(0).u8(0x20).u32(ADDR);
    storeI32(region, ctx.traceMem, at);
  } else {
    region.u8(0x21).u32(ADDR).u8(0x20).u32(BASE).u8(0x20).u32(ADDR);
    storeI32(region, ctx.traceMem, slot);
  }
  region.u8(0x20).u32(ADDR);
  if (ins.kind === Kind.store) region.u8(0x20).u32(TMP[ins.valueType!]!);
}

/** Format 5, before a control instruction is copied: br_if/if push their branch bit, br_table appends its index, call_indirect sets the flag. */
export function beforeControl(w: Writer, ctx: CodeContext, fn: FunctionState, ins: Instr): void {
  const x5 = ctx.v5;
  if (!x5) return;
  const tmp = fn.TMP[I32]!;
  if (ins.kind === Kind.brIf || ins.kind === Kind.if) {
    // the branch bit: condition != 0
    w.u8(0x22).u32(tmp).u8(0x41).u8(0).u8(0x47);
    pushBit(w, ctx, x5);
    w.u8(0x20).u32(tmp);
  } else if (ins.op === BR_TABLE) {
    w.u8(0x21).u32(tmp);
    appendWord(w, ctx, (v) => v.u8(0x20).u32(tmp));
    w.u8(0x20).u32(tmp);
  } else if (ins.op === CALL_INDIRECT) {
    w.u8(0x41).u8(1).u8(0x24).u32(x5.globalInd);
  }
}

/** Format 5, after call_indirect: the callee was an import (no function of the module cleared the flag): word 0. */
export function afterControl(w: Writer, ctx: CodeContext, ins: Instr): void {
  const x5 = ctx.v5;
  if (!x5 || ins.op !== CALL_INDIRECT) return;
  w.u8(0x23).u32(x5.globalInd).u8(0x04).u8(0x40).u8(0x41).u8(0).u8(0x24).u32(x5.globalInd);
  appendWord(w, ctx, (v) => v.u8(0x41).u8(0));
  w.u8(0x0b);
}

/** Format 5: appends the word `value()` leaves on the stack to the stream: mem[tp] = value; tp += 4. */
function appendWord(w: Writer, ctx: CodeContext, value: (w: Writer) => void): void {
  getTp(w, ctx);
  value(w);
  storeI32(w, ctx.traceMem, 0);
  setTp(getTp(w, ctx).u8(0x41).u8(4).u8(0x6a), ctx);
}

/**
 * Format 5: pushes the bit (0 or 1) on top of the stack into the accumulator. The accumulator holds
 * a marker 1 above its bits: 1 is empty (its word has no position yet), negative is full (31 bits);
 * both go to the helper, which stores a full word at its position and reserves the next one.
 */
function pushBit(w: Writer, ctx: CodeContext, x: V5Context): void {
  // Empty (1) or full (negative): acc - 2 >=u 0x7ffffffe, which is acc <s 2 (version 7's shorter test).
  if (ctx.mirror) getAcc(w, ctx, x).u8(0x41).u8(2).u8(0x48);
  else getAcc(w, ctx, x).u8(0x41).u8(2).u8(0x6b).u8(0x41).s32(0x7ffffffe).u8(0x4f);
  w.u8(0x04).u8(0x40);
  if (ctx.mirror) bitWordCode(w, ctx, x);
  else w.u8(0x10).u32(x.funcBitWord);
  w.u8(0x0b);
  setAcc(getAcc(w, ctx, x).u8(0x41).u8(1).u8(0x74).u8(0x72), ctx, x);
}

/** Versions 7 and 8 traced: `__bp_predictors()` stores every predictor global at its slot of the trace memory (last, stride[, stride before]). */
export function predictorSpillBody(ctx: CodeContext, x: V5Context): Writer {
  const w = new Writer();
  w.u32(0);
  for (let k = 0; k < x.words * x.slots; k++) {
    w.u8(0x41).u8(0).u8(0x23).u32(ctx.globalFuel + 8 + k);
    storeI32(w, ctx.traceMem, x.predictorsAt + 4 * k);
  }
  w.u8(0x0b);
  return w;
}

/** The helper: if (acc < 0) mem[slot] = acc; slot = tp; tp += 4; acc = 1. */
export function bitWordBody(ctx: CodeContext, x: V5Context): Writer {
  const w = new Writer();
  w.u32(0);
  bitWordCode(w, { ...ctx, mirror: null }, x);
  w.u8(0x0b);
  return w;
}
function bitWordCode(w: Writer, ctx: CodeContext, x: V5Context): void {
  getAcc(w, ctx, x).u8(0x41).u8(0).u8(0x48).u8(0x04).u8(0x40);
  getAcc(w.u8(0x23).u32(x.globalSlot), ctx, x);
  storeI32(w, ctx.traceMem, 0);
  w.u8(0x0b);
  getTp(w, ctx).u8(0x24).u32(x.globalSlot);
  setTp(getTp(w, ctx).u8(0x41).u8(4).u8(0x6a), ctx);
  setAcc(w.u8(0x41).u8(1), ctx, x);
}
