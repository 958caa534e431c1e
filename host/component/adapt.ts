/**
 * @module component/adapt
 * A strategy's core module in the names of its WIT world (guest-sdk/strategy.wit, docs/WIT.md): a
 * COPY whose imports and exports are renamed from the ABI's snake_case to WIT's kebab-case (core
 * module `backproof` → interface `backproof:strategy/host@1.0.0`, `env` → `…/env@1.0.0`), with the
 * optional exports a module lacks filled in as the host treats them (an empty function; a start
 * function exported as `init`, as the instrumenter does), exports beyond the ABI's left out. Everything
 * else is copied byte for byte.
 * The module itself is never changed.
 */
import { BuildError } from '../errors.ts';
import { parseModule, SectionId, type WasmModule } from '../sandbox/instrument/module.ts';
import { Reader, Writer } from '../sandbox/instrument/bytes.ts';
import {
  EXPORT_INIT, EXPORT_MEMORY, EXPORT_ON_BAR, EXPORT_ON_ORDER, EXPORT_ON_TRADE, ON_ORDER_SIGNATURE, ON_TRADE_SIGNATURE, type ImportSpec,
} from '../sandbox/abi.ts';

/** The WIT package of the contract, and the world a strategy is componentized against. */
export const WIT_PACKAGE = 'backproof:strategy@1.0.0';
export const WIT_WORLD = 'strategy';
/** Core import module → the WIT interface it is in the world. */
export const INTERFACE_OF: Readonly<Record<string, string>> = {
  backproof: 'backproof:strategy/host@1.0.0',
  env: 'backproof:strategy/env@1.0.0',
};

/** A core name in the ABI's snake_case is its WIT name with `-` for `_`; a name that is not snake_case has none. */
export function witName(core: string): string | null {
  return /^[a-z][a-z0-9]*(_[a-z][a-z0-9]*)*$/.test(core) ? core.replaceAll('_', '-') : null;
}

/** The inverse, for a host reading the world's names back: `position-of` → `position_of`. */
export function coreName(wit: string): string {
  return wit.replaceAll('-', '_');
}

/** Optional exports a componentized copy always has (the world exports them), with their core types. */
const OPTIONAL: { name: string; sig: ImportSpec }[] = [
  { name: EXPORT_INIT, sig: { params: [], results: [] } },
  { name: EXPORT_ON_ORDER, sig: ON_ORDER_SIGNATURE },
  { name: EXPORT_ON_TRADE, sig: ON_TRADE_SIGNATURE },
];

const ABI_EXPORTS = new Set([EXPORT_MEMORY, EXPORT_ON_BAR, ...OPTIONAL.map((o) => o.name)]);

/** Sections in the order the binary format requires them (custom ones stay where they are). */
const ORDER: readonly number[] = [SectionId.type, SectionId.import, SectionId.function, SectionId.table, SectionId.memory, SectionId.tag, SectionId.global,
  SectionId.export, SectionId.start, SectionId.element, SectionId.dataCount, SectionId.code, SectionId.data];

/**
 * The copy of `wasm` in the world's names. Throws BuildError for a core name that has no WIT name
 * (not snake_case): the world could not name it, whatever it is.
 */
