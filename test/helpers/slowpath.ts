// The independent slow path: an instrumentation (tests only) that records every instruction directly —
// before each instruction, its byte offset; before each load/store, also its address operand — into an
// added memory. It shares no region logic with the real instrumenter: regions, fuel and the compact
// trace are checked against it.
import { Reader, Writer } from '../../host/sandbox/instrument/bytes.ts';
import { decode, Kind } from '../../host/sandbox/instrument/opcodes.ts';
import { parseModule, SectionId } from '../../host/sandbox/instrument/module.ts';

const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c;
export const SLOW_MEMORY = '__slow_memory';
export const SLOW_POS = '__slow_pos';

export function slowPath(wasm: Uint8Array, pages = 2048): Uint8Array {
  const m = parseModule(wasm);
  const recType = m.types.length;
  const recFunc = m.importedFuncs + m.funcTypes.length; // appended: no index moves
  const mem = m.importedMemories + m.memories.length;
  const pos = m.importedGlobals + m.definedGlobals;
  const store = (w: Writer) => (mem === 0 ? w.u8(0x36).u32(2).u32(0) : w.u8(0x36).u32(0x42).u32(mem).u32(0));
  const rec = (w: Writer, value: (w: Writer) => void) => {
    // mem[pos] = value; pos += 4 — done inline through the appended function
    value(w);
    w.u8(0x10).u32(recFunc);
  };

  const sections = new Map<number, Writer>();
  const copyVec = (id: number, extra: number, append: (w: Writer) => void) => {
    const s = m.sections.find((x) => x.id === id);
    const w = new Writer();
    let n = 0;
    let body: Uint8Array = new Uint8Array(0);
    if (s) {
      const r = new Reader(wasm, s.start, s.end);
      n = r.u32();
      body = wasm.subarray(r.pos, s.end);
    }
    w.u32(n + extra).bytes(body);
    append(w);
    sections.set(id, w);
  };
  copyVec(SectionId.type, 1, (w) => w.u8(0x60).u32(1).u8(I32).u32(0));
  copyVec(SectionId.function, 1, (w) => w.u32(recType));
  copyVec(SectionId.memory, 1, (w) => w.u8(0x01).u32(pages).u32(pages));
  copyVec(SectionId.global, 1, (w) => w.u8(I32).u8(1).u8(0x41).u8(0).u8(0x0b));
  copyVec(SectionId.export, 2, (w) => w.name(SLOW_MEMORY).u8(2).u32(mem).name(SLOW_POS).u8(3).u32(pos));

  const code = new Writer();
  code.u32(m.bodies.length + 1);
  for (let f = 0; f < m.bodies.length; f++) {
    const { start, end } = m.bodies[f]!;
    const r = new Reader(wasm, start, end);
    const body = new Writer();
    const decls = r.u32();
    const d = new Writer();
    let locals = 0;
    for (let i = 0; i < decls; i++) {
      const n = r.u32();
      locals += n;
      d.u32(n).u8(r.u8());
    }
    const type = m.types[m.funcTypes[f]!]!;
    const base = type.params.length + locals;
    const A = base, T: Record<number, number> = { [I32]: base + 1, [I64]: base + 2, [F32]: base + 3, [F64]: base + 4 };
    body.u32(decls + 4).bytes(d.view()).u32(2).u8(I32).u32(1).u8(I64).u32(1).u8(F32).u32(1).u8(F64);
    while (r.pos < end) {
      const ins = decode(r);
      rec(body, (w) => w.u8(0x41).s32(ins.start));
      if (ins.kind === Kind.load || ins.kind === Kind.store) {
        if (ins.kind === Kind.store) body.u8(0x21).u32(T[ins.valueType!]!);
        body.u8(0x21).u32(A);
        rec(body, (w) => w.u8(0x20).u32(A));
        body.u8(0x20).u32(A);
        if (ins.kind === Kind.store) body.u8(0x20).u32(T[ins.valueType!]!);
      }
      body.bytes(wasm.subarray(ins.start, ins.end));
    }
    code.sized(body);
  }
  const recBody = new Writer();
  recBody.u32(0).u8(0x23).u32(pos).u8(0x20).u32(0);
  store(recBody);
  recBody.u8(0x23).u32(pos).u8(0x41).u8(4).u8(0x6a).u8(0x24).u32(pos).u8(0x0b);
  code.sized(recBody);
  sections.set(SectionId.code, code);

  const order = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11];
  const out = new Writer();
  out.bytes(wasm.subarray(0, 8));
  const done = new Set<number>();
  const emitBefore = (rank: number) => {
    for (let i = 0; i < rank; i++) {
      const id = order[i]!;
      if (!done.has(id) && sections.has(id)) {
        done.add(id);
        out.u8(id).sized(sections.get(id)!);
      }
    }
  };
  for (const s of m.sections) {
    if (s.id === 0) continue;
    emitBefore(order.indexOf(s.id));
    done.add(s.id);
    if (sections.has(s.id)) out.u8(s.id).sized(sections.get(s.id)!);
    else out.u8(s.id).u32(s.end - s.start).bytes(wasm.subarray(s.start, s.end));
  }
  emitBefore(order.length);
  return out.toBytes();
}

/** The recorded stream as words. */
export function slowRecords(exports: WebAssembly.Exports): number[] {
  const n = (exports[SLOW_POS] as WebAssembly.Global).value as number;
  return Array.from(new Uint32Array((exports[SLOW_MEMORY] as WebAssembly.Memory).buffer, 0, n / 4));
}
