/**
 * @module sandbox/instrument/module
 * Reads a wasm binary's sections into the facts the passes need (types, imports, functions,
 * memories, globals, exports, start, code bodies, names). Section payloads the passes do not
 * change are kept as byte ranges and copied through untouched.
 */
import { Reader, malformed, moduleHeader } from './bytes.ts';
import { producersOf } from './producers.ts';
import { decode, Kind, readValType, unsupported } from './opcodes.ts';

export const SectionId = {
  custom: 0, type: 1, import: 2, function: 3, table: 4, memory: 5, global: 6,
  export: 7, start: 8, element: 9, code: 10, data: 11, dataCount: 12, tag: 13,
} as const;

export interface Section {
  id: number;
  /** Payload byte range in the module. */
  start: number;
  end: number;
  /** Custom sections only. */
  name?: string;
}

export interface FuncType {
  params: number[];
  results: number[];
}

export interface Import {
  module: string;
  field: string;
  kind: 'func' | 'table' | 'memory' | 'global';
  /** func: type index. */
  type?: number;
  /** Byte offset of the import entry, for error messages. */
  offset: number;
}

export interface Limits {
  min: number;
  max: number | null;
}

export interface Export {
  name: string;
  kind: number; // 0 func, 1 table, 2 memory, 3 global
  index: number;
}

export interface Body {
  /** Byte range of the whole body (locals + code), without its size prefix. */
  start: number;
  end: number;
}

export interface WasmModule {
  bytes: Uint8Array;
  sections: Section[];
  types: FuncType[];
  imports: Import[];
  importedFuncs: number;
  importedGlobals: number;
  importedMemories: number;
  /** Type index of each defined function. */
  funcTypes: number[];
  memories: Limits[];
  /** Defined tables: element type and limits. */
  tables: { refType: number; limits: Limits }[];
  definedGlobals: number;
  /** Value type and mutability of each defined global. */
  globalTypes: { type: number; mutable: boolean }[];
  exports: Export[];
  start: number | null;
  bodies: Body[];
  /** Function names from the "name" custom section, by function index. */
  names: Map<number, string>;
}

/**
 * The module's sections, decoded. Its producers section is read strictly (instrument/producers), so
 * whatever decodes a module refuses one whose provenance two tools could read two ways; only
 * `{ producers: false }` (inspect's printer, which reports that section's error itself) skips it.
 */
export function parseModule(bytes: Uint8Array, options: { producers?: boolean } = {}): WasmModule {
  moduleHeader(bytes);
  const m: WasmModule = {
    bytes, sections: [], types: [], imports: [], importedFuncs: 0, importedGlobals: 0,
    importedMemories: 0, funcTypes: [], memories: [], tables: [], definedGlobals: 0, globalTypes: [], exports: [],
    start: null, bodies: [], names: new Map(),
  };
  const r = new Reader(bytes, 8);
  while (!r.done) {
    const id = r.u8();
    const size = r.u32();
    const start = r.pos;
    r.skip(size);
    const section: Section = { id, start, end: start + size };
    const s = new Reader(bytes, start, start + size);
    switch (id) {
      case SectionId.custom:
        section.name = s.name();
        if (section.name === 'name') readNames(s, m.names);
        break;
      case SectionId.type: readTypes(s, m); break;
      case SectionId.import: readImports(s, m); break;
      case SectionId.function: {
        const n = s.u32();
        for (let i = 0; i < n; i++) m.funcTypes.push(s.u32());
        break;
      }
      case SectionId.table: {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const at = s.pos;
          if (s.bytes[at] === 0x40) throw unsupported('typed function references (table initializer)', at);
          const refType = readValType(s);
          m.tables.push({ refType, limits: readLimits(s, true) });
        }
        break;
      }
      case SectionId.memory: {
        const n = s.u32();
        for (let i = 0; i < n; i++) m.memories.push(readLimits(s));
        break;
      }
      case SectionId.global: {
        m.definedGlobals = s.u32();
        for (let i = 0; i < m.definedGlobals; i++) {
          const type = readValType(s);
          const mutable = s.u8() === 1;
          m.globalTypes.push({ type, mutable });
          for (;;) if (decode(s).kind === Kind.end) break; // the initializer
        }
        break;
      }
      case SectionId.export: {
        const n = s.u32();
        for (let i = 0; i < n; i++) m.exports.push({ name: s.name(), kind: s.u8(), index: s.u32() });
        break;
      }
      case SectionId.start: m.start = s.u32(); break;
      case SectionId.code: {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const len = s.u32();
          m.bodies.push({ start: s.pos, end: s.pos + len });
          s.skip(len);
        }
        break;
      }
      case SectionId.tag: throw unsupported('exception handling (tag section)', start - 1);
      default: break;
    }
    m.sections.push(section);
  }
  if (m.bodies.length !== m.funcTypes.length)
    throw malformed(bytes.length, `${m.funcTypes.length} functions declared but ${m.bodies.length} bodies`);
  if (m.importedMemories + m.memories.length > 1)
    throw unsupported('multi-memory (more than one memory declared or imported)', 8);
  if (options.producers !== false) producersOf(bytes);
  return m;
}

