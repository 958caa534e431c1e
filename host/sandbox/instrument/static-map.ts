/**
 * @module sandbox/instrument/static-map
 * The static map of a module for trace expansion: every live instruction with its function,
 * byte offset, opcode, operand-stack height before it and static memory offset, and each region's
 * first instruction. Heights follow the validation algorithm: a frame remembers the height below its
 * parameters; `end` leaves base + results, `else` restarts at base + params.
 */
import { EXIT_CALL, EXIT_COND, EXIT_INDIRECT, EXIT_JUMP, EXIT_TABLE, EXIT_TRAP, type StaticMap } from '../../../traces/index.ts';
import { SandboxError } from '../../errors.ts';
import { Reader } from './bytes.ts';
import { decode, fixedStackEffect, Kind } from './opcodes.ts';
import { parseModule, type WasmModule } from './module.ts';
import type { InstrumentMeta } from './instrument.ts';

function blockArity(m: WasmModule, bt: number): [number, number] {
  if (bt === -0x40) return [0, 0];
  if (bt < 0) return [0, 1];
  const t = m.types[bt]!;
  return [t.params.length, t.results.length];
}

function funcTypeOf(m: WasmModule, f: number): { params: number[]; results: number[] } {
  if (f < m.importedFuncs) {
    let seen = 0;
    for (const imp of m.imports) if (imp.kind === 'func' && seen++ === f) return m.types[imp.type!]!;
  }
  return m.types[m.funcTypes[f - m.importedFuncs]!]!;
}

/** A branch's target frame, resolved once the frame's `end` is known. */
interface Frame {
  base: number;
  params: number;
  results: number;
  /** The function frame (branches to it return), a loop (branches go to its body's start), or a block/if. */
  kind: 'function' | 'loop' | 'block';
  /** Byte offset just past the frame's opening instruction, and past its `end` once seen. */
  bodyAt: number;
  endAt: number;
}

