/**
 * @module sandbox/instrument/passes/fuel
 * Fuel. Each region starts by subtracting its instruction count N from the i64 global `__bp_fuel`;
 * if the result is negative the region does not run: `__backproof.out_of_fuel(regionId)` is called
 * and the host throws FuelExhausted. So fuel used == original instructions executed, exactly.
 * With a per-callback budget B, entering an exported function from the host (call depth 1) moves
 * all fuel above B into the i64 global `__bp_reserve`, and leaving it moves the reserve back: one
 * callback spends at most B, and the host never touches the fuel between callbacks.
 *
 * Bulk charges. memory.fill/copy/init and table.fill/copy/init are charged one extra fuel unit per
 * 8 elements before they run, memory.grow 8192 per page after it grew; these extra units are also
 * added to the i64 global `__bp_bulk`, so instructions executed = fuel used − bulk. A charge that
 * does not fit stops the run at that instruction: `out_of_fuel(−(site + 1))` (meta.bulkSites).
 */
import type { Writer } from '../bytes.ts';
import type { Instr } from '../opcodes.ts';
import { I32, I64, getFuel, reloadMirror, setFuel, type CodeContext, type FunctionState } from '../context.ts';
import { INSTRUMENTER_V7, INSTRUMENTER_V8 } from '../versions.ts';

/**
 * Whether the fuel check branches out of the function (version 7 without the trace) or calls
 * out_of_fuel where it fails (versions 4 to 6, and version 7 traced, whose module is version 6's
 * byte for byte). Measured (CPU, load ~7): fuel alone on the heavy guest 1.26-1.32x the
 * uninstrumented run under the call, 0.97x branching out (bench/trace-overhead --busy); traced,
 * branching out was slower (heavy guest 1.02x and 1.056x version 6's, mem kernel 1.035x, paired
 * in one process), which the 4x trace target cannot spare, so a traced module keeps the call.
 */
export function branchOutFuelCheck(instrumenter: string, trace: boolean): boolean {
  return (instrumenter === INSTRUMENTER_V7 || instrumenter === INSTRUMENTER_V8) && !trace;
}

// Bulk operations charged by size before they run: the element count is the operand on top of the stack.
const BULK_SHIFT: Record<number, bigint> = {
  0xfc08: 3n, 0xfc0a: 3n, 0xfc0b: 3n, // memory.init/copy/fill: 1 per 8 bytes
  0xfc0c: 3n, 0xfc0e: 3n, 0xfc11: 3n, // table.init/copy/fill: 1 per 8 elements
};
const MEMORY_GROW = 0x40;
/** memory.grow is charged 8192 per page, after it runs and only when it grew (it returns −1 otherwise). */
const GROW_SHIFT = 13n;

/** On entry from the host, with a per-callback budget B: if (depth == 1) { t = fuel - B; if (t > 0) { reserve = t; fuel = B } }. */
export function enterCallback(w: Writer, ctx: CodeContext, fn: FunctionState): void {
  if (!fn.perCallback) return;
  w.u8(0x23).u32(ctx.globalDepth).u8(0x41).u8(1).u8(0x46).u8(0x04).u8(0x40);
  w.u8(0x23).u32(ctx.globalFuel).u8(0x42).sleb(ctx.fuelPerCallback!).u8(0x7d).u8(0x22).u32(fn.TMP[I64]!);
  w.u8(0x42).u8(0).u8(0x55).u8(0x04).u8(0x40);
  w.u8(0x20).u32(fn.TMP[I64]!).u8(0x24).u32(ctx.globalReserve).u8(0x42).sleb(ctx.fuelPerCallback!).u8(0x24).u32(ctx.globalFuel);
  w.u8(0x0b).u8(0x0b);
}

/** After the depth decrement of an exit, back at the host: if (depth == 0) { fuel += reserve; reserve = 0 }. */
export function leaveCallback(w: Writer, ctx: CodeContext, fn: FunctionState): void {
  if (!fn.perCallback) return;
  w.u8(0x23).u32(ctx.globalDepth).u8(0x45).u8(0x04).u8(0x40);
  w.u8(0x23).u32(ctx.globalFuel).u8(0x23).u32(ctx.globalReserve).u8(0x7c).u8(0x24).u32(ctx.globalFuel);
  w.u8(0x42).u8(0).u8(0x24).u32(ctx.globalReserve).u8(0x0b);
}

/** Branching out: block (result i32) around the body; a failed check branches out of it with its region id (or bulk site). */
export function openBranchOut(w: Writer, ctx: CodeContext): void {
  if (ctx.branchOut) w.u8(0x02).u8(I32);
}

/** Branching out: return; end of the outer block, reached only by a failed check: out_of_fuel(id); unreachable. */
export function closeBranchOut(w: Writer, ctx: CodeContext): void {
  if (ctx.branchOut) w.u8(0x0f).u8(0x0b).u8(0x10).u32(ctx.funcOOF).u8(0x00);
}

