/**
 * @module sandbox/wasi/transplant
 * The guest's code in the linked command is the instrumented module's own code, byte for byte but for
 * renumbered function and type indices (docs/ISOLATION-WASI.md, "Linking"). Binaryen links the driver
 * (wasi/link) and writes the whole module back, but its writing of a function is its reading of it:
 * blocks folded, locals regrouped, sometimes locals added (a function near V8's 50,000 locals then
 * fails to validate). So each guest function's body in Binaryen's output is replaced by the
 * instrumented body, its `call`, `ref.func`, `call_indirect` and block type indices renumbered to the
 * output's. Every other index space the bodies use (globals, memories, tables, data and element
 * segments, locals) is the same in both: checked, not assumed.
 *
 * So a trap's byte position in the linked module maps back exactly to the instrumented module's
 * (`positions`): the host locates it as in-process (sandbox/stop trapSite).
 */
import { SandboxError } from '../../errors.ts';
import { Reader, Writer } from '../instrument/bytes.ts';
import { decode } from '../instrument/opcodes.ts';
import { SectionId } from '../instrument/module.ts';

/** Where guest code lies in the linked module: pairs (linked offset, instrumented offset), sorted; −1 ends a body's code. */
export type Positions = number[];

/** The instrumented byte offset of linked offset `at`, or null when `at` is not in the guest's code. */
export function instrumentedPosition(positions: Positions, at: number): number | null {
  let lo = 0, hi = positions.length / 2 - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[2 * mid]! <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0 || positions[2 * found + 1]! < 0) return null;
  return positions[2 * found + 1]! + (at - positions[2 * found]!);
}

interface Sections {
  /** Payload ranges by section id (custom sections left out). */
  ranges: Map<number, { start: number; end: number }>;
  /** Each function type's signature as text ("params:results"), by type index; null for a type that is not a function. */
  types: (string | null)[];
  importedFuncs: number;
  /** Type index of each defined function. */
  funcTypes: number[];
  /** Each defined global's type and mutability bytes, as text. */
  globals: string[];
  memories: number;
  tables: number;
  dataSegments: number;
  elemSegments: number;
  /** Body ranges (locals + code) of the defined functions. */
  bodies: { start: number; end: number }[];
}

const unsupported = (what: string) => new SandboxError('WASM_UNSUPPORTED', `--isolation wasi: ${what}`);

function readSections(bytes: Uint8Array): Sections {
  const s: Sections = { ranges: new Map(), types: [], importedFuncs: 0, funcTypes: [], globals: [], memories: 0, tables: 0, dataSegments: 0, elemSegments: 0, bodies: [] };
  const valtypes = (r: Reader) => Array.from({ length: r.u32() }, () => r.u8()).join(',');
  const limits = (r: Reader) => {
    const flags = r.u8();
    r.u32();
    if (flags & 1) r.u32();
  };
  const compType = (r: Reader): string | null => {
    const form = r.u8();
    if (form === 0x60) return `${valtypes(r)}:${valtypes(r)}`;
    throw unsupported(`a type of form 0x${form.toString(16)} in the linked module`);
  };
  const subType = (r: Reader): string | null => {
    const at = r.pos;
    const form = r.bytes[at];
    if (form === 0x50 || form === 0x4f) {
      r.u8();
      if (r.u32() !== 0) throw unsupported('a function type with a supertype in the linked module');
    }
    return compType(r);
  };
  for (const r = new Reader(bytes, 8); !r.done;) {
    const id = r.u8();
    const end = r.u32() + r.pos;
    if (id !== SectionId.custom) s.ranges.set(id, { start: r.pos, end });
    if (id === SectionId.type) {
      for (let n = r.u32(); n > 0; n--) {
        if (r.bytes[r.pos] === 0x4e) {
          r.u8();
          for (let k = r.u32(); k > 0; k--) s.types.push(subType(r));
        } else s.types.push(subType(r));
      }
    } else if (id === SectionId.import) {
      for (let n = r.u32(); n > 0; n--) {
        r.name();
        r.name();
        const kind = r.u8();
        if (kind !== 0) throw unsupported('an import that is not a function');
        r.u32();
        s.importedFuncs++;
      }
    } else if (id === SectionId.function) {
      for (let n = r.u32(); n > 0; n--) s.funcTypes.push(r.u32());
    } else if (id === SectionId.table) s.tables = r.u32();
    else if (id === SectionId.memory) s.memories = r.u32();
    else if (id === SectionId.global) {
      for (let n = r.u32(); n > 0; n--) {
        const at = r.pos;
        r.u8();
        r.u8();
        s.globals.push(Array.from(bytes.subarray(at, r.pos)).join(','));
        // The initializer: a constant expression, to its end.
        for (let ins = decode(r, true); ins.op !== 0x0b; ins = decode(r, true));
      }
    } else if (id === SectionId.data) s.dataSegments = r.u32();
    else if (id === SectionId.element) s.elemSegments = r.u32();
    else if (id === SectionId.code) {
      for (let n = r.u32(); n > 0; n--) {
        const size = r.u32();
        s.bodies.push({ start: r.pos, end: r.pos + size });
        r.pos += size;
      }
    }
    r.pos = end;
  }
  return s;
}

