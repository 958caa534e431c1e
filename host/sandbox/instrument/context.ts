/**
 * @module sandbox/instrument/context
 * The scaffold every pass writes through: the value types and helpers of the code it emits, the
 * region table being built, the module's type table, the context of a rewrite (the indices of
 * everything the instrumentation adds) and of one function's rewrite (its added locals), and the
 * run-state globals (fuel, trace cursor, bit accumulator), read and written through version 7's
 * local mirrors when a function has them.
 */
import { Writer } from './bytes.ts';
import type { WasmModule } from './module.ts';

export const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c;
export const PAGE = 65536;

export function lebSize(n: number): number {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

export function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** "function 3 ($name)", or "function 3" when the module names none. */
export function functionLabel(m: WasmModule, funcIndex: number): string {
  const name = m.names.get(funcIndex);
  return `function ${funcIndex}${name ? ` (${name})` : ''}`;
}

/** Static facts about the regions, indexed by region id - 1. */
export interface RegionTable {
  /** Original function index. */
  func: Uint32Array;
  /** Byte offset of the region's first instruction in the original module. */
  offset: Uint32Array;
  instructions: Uint32Array;
  /** Loads and stores in the region. */
  memAccesses: Uint32Array;
  /** Address words the region writes (accesses whose address repeats an earlier one reuse its word). */
  recordedAccesses: Uint32Array;
  /** Start of the region's entries in `accessSlots`. */
  slotStart: Uint32Array;
  /** For each load/store, in region order: which recorded word holds its address operand. */
  accessSlots: Uint32Array;
}

export class RegionBuilder {
  count = 0;
  private func: number[] = [];
  private offset: number[] = [];
  private instructions: number[] = [];
  private memAccesses: number[] = [];
  private recorded: number[] = [];
  private slotStart: number[] = [];
  private slots: number[] = [];

  /** Returns the new region's id (1-based; 0 is reserved). */
  add(func: number, offset: number, instructions: number, slots: readonly number[], recorded: number): number {
    this.func.push(func);
    this.offset.push(offset);
    this.instructions.push(instructions);
    this.memAccesses.push(slots.length);
    this.recorded.push(recorded);
    this.slotStart.push(this.slots.length);
    for (const x of slots) this.slots.push(x);
    return ++this.count;
  }

  /** Forgets the regions added after the first `count` (a function rewritten again). */
  truncate(count: number): void {
    if (count >= this.count) return;
    this.slots.length = this.slotStart[count]!;
    for (const a of [this.func, this.offset, this.instructions, this.memAccesses, this.recorded, this.slotStart]) a.length = count;
    this.count = count;
  }

  build(): RegionTable {
    return {
      func: Uint32Array.from(this.func),
      offset: Uint32Array.from(this.offset),
      instructions: Uint32Array.from(this.instructions),
      memAccesses: Uint32Array.from(this.memAccesses),
      recordedAccesses: Uint32Array.from(this.recorded),
      slotStart: Uint32Array.from(this.slotStart),
      accessSlots: Uint32Array.from(this.slots),
    };
  }
}

/** The module's types plus any the instrumentation needs (appended, so no index moves). */
export class TypeTable {
  private readonly types: { params: number[]; results: number[] }[];
  private readonly original: number;
  constructor(types: { params: number[]; results: number[] }[]) {
    this.types = [...types];
    this.original = types.length;
  }
  indexOf(params: number[], results: number[]): number {
    const key = (t: { params: number[]; results: number[] }) => `${t.params.join(',')}>${t.results.join(',')}`;
    const want = key({ params, results });
    for (let i = this.original; i < this.types.length; i++) if (key(this.types[i]!) === want) return i;
    this.types.push({ params, results });
    return this.types.length - 1;
  }
  section(): Writer {
    const w = new Writer();
    w.u32(this.types.length);
    for (const t of this.types) {
      w.u8(0x60).u32(t.params.length);
      for (const p of t.params) w.u8(p);
      w.u32(t.results.length);
      for (const r of t.results) w.u8(r);
    }
    return w;
  }
}

/** The context of one rewrite: the module, the options, and the indices of everything added. */
export interface CodeContext {
  m: WasmModule;
  trace: boolean;
  remap: (f: number) => number;
  funcOOF: number;
  funcStack: number;
  funcFlush: number;
  globalFuel: number;
  globalTp: number;
  globalDepth: number;
  globalBulk: number;
  globalReserve: number;
  traceMem: number;
  flushThreshold: number;
  regions: RegionBuilder;
  types: TypeTable;
  maxCallDepth: number;
  canonicalizeNaN: boolean;
  fuelPerCallback: bigint | null;
  /** Functions the host can call (exports, and the start function turned into one). */
  exported: Set<number>;
  /** Bulk operation sites (meta.bulkSites), appended as the bodies are rewritten. */
  bulkRegion: number[];
  bulkPosition: number[];
  /** Format 5's added indices (null: format 4, or no trace). */
  v5: V5Context | null;
  /**
   * Version 7 without the trace (passes/fuel branchOutFuelCheck): a fuel check branches (with the
   * region id or bulk site) to the function's outer block, after which its one `out_of_fuel` call
   * sits; otherwise it calls `out_of_fuel` where it fails.
   */
  branchOut: boolean;
  /**
   * Version 7 traced (passes/trace leanTrace): the address predictors are globals (two a slot, after
   * the added ones) rather than words of the trace memory; `__bp_predictors` copies them there for a keyframe.
   */
  predictorGlobals: boolean;
  /**
   * Version 7 traced (leanTrace): locals of the function being rewritten that mirror the fuel, tp
   * and bit accumulator globals — read from the local, written to both (so the globals are exact
   * wherever the host looks: a trap, a flush, out_of_fuel), reloaded on entry and after anything
   * that may move the globals (a call, a flush, a bulk charge). Null otherwise.
   */
  mirror: { fuel: number; tp: number; acc: number } | null;
}

export interface V5Context {
  globalAcc: number;
  globalSlot: number;
  globalInd: number;
  /** Where the address predictors start in the trace memory (above the most a flush can find there). */
  predictorsAt: number;
  funcBitWord: number;
  /** Address predictor slots allotted so far, `words` u32 each in the predictor memory or globals (last address, last stride[, the stride before it]). */
  slots: number;
  /** 2 (formats 5 and 6: predicted when the distance from the last address is the last stride) or 3 (format 8: the stride before the last). */
  words: number;
}

/** One function's rewrite: its index, and the locals the instrumentation adds to it. */
export interface FunctionState {
  funcIndex: number;
  /** The region record's base (format 4) and a load/store's address. */
  BASE: number;
  ADDR: number;
  /** A temporary of each value type. */
  TMP: Record<number, number>;
  /** Format 5: the address's distance from the slot's last one, and whether the prediction hit. */
  DIST: number;
  HIT: number;
  /** Entered from the host with a per-callback budget (passes/fuel). */
  perCallback: boolean;
  /** The most trace bytes the function writes between two flush checks. */
  traceBytes: number;
}

/** Writes `i32.store` (align 4) into memory `mem` with a static offset. */
export function storeI32(w: Writer, mem: number, offset: number): void {
  w.u8(0x36);
  if (mem === 0) w.u32(2);
  else w.u32(2 | 0x40).u32(mem);
  w.u32(offset);
}

/** Writes `i32.load` (align 4) from memory `mem` (never 0) with a static offset. */
export function loadI32(w: Writer, mem: number, offset: number): void {
  w.u8(0x28).u32(2 | 0x40).u32(mem).u32(offset);
}

export function getFuel(w: Writer, ctx: CodeContext): Writer {
  return ctx.mirror ? w.u8(0x20).u32(ctx.mirror.fuel) : w.u8(0x23).u32(ctx.globalFuel);
}
export function setFuel(w: Writer, ctx: CodeContext): Writer {
  if (ctx.mirror) w.u8(0x22).u32(ctx.mirror.fuel);
  return w.u8(0x24).u32(ctx.globalFuel);
}
export function getTp(w: Writer, ctx: CodeContext): Writer {
  return ctx.mirror ? w.u8(0x20).u32(ctx.mirror.tp) : w.u8(0x23).u32(ctx.globalTp);
}
export function setTp(w: Writer, ctx: CodeContext): Writer {
  if (ctx.mirror) w.u8(0x22).u32(ctx.mirror.tp);
  return w.u8(0x24).u32(ctx.globalTp);
}
export function getAcc(w: Writer, ctx: CodeContext, x: V5Context): Writer {
  return ctx.mirror ? w.u8(0x20).u32(ctx.mirror.acc) : w.u8(0x23).u32(x.globalAcc);
}
export function setAcc(w: Writer, ctx: CodeContext, x: V5Context): Writer {
  if (ctx.mirror) w.u8(0x22).u32(ctx.mirror.acc);
  return w.u8(0x24).u32(x.globalAcc);
}
/** Mirroring: the locals take the globals' values again (after anything that may have changed them: a call, the host). */
export function reloadMirror(w: Writer, ctx: CodeContext): void {
  if (!ctx.mirror) return;
  w.u8(0x23).u32(ctx.globalFuel).u8(0x21).u32(ctx.mirror.fuel);
  w.u8(0x23).u32(ctx.globalTp).u8(0x21).u32(ctx.mirror.tp);
  w.u8(0x23).u32(ctx.v5!.globalAcc).u8(0x21).u32(ctx.mirror.acc);
}
