/**
 * @module sandbox/instrument/body
 * The scaffold's function level: one function body walked once, cut into straight-line regions,
 * each pass (passes/*) asked for its code at fixed points, the original instructions copied
 * byte for byte between.
 *
 * Regions. A region ends after any instruction that can transfer control (if, else, end, loop, br,
 * br_if, br_table, return, unreachable, call, call_indirect), so every branch target starts a region
 * and, barring a trap, a region that starts runs to its end. Unreachable code (after br/br_table/
 * return/unreachable up to the closing else/end of that frame) is never executed and is copied
 * without instrumentation.
 *
 * The points, in the order their code lands in the output:
 * - entry: the added locals declared; depth (enter); fuel (the per-callback budget); the version 7
 *   mirrors loaded; trace (format 5's entry words); fuel (branch-out block); depth (the wrapping block);
 * - each region, before its first instruction: trace (flush check, where due); fuel (its charge);
 *   trace (format 4's record head);
 * - each instruction: trace (its address, a load/store); fuel (a bulk charge); at a return depth
 *   and fuel (leaving); trace (a branch bit, a br_table index); the copy; after a call the mirrors
 *   reloaded; trace (call_indirect's import word); fuel (memory.grow's charge); NaN;
 * - exit: depth and fuel (leaving); fuel (branch-out tail).
 */
import { SandboxError } from '../../errors.ts';
import { Reader, Writer } from './bytes.ts';
import { decode, Kind, type Instr } from './opcodes.ts';
import { F32, F64, I32, I64, functionLabel, reloadMirror, type CodeContext, type FunctionState } from './context.ts';
import { MAX_FUNCTION_LOCALS } from './passes/limits.ts';
import * as depthPass from './passes/depth.ts';
import * as fuelPass from './passes/fuel.ts';
import * as tracePass from './passes/trace.ts';
import * as nanPass from './passes/nan.ts';

