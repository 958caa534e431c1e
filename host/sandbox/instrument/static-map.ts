/**
 * @module sandbox/instrument/static-map
 * The static map of a module for trace expansion: every live instruction with its function,
 * byte offset, opcode, operand-stack height before it and static memory offset, and each region's
 * first instruction. Heights follow the validation algorithm: a frame remembers the height below its
 * parameters; `end` leaves base + results, `else` restarts at base + params.
 */
import type { StaticMap } from '../../../traces/index.ts';
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

export function staticMap(wasm: Uint8Array, meta: InstrumentMeta): StaticMap {
  const m = parseModule(wasm);
  const func: number[] = [], offset: number[] = [], opcode: number[] = [], height: number[] = [], memOffset: number[] = [];
  const indexAt = new Map<number, number>(); // byte offset → instruction index (offsets are unique in a module)
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
    const frames: { base: number; params: number; results: number }[] = [{ base: 0, params: 0, results: type.results.length }];
    let h = 0;
    let dead = false;
    let deadDepth = 0;
    while (r.pos < end) {
      const ins = decode(r);
      if (!dead) {
        indexAt.set(ins.start, func.length);
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
          if (ins.kind === Kind.if && !dead) h -= 1;
          const [p, res] = blockArity(m, ins.blockType!);
          frames.push({ base: h - p, params: p, results: res });
          break;
        }
        case Kind.else: {
          const fr = frames[frames.length - 1]!;
          if (dead && frames.length === deadDepth) dead = false;
          h = fr.base + fr.params;
          break;
        }
        case Kind.end: {
          const fr = frames.pop()!;
          if (dead && frames.length + 1 === deadDepth) dead = false;
          h = fr.base + fr.results;
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
  const n = meta.regionCount;
  const regionFirst = new Uint32Array(n);
  const memSlot = new Int32Array(func.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const first = indexAt.get(meta.regions.offset[i]!);
    if (first === undefined) throw new SandboxError('WASM_MALFORMED', `region ${i + 1} starts at byte offset ${meta.regions.offset[i]}, which holds no live instruction`);
    regionFirst[i] = first;
    let k = meta.regions.slotStart[i]!;
    for (let j = first; j < first + meta.regions.instructions[i]!; j++) if (memOffset[j]! >= 0) memSlot[j] = meta.regions.accessSlots[k++]!;
  }
  return {
    regionFirst,
    regionInstructions: meta.regions.instructions,
    regionMemAccesses: meta.regions.recordedAccesses,
    func: Uint32Array.from(func),
    offset: Uint32Array.from(offset),
    opcode: Uint32Array.from(opcode),
    stackHeight: Uint32Array.from(height),
    memOffset: Float64Array.from(memOffset),
    memSlot,
  };
}