/**
 * Replaces, in `linked` (Binaryen's output), the body of each of the instrumented module's functions
 * by the instrumented body, renumbered: `functionMap[i]` is the linked index of instrumented function i
 * (an import: the driver's stub that replaced it). Returns the module and where its guest code lies.
 */
export function transplant(instrumented: Uint8Array, linked: Uint8Array, functionMap: readonly number[]): { wasm: Uint8Array; positions: Positions } {
  const a = readSections(instrumented), b = readSections(linked);
  const fail = (what: string) => new SandboxError('WASM_MALFORMED', `--isolation wasi: the linked module does not match the instrumented one (${what}; a driver bug)`);
  if (functionMap.length !== a.importedFuncs + a.funcTypes.length) throw fail('function count');
  if (b.globals.slice(0, a.globals.length).join(';') !== a.globals.join(';')) throw fail('globals');
  if (b.memories !== a.memories + 1 || b.tables !== a.tables || b.dataSegments !== a.dataSegments || b.elemSegments !== a.elemSegments) throw fail('memories, tables or segments');
  // Type indices by signature: Binaryen orders the types its own way.
  const typeBySignature = new Map<string, number>();
  b.types.forEach((sig, i) => {
    if (sig !== null && !typeBySignature.has(sig)) typeBySignature.set(sig, i);
  });
  const typeMap = a.types.map((sig, i) => {
    const t = sig === null ? undefined : typeBySignature.get(sig);
    if (t === undefined) throw fail(`type ${i}`);
    return t;
  });
  const funcType = (m: Sections, f: number) => m.types[m.funcTypes[f - m.importedFuncs]!];
  const guestBody = new Map<number, number>(); // linked defined function → instrumented defined function
  for (let d = 0; d < a.funcTypes.length; d++) {
    const to = functionMap[a.importedFuncs + d]!;
    if (to < b.importedFuncs || to - b.importedFuncs >= b.bodies.length || funcType(b, to) !== a.types[a.funcTypes[d]!]) throw fail(`function ${a.importedFuncs + d}`);
    guestBody.set(to - b.importedFuncs, d);
  }
  for (let i = 0; i < a.importedFuncs; i++) {
    const to = functionMap[i]!;
    const sig = a.types[readImportType(instrumented, i)];
    if (to < b.importedFuncs || funcType(b, to) !== sig) throw fail(`import ${i}`);
  }

  const code = b.ranges.get(SectionId.code)!;
  const out = new Writer(linked.length + 1024);
  out.bytes(linked.subarray(0, 8));
  const positions: Positions = [];
  for (const r = new Reader(linked, 8); !r.done;) {
    const at = r.pos;
    const id = r.u8();
    const end = r.u32() + r.pos;
    if (id !== SectionId.code || r.pos !== code.start) {
      out.bytes(linked.subarray(at, end));
      r.pos = end;
      continue;
    }
    // The code section again: the header is at most 5 + 5 bytes before its payload.
    const payload = new Writer(code.end - code.start + 1024);
    payload.u32(b.bodies.length);
    const bodies: { body: Writer; pairs: number[] }[] = [];
    b.bodies.forEach((body, i) => {
      const d = guestBody.get(i);
      const w = new Writer(body.end - body.start + 16);
      const pairs: number[] = [];
      if (d === undefined) w.bytes(linked.subarray(body.start, body.end));
      else renumber(instrumented, a.bodies[d]!, w, pairs, functionMap, typeMap);
      bodies.push({ body: w, pairs });
    });
    // Offsets within the output: the section's header, then each body's size and bytes.
    const sizeOf = (n: number) => new Writer(5).u32(n).length;
    let payloadLength = sizeOf(b.bodies.length);
    for (const { body } of bodies) payloadLength += sizeOf(body.length) + body.length;
    let offset = out.length + 1 + sizeOf(payloadLength) + sizeOf(b.bodies.length);
    for (const { body, pairs } of bodies) {
      payload.u32(body.length);
      offset += sizeOf(body.length);
      for (let k = 0; k < pairs.length; k += 2) positions.push(offset + pairs[k]!, pairs[k + 1]!);
      if (pairs.length > 0) positions.push(offset + body.length, -1);
      payload.bytes(body.view());
      offset += body.length;
    }
    out.u8(id).sized(payload);
    r.pos = end;
  }
  const wasm = out.toBytes();
  if (!WebAssembly.validate(wasm as BufferSource)) throw fail('it does not validate');
  return { wasm, positions };
}