function readTypes(s: Reader, m: WasmModule): void {
  const n = s.u32();
  for (let i = 0; i < n; i++) {
    const at = s.pos;
    const form = s.u8();
    if (form !== 0x60) throw unsupported('GC (recursive or struct/array types)', at);
    const params: number[] = [];
    const results: number[] = [];
    const np = s.u32();
    for (let j = 0; j < np; j++) params.push(readValType(s));
    const nr = s.u32();
    for (let j = 0; j < nr; j++) results.push(readValType(s));
    m.types.push({ params, results });
  }
}

export function readLimits(s: Reader, table = false): Limits {
  const at = s.pos;
  const flags = s.u8();
  if (flags === 0x00) return { min: s.u32(), max: null };
  if (flags === 0x01) return { min: s.u32(), max: s.u32() };
  if (flags === 0x02 || flags === 0x03) throw unsupported('threads (shared memory)', at);
  throw unsupported(table ? 'table64' : 'memory64', at);
}

function readImports(s: Reader, m: WasmModule): void {
  const n = s.u32();
  for (let i = 0; i < n; i++) {
    const offset = s.pos;
    const module = s.name();
    const field = s.name();
    const kindAt = s.pos;
    const kind = s.u8();
    if (kind === 0x00) {
      m.imports.push({ module, field, kind: 'func', type: s.u32(), offset });
      m.importedFuncs++;
    } else if (kind === 0x01) {
      readValType(s);
      readLimits(s, true);
      m.imports.push({ module, field, kind: 'table', offset });
    } else if (kind === 0x02) {
      readLimits(s);
      m.imports.push({ module, field, kind: 'memory', offset });
      m.importedMemories++;
    } else if (kind === 0x03) {
      readValType(s);
      s.u8();
      m.imports.push({ module, field, kind: 'global', offset });
      m.importedGlobals++;
    } else if (kind === 0x04) {
      throw unsupported('exception handling (tag import)', kindAt);
    } else {
      throw malformed(kindAt, `import kind 0x${kind.toString(16)}`);
    }
  }
}

function readNames(s: Reader, names: Map<number, string>): void {
  // The name section is advisory: a damaged one is ignored rather than trusted.
  try {
    while (!s.done) {
      const id = s.u8();
      const size = s.u32();
      const end = s.pos + size;
      if (id === 1) {
        const sub = new Reader(s.bytes, s.pos, end);
        const n = sub.u32();
        for (let i = 0; i < n; i++) {
          const idx = sub.u32();
          names.set(idx, sub.name());
        }
      }
      s.skip(size);
    }
  } catch {
    names.clear();
  }
}