export function staticMap(wasm: Uint8Array, meta: InstrumentMeta): StaticMap {
  const m = parseModule(wasm);
  const func: number[] = [], offset: number[] = [], opcode: number[] = [], height: number[] = [], memOffset: number[] = [];
  // Control flow (format 5): per live control instruction, what follows it (resolved after the pass).
  const exits: { index: number; kind: number; frames: Frame[]; next: number; elseFrame?: Frame; callee?: number }[] = [];
  const funcFirst: number[] = [];
  for (let d = 0; d < m.bodies.length; d++) {
    const f = m.importedFuncs + d;
    const { start, end } = m.bodies[d]!;
    const r = new Reader(wasm, start, end);
    const decls = r.u32();
    for (let i = 0; i < decls; i++) {
      r.u32();
      r.u8();
    }
    const type = funcTypeOf(m, f);
    const frames: Frame[] = [{ base: 0, params: 0, results: type.results.length, kind: 'function', bodyAt: r.pos, endAt: end }];
    let h = 0;
    let dead = false;
    let deadDepth = 0;
    funcFirst.push(func.length);
    while (r.pos < end) {
      const ins = decode(r);
      if (!dead) {
        const at = func.length;
        const label = (l: number): Frame => frames[frames.length - 1 - l]!;
        const imm = new Reader(wasm, ins.start + 1, ins.end);
        switch (ins.kind) {
          case Kind.if:
            // taken (bit 1): the then-branch; not: after its else, or past its end (set at the else/end)
            exits.push({ index: at, kind: EXIT_COND, frames: [], next: ins.end, elseFrame: undefined });
            break;
          case Kind.else:
            exits.push({ index: at, kind: EXIT_JUMP, frames: [frames[frames.length - 1]!], next: -1 });
            break;
          case Kind.end:
            exits.push(frames.length === 1 ? { index: at, kind: EXIT_JUMP, frames: [frames[0]!], next: -1 } : { index: at, kind: EXIT_JUMP, frames: [], next: ins.end });
            break;
          case Kind.loop:
            exits.push({ index: at, kind: EXIT_JUMP, frames: [], next: ins.end });
            break;
          case Kind.brIf:
            exits.push({ index: at, kind: EXIT_COND, frames: [label(imm.u32())], next: ins.end });
            break;
          case Kind.jump:
            if (ins.op === 0x0c) exits.push({ index: at, kind: EXIT_JUMP, frames: [label(imm.u32())], next: -1 });
            else if (ins.op === 0x0e) {
              const n = imm.u32();
              const targets: Frame[] = [];
              for (let i = 0; i <= n; i++) targets.push(label(imm.u32()));
              exits.push({ index: at, kind: EXIT_TABLE, frames: targets, next: -1 });
            } else if (ins.op === 0x0f) exits.push({ index: at, kind: EXIT_JUMP, frames: [frames[0]!], next: -1 });
            else exits.push({ index: at, kind: EXIT_TRAP, frames: [], next: -1 });
            break;
          case Kind.call:
            exits.push(ins.op === 0x10
              ? { index: at, kind: EXIT_CALL, frames: [], next: ins.end, callee: ins.func! }
              : { index: at, kind: EXIT_INDIRECT, frames: [], next: ins.end });
            break;
          default:
            break;
        }
        func.push(f);
        offset.push(ins.start);
        opcode.push(ins.op);
        height.push(h);
        memOffset.push(ins.memOffset ?? -1);
      }
      switch (ins.kind) {
        case Kind.block:
        case Kind.loop:
        case Kind.if: {
          const live = !dead;
          if (ins.kind === Kind.if && !dead) h -= 1;
          const [p, res] = blockArity(m, ins.blockType!);
          const frame: Frame = { base: h - p, params: p, results: res, kind: ins.kind === Kind.loop ? 'loop' : 'block', bodyAt: ins.end, endAt: -1 };
          frames.push(frame);
          if (ins.kind === Kind.if && live) exits.at(-1)!.elseFrame = frame;
          break;
        }
        case Kind.else: {
          const fr = frames[frames.length - 1]!;
          if (dead && frames.length === deadDepth) dead = false;
          h = fr.base + fr.params;
          (fr as Frame & { elseAt?: number }).elseAt = ins.end;
          break;
        }
        case Kind.end: {
          const fr = frames.pop()!;
          if (dead && frames.length + 1 === deadDepth) dead = false;
          h = fr.base + fr.results;
          fr.endAt = ins.end;
          break;
        }
        case Kind.jump:
          if (!dead) {
            dead = true;
            deadDepth = frames.length;
          }
          break;
        case Kind.brIf:
          h -= 1;
          break;
        case Kind.call: {
          const t = ins.op === 0x10 ? funcTypeOf(m, ins.func!) : m.types[ins.typeIndex!]!;
          h += t.results.length - t.params.length - (ins.op === 0x11 ? 1 : 0);
          break;
        }
        default: {
          const e = fixedStackEffect(ins.op);
          if (e === null) throw new SandboxError('WASM_UNSUPPORTED', `no stack effect for opcode 0x${ins.op.toString(16)} at byte offset ${ins.start}`);
          h += e[1] - e[0];
        }
      }
    }
  }
  // byte offset → instruction index: the offsets rise through the module (bodies in order, each read forward), so a
  // binary search of them finds one (a Map of every instruction's offset was a third of the time on a large module)
  const offsets = Uint32Array.from(offset);
  const indexAt = (at: number): number | undefined => {
    for (let lo = 0, hi = offsets.length - 1; lo <= hi;) {
      const mid = (lo + hi) >>> 1;
      const v = offsets[mid]!;
      if (v === at) return mid;
      if (v < at) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  const n = meta.regionCount;
  const regionFirst = new Uint32Array(n);
  const memSlot = new Int32Array(func.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const first = indexAt(meta.regions.offset[i]!);
    if (first === undefined) throw new SandboxError('WASM_MALFORMED', `region ${i + 1} starts at byte offset ${meta.regions.offset[i]}, which holds no live instruction`);
    regionFirst[i] = first;
    let k = meta.regions.slotStart[i]!;
    for (let j = first; j < first + meta.regions.instructions[i]!; j++) if (memOffset[j]! >= 0) memSlot[j] = meta.regions.accessSlots[k++]!;
  }
  // Successors (format 5): each region ends with a control instruction; targets as region ids, 0 = the function returns.
  const regionOf = new Int32Array(func.length);
  for (let i = 0; i < n; i++) regionOf[regionFirst[i]!] = i + 1;
  const regionAtByte = (at: number): number => {
    const i = indexAt(at);
    const id = i === undefined ? 0 : regionOf[i]!;
    if (id === 0) throw new SandboxError('WASM_MALFORMED', `byte offset ${at} is a branch target that starts no region`);
    return id;
  };
  const target = (fr: Frame): number => (fr.kind === 'function' ? 0 : regionAtByte(fr.kind === 'loop' ? fr.bodyAt : fr.endAt));
  const exitKind = new Uint8Array(n), exitNext = new Int32Array(n), exitTaken = new Int32Array(n), exitCallee = new Int32Array(n).fill(-1);
  const tableStart = new Uint32Array(n + 1);
  const tables: number[] = [];
  const lastOf = new Map<number, number>(); // last instruction index → region id − 1
  for (let i = 0; i < n; i++) lastOf.set(regionFirst[i]! + meta.regions.instructions[i]! - 1, i);
  for (const e of exits) {
    const r = lastOf.get(e.index);
    if (r === undefined) continue; // a control instruction inside a region cannot happen: every one ends its region
    exitKind[r] = e.kind;
    tableStart[r] = tables.length;
    if (e.kind === EXIT_COND && e.elseFrame) {
      // if: taken → the then-branch; not taken → after the else, or past the end
      const fr = e.elseFrame as Frame & { elseAt?: number };
      exitTaken[r] = regionAtByte(e.next);
      exitNext[r] = regionAtByte(fr.elseAt ?? fr.endAt);
    } else if (e.kind === EXIT_COND) {
      exitTaken[r] = target(e.frames[0]!);
      exitNext[r] = regionAtByte(e.next);
    } else if (e.kind === EXIT_JUMP) {
      // else: past its frame's end; end/loop: the next instruction; br/return/the function's end: the label
      const fr = e.frames[0];
      exitNext[r] = fr === undefined ? regionAtByte(e.next) : opcode[e.index] === 0x05 ? regionAtByte(fr.endAt) : target(fr);
    } else if (e.kind === EXIT_TABLE) {
      exitTaken[r] = e.frames.length; // targets, the default last
      for (const fr of e.frames) tables.push(target(fr));
    } else if (e.kind === EXIT_CALL || e.kind === EXIT_INDIRECT) {
      exitNext[r] = regionAtByte(e.next);
      if (e.callee !== undefined) exitCallee[r] = e.callee;
    }
  }
  tableStart[n] = tables.length;
  const funcEntry = new Int32Array(m.importedFuncs + m.bodies.length);
  for (let d = 0; d < m.bodies.length; d++) funcEntry[m.importedFuncs + d] = regionOf[funcFirst[d]!]!;
  return {
    format: meta.format,
    regionFirst,
    regionInstructions: meta.regions.instructions,
    regionMemAccesses: meta.regions.recordedAccesses,
    func: Uint32Array.from(func),
    offset: offsets,
    opcode: Uint32Array.from(opcode),
    stackHeight: Uint32Array.from(height),
    memOffset: Float64Array.from(memOffset),
    memSlot,
    exitKind,
    exitNext,
    exitTaken,
    exitCallee,
    exitTableStart: tableStart,
    exitTables: Int32Array.from(tables),
    funcEntry,
    maxCallDepth: meta.maxCallDepth,
  };
}