/** The type index of function import `index` (the instrumented module imports only functions). */
function readImportType(bytes: Uint8Array, index: number): number {
  for (const r = new Reader(bytes, 8); !r.done;) {
    const id = r.u8();
    const end = r.u32() + r.pos;
    if (id === SectionId.import) {
      for (let n = r.u32(), i = 0; i < n; i++) {
        r.name();
        r.name();
        r.u8();
        const type = r.u32();
        if (i === index) return type;
      }
    }
    r.pos = end;
  }
  return -1;
}

/**
 * Writes body `range` of `src` into `w`, its function and type indices renumbered; `pairs` gets
 * (offset in w, offset in src) wherever the two start to differ by another amount (a renumbered index
 * of another length), the first pair at the first instruction.
 */
function renumber(src: Uint8Array, range: { start: number; end: number }, w: Writer, pairs: number[], functionMap: readonly number[], typeMap: readonly number[]): void {
  const r = new Reader(src, range.start, range.end);
  for (let groups = r.u32(); groups > 0; groups--) {
    r.u32();
    r.u8();
  }
  w.bytes(src.subarray(range.start, r.pos));
  let delta = NaN;
  while (r.pos < range.end) {
    const ins = decode(r, true);
    if (w.length - ins.start !== delta) {
      delta = w.length - ins.start;
      pairs.push(w.length, ins.start);
    }
    const op = ins.op;
    if ((op === 0x10 || op === 0xd2) && ins.func !== undefined) {
      w.bytes(src.subarray(ins.start, ins.funcAt!)).u32(functionMap[ins.func]!);
    } else if (op === 0x11) {
      const t = new Reader(src, ins.start + 1, ins.end);
      t.u32();
      w.u8(op).u32(typeMap[ins.typeIndex!]!).bytes(src.subarray(t.pos, ins.end));
    } else if ((op === 0x02 || op === 0x03 || op === 0x04) && ins.blockType! >= 0) {
      w.u8(op).s32(typeMap[ins.blockType!]!);
    } else {
      w.bytes(src.subarray(ins.start, ins.end));
    }
  }
}