export function adaptToWorld(wasm: Uint8Array, entry: string): Uint8Array {
  const m = parseModule(wasm);
  const payloads = new Map<number, Uint8Array>();
  payloads.set(SectionId.import, renamedImports(m, entry));
  // Only the ABI's exports are the world's: any other (a helper the strategy exports) is left out of the copy.
  const exports = m.exports.filter((e) => ABI_EXPORTS.has(e.name)).map((e) => ({ ...e }));
  let start = m.start;
  const added: { sig: ImportSpec }[] = [];
  for (const { name, sig } of OPTIONAL) {
    if (exports.some((e) => e.name === name)) continue;
    if (name === EXPORT_INIT && start !== null) {
      // The host runs a start function as init, after its imports are wired (docs/ABI.md): so does the copy.
      exports.push({ name, kind: 0, index: start });
      start = null;
      continue;
    }
    exports.push({ name, kind: 0, index: m.importedFuncs + m.funcTypes.length + added.length });
    added.push({ sig });
  }
  const ex = new Writer();
  ex.u32(exports.length);
  for (const e of exports) ex.name(e.name === EXPORT_MEMORY ? e.name : witName(e.name)!).u8(e.kind).u32(e.index);
  payloads.set(SectionId.export, ex.toBytes());
  if (start !== m.start) payloads.set(SectionId.start, new Uint8Array(0)); // removed
  if (added.length > 0) {
    const types = new Writer().u32(m.types.length + added.length);
    types.bytes(vectorBody(m, SectionId.type));
    for (const { sig } of added) types.u8(0x60).u32(sig.params.length).bytes(Uint8Array.from(sig.params)).u32(sig.results.length).bytes(Uint8Array.from(sig.results));
    payloads.set(SectionId.type, types.toBytes());
    const funcs = new Writer().u32(m.funcTypes.length + added.length).bytes(vectorBody(m, SectionId.function));
    added.forEach((_, i) => funcs.u32(m.types.length + i));
    payloads.set(SectionId.function, funcs.toBytes());
    const code = new Writer().u32(m.bodies.length + added.length).bytes(vectorBody(m, SectionId.code));
    for (let i = 0; i < added.length; i++) code.bytes(Uint8Array.of(2, 0, 0x0b)); // size 2: no locals, end
    payloads.set(SectionId.code, code.toBytes());
  }
  return assemble(m, payloads);
}

function notNamed(entry: string, what: string): BuildError {
  return new BuildError('BUILD_FAILED', `${entry}: ${what} is not in the WIT world ${WIT_PACKAGE} (guest-sdk/strategy.wit): the world names a core name in snake_case (a-z, 0-9, single _) in kebab-case, and this one is not snake_case (docs/WIT.md)`);
}

function renamedImports(m: WasmModule, entry: string): Uint8Array {
  const section = m.sections.find((s) => s.id === SectionId.import);
  const w = new Writer().u32(m.imports.length);
  m.imports.forEach((imp, i) => {
    const iface = INTERFACE_OF[imp.module];
    const field = witName(imp.field);
    if (iface !== undefined && field === null) throw notNamed(entry, `import "${imp.module}"."${imp.field}"`);
    // A module outside the ABI keeps its names: componentizing then names it as an import the world lacks.
    w.name(iface ?? imp.module).name(iface !== undefined ? field! : imp.field);
    const r = new Reader(m.bytes, imp.offset, section!.end);
    r.name();
    r.name();
    const end = i + 1 < m.imports.length ? m.imports[i + 1]!.offset : section!.end;
    w.bytes(m.bytes.subarray(r.pos, end));
  });
  return w.toBytes();
}

/** A vector section's entries without its count (empty when the module has no such section). */
function vectorBody(m: WasmModule, id: number): Uint8Array {
  const s = m.sections.find((x) => x.id === id);
  if (!s) return new Uint8Array(0);
  const r = new Reader(m.bytes, s.start, s.end);
  r.u32();
  return m.bytes.subarray(r.pos, s.end);
}

/** The module again with `payloads` in place of (or inserted as, or with an empty one removing) its sections. */
function assemble(m: WasmModule, payloads: Map<number, Uint8Array>): Uint8Array {
  const out = new Writer(m.bytes.length + 256);
  out.bytes(m.bytes.subarray(0, 8));
  const pending = new Map(payloads);
  const emit = (id: number, payload: Uint8Array) => {
    if (id === SectionId.start && payload.length === 0) return;
    out.u8(id).u32(payload.length).bytes(payload);
  };
  // A section the module lacks goes in before the first known section that must follow it.
  const flushBefore = (id: number) => {
    for (const [pid, payload] of pending) {
      if (m.sections.some((s) => s.id === pid)) continue;
      if (ORDER.indexOf(pid) < ORDER.indexOf(id)) {
        emit(pid, payload);
        pending.delete(pid);
      }
    }
  };
  for (const s of m.sections) {
    if (s.id !== SectionId.custom) flushBefore(s.id);
    const replaced = s.id !== SectionId.custom ? pending.get(s.id) : undefined;
    if (replaced !== undefined) {
      emit(s.id, replaced);
      pending.delete(s.id);
    } else {
      out.u8(s.id).u32(s.end - s.start).bytes(m.bytes.subarray(s.start, s.end));
    }
  }
  for (const id of ORDER) {
    const payload = pending.get(id);
    if (payload !== undefined) emit(id, payload);
  }
  return out.toBytes();
}