/** At a region's start: fuel -= N; if (fuel < 0) out_of_fuel(id)  (branching out: id; br_if outer (fuel < 0); drop). */
export function chargeRegion(w: Writer, ctx: CodeContext, id: number, instructions: number, regionDepth: number): void {
  setFuel(getFuel(w, ctx).u8(0x42).sleb(BigInt(instructions)).u8(0x7d), ctx);
  if (ctx.branchOut) {
    getFuel(w.u8(0x41).s32(id), ctx).u8(0x42).u8(0).u8(0x53).u8(0x0d).u32(regionDepth).u8(0x1a);
  } else {
    getFuel(w, ctx).u8(0x42).u8(0).u8(0x53);
    w.u8(0x04).u8(0x40).u8(0x41).s32(id).u8(0x10).u32(ctx.funcOOF).u8(0x0b);
  }
}

/**
 * Before a bulk operation (the `position`th instruction of the region being built, at label depth
 * `depth`): its size charge. Before memory.grow: its page count kept. Returns the instruction's
 * bulk site for `afterInstruction` (0 for any other instruction).
 */
export function beforeInstruction(w: Writer, ctx: CodeContext, fn: FunctionState, ins: Instr, position: number, depth: number): number {
  const bulk = BULK_SHIFT[ins.op];
  // A size charge that does not fit stops the run at this instruction: out_of_fuel(−(site + 1)).
  const site = bulk !== undefined || ins.op === MEMORY_GROW ? -(addBulkSite(ctx, position) + 1) : 0;
  if (bulk !== undefined) {
    // n stays on the stack; cost = n >> 3; if (cost > fuel) out_of_fuel(site); fuel -= cost; bulk += cost
    w.u8(0x22).u32(fn.TMP[I32]!).u8(0x20).u32(fn.TMP[I32]!).u8(0xad).u8(0x42).sleb(bulk).u8(0x88).u8(0x22).u32(fn.TMP[I64]!);
    chargeBulk(w, ctx, site, fn.TMP[I64]!, depth);
    reloadMirror(w, ctx);
  }
  if (ins.op === MEMORY_GROW) w.u8(0x22).u32(fn.ADDR); // keep the page count (ADDR is free outside an access)
  return site;
}

/** After memory.grow: r = grow(n); if (r != -1) { cost = n << 13; if (cost > fuel) out_of_fuel(site); fuel -= cost; bulk += cost }; r */
export function afterInstruction(w: Writer, ctx: CodeContext, fn: FunctionState, ins: Instr, site: number, depth: number): void {
  if (ins.op !== MEMORY_GROW) return;
  w.u8(0x22).u32(fn.TMP[I32]!).u8(0x41).s32(-1).u8(0x47).u8(0x04).u8(0x40);
  w.u8(0x20).u32(fn.ADDR).u8(0xad).u8(0x42).sleb(GROW_SHIFT).u8(0x86).u8(0x22).u32(fn.TMP[I64]!);
  chargeBulk(w, ctx, site, fn.TMP[I64]!, depth + 1);
  reloadMirror(w, ctx);
  w.u8(0x0b);
  w.u8(0x20).u32(fn.TMP[I32]!);
}

/** Registers a bulk operation at `position` in the region being built (its id is the next one). */
function addBulkSite(ctx: CodeContext, position: number): number {
  ctx.bulkRegion.push(ctx.regions.count + 1);
  ctx.bulkPosition.push(position);
  return ctx.bulkRegion.length - 1;
}

/**
 * With the cost (i64) in local `cost` and on the stack: if (cost > fuel) out_of_fuel(site); fuel -= cost; bulk += cost.
 * Branching out (version 7, fuel-only) instead: to label `outer` (the function's outer block, seen from here).
 */
function chargeBulk(w: Writer, ctx: CodeContext, site: number, cost: number, outer: number): void {
  if (ctx.branchOut) w.u8(0x1a).u8(0x41).s32(site).u8(0x20).u32(cost).u8(0x23).u32(ctx.globalFuel).u8(0x55).u8(0x0d).u32(outer).u8(0x1a);
  else w.u8(0x23).u32(ctx.globalFuel).u8(0x55).u8(0x04).u8(0x40).u8(0x41).s32(site).u8(0x10).u32(ctx.funcOOF).u8(0x0b);
  w.u8(0x23).u32(ctx.globalFuel).u8(0x20).u32(cost).u8(0x7d).u8(0x24).u32(ctx.globalFuel);
  w.u8(0x23).u32(ctx.globalBulk).u8(0x20).u32(cost).u8(0x7c).u8(0x24).u32(ctx.globalBulk);
}