export function rewriteBody(ctx: CodeContext, defIndex: number): { body: Writer; traceBytes: number; copiedAt: number[] } {
  const { m, trace } = ctx;
  const funcIndex = m.importedFuncs + defIndex;
  const { start, end } = m.bodies[defIndex]!;
  const bytes = m.bytes;
  const r = new Reader(bytes, start, end);
  const type = m.types[m.funcTypes[defIndex]!];
  if (!type) throw new SandboxError('WASM_MALFORMED', `function ${funcIndex} has an undefined type`);

  // Locals: copy the declarations, then append ours.
  const body = new Writer((end - start) * 3 + 64);
  const declCount = r.u32();
  let localCount = type.params.length;
  const decls = new Writer();
  for (let i = 0; i < declCount; i++) {
    const n = r.u32();
    const t = r.u8();
    localCount += n;
    decls.u32(n).u8(t);
  }
  // Added: BASE, ADDR and 4 temporaries; format 5's DIST and HIT; version 7's mirrors (dropped for a function they would take past the limit).
  const addedLocals = (mirror: boolean) => 6 + (ctx.v5 ? 2 : 0) + (mirror ? 3 : 0);
  if (ctx.mirror && localCount + addedLocals(true) > MAX_FUNCTION_LOCALS) ctx.mirror = null;
  if (localCount + addedLocals(false) > MAX_FUNCTION_LOCALS)
    throw new SandboxError('MODULE_LIMIT', `${functionLabel(m, funcIndex)} has ${localCount} locals (its parameters included); instrumented it would have ${localCount + addedLocals(false)}, past V8's limit of ${MAX_FUNCTION_LOCALS} a function`);
  const fn: FunctionState = {
    funcIndex, BASE: localCount, ADDR: localCount + 1,
    TMP: { [I32]: localCount + 2, [I64]: localCount + 3, [F32]: localCount + 4, [F64]: localCount + 5 },
    DIST: localCount + 6, HIT: localCount + 7,
    perCallback: ctx.fuelPerCallback !== null && ctx.exported.has(funcIndex),
    traceBytes: 0,
  };
  body.u32(declCount + (ctx.v5 ? 5 : 4) + (ctx.mirror ? 2 : 0)).bytes(decls.view());
  body.u32(3).u8(I32).u32(1).u8(I64).u32(1).u8(F32).u32(1).u8(F64);
  if (ctx.v5) body.u32(2).u8(I32);
  if (ctx.mirror) {
    body.u32(1).u8(I64).u32(2).u8(I32);
    ctx.mirror = { fuel: localCount + 8, tp: localCount + 9, acc: localCount + 10 };
  }

  depthPass.enterFunction(body, ctx, fn);
  fuelPass.enterCallback(body, ctx, fn);
  reloadMirror(body, ctx);
  tracePass.enterFunction(body, ctx, fn);
  fuelPass.openBranchOut(body, ctx);
  depthPass.openFunctionBlock(body, ctx, type.results);
  const leave = (w: Writer): void => {
    depthPass.leaveFunction(w, ctx);
    fuelPass.leaveCallback(w, ctx, fn);
  };

  let region = new Writer(256);
  let regionOpen = false;
  let regionStart = 0;
  let regionInstrs = 0;
  let regionCopies: number[] = []; // where each instruction's copy starts in `region`
  const copiedAt: number[] = []; // ... and in `body`
  const accesses = new tracePass.RegionAccesses(bytes);
  let checkAtNextRegion = true; // function entry
  let depth = 1; // labels open inside the wrapping block, itself included (the branch-out check's outer block is label `depth`)
  let regionDepth = 1; // depth where the open region starts (its fuel check runs there)
  let dead = false;
  let deadDepth = 0;

  const copy = (w: Writer, ins: Instr): void => {
    if (ins.func !== undefined) {
      w.bytes(bytes.subarray(ins.start, ins.funcAt!));
      w.u32(ctx.remap(ins.func));
    } else {
      w.bytes(bytes.subarray(ins.start, ins.end));
    }
  };

  // The region's head goes before its instructions, which were written aside as they were read.
  const closeRegion = (checkNext: boolean): void => {
    const id = ctx.regions.add(funcIndex, regionStart, regionInstrs, trace ? accesses.slots : [], accesses.recorded);
    if (checkAtNextRegion && trace) tracePass.flushCheck(body, ctx);
    fuelPass.chargeRegion(body, ctx, id, regionInstrs, regionDepth);
    tracePass.startRegion(body, ctx, fn, id, accesses.recorded);
    for (const at of regionCopies) copiedAt.push(body.length + at);
    body.bytes(region.view());
    region = new Writer(256);
    regionOpen = false;
    checkAtNextRegion = checkNext;
  };

  while (r.pos < end) {
    const ins = decode(r);
    if (dead) {
      copy(body, ins);
      if (ins.kind === Kind.block || ins.kind === Kind.loop || ins.kind === Kind.if) depth++;
      else if (ins.kind === Kind.end) {
        if (depth === deadDepth) dead = false;
        depth--;
      } else if (ins.kind === Kind.else && depth === deadDepth) dead = false;
      continue;
    }
    if (!regionOpen) {
      regionOpen = true;
      regionDepth = depth;
      regionStart = ins.start;
      regionInstrs = 0;
      regionCopies = [];
      accesses.reset();
    }
    regionInstrs++;
    if (trace) {
      accesses.recordAccess(region, ctx, fn, ins);
      accesses.track(ins);
    }
    const site = fuelPass.beforeInstruction(region, ctx, fn, ins, regionInstrs - 1, depth);
    if (ins.op === 0x0f) leave(region); // return
    tracePass.beforeControl(region, ctx, fn, ins);
    regionCopies.push(region.length);
    copy(region, ins);
    if (ins.kind === Kind.call) reloadMirror(region, ctx); // the callee (or the host) moved fuel, tp and the bits
    tracePass.afterControl(region, ctx, ins);
    fuelPass.afterInstruction(region, ctx, fn, ins, site, depth);
    nanPass.canonicalize(region, ctx, fn, ins);
    switch (ins.kind) {
      case Kind.block:
        depth++;
        break;
      case Kind.loop:
        depth++;
        closeRegion(true);
        break;
      case Kind.if:
        depth++;
        closeRegion(false);
        break;
      case Kind.else:
        closeRegion(false);
        break;
      case Kind.end:
        depth--;
        closeRegion(false);
        break;
      case Kind.brIf:
        closeRegion(false);
        break;
      case Kind.call:
        closeRegion(true);
        break;
      case Kind.jump:
        closeRegion(false);
        dead = true;
        deadDepth = depth;
        break;
      default:
        break;
    }
  }
  if (regionOpen || depth !== 0) throw new SandboxError('WASM_MALFORMED', `function ${funcIndex} body does not end with "end" (byte offset ${end})`);
  // The original final `end` closed the wrapping block: leave the function through the decrement.
  leave(body);
  fuelPass.closeBranchOut(body, ctx);
  body.u8(0x0b);
  return { body, traceBytes: fn.traceBytes, copiedAt };
}
