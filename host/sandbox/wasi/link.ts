/**
 * @module sandbox/wasi/link
 * Links an instrumented guest with the WASI driver (docs/ISOLATION-WASI.md): a WASI command whose
 * `_start` serves the host's frames (wasi/protocol) on stdin/stdout. Each of the guest's imports
 * (backproof.*, env.*, the instrumenter's __backproof.*) becomes a driver function that sends a
 * HOSTCALL frame and blocks reading until the REPLY; CALL frames call the guest's exports. Binaryen
 * reads the module and writes it back, its functions referred to by name, so replacing an import by a
 * function of the same name renumbers every call for us; then each guest body Binaryen wrote is
 * replaced by the instrumented one (wasi/transplant), so the guest's code is the instrumented code
 * itself and a trap's position maps back to it. The driver's code is added after instrumentation: it
 * is never metered or traced, so fuel and the trace are the instrumented module's alone.
 *
 * WASI reads and writes memory 0, the guest's. The driver keeps its own buffers in a memory of its
 * own (appended, so no index moves) and moves bytes through a bounce window at the start of memory 0:
 * before each fd_read/fd_write the window's bytes are saved to the driver's memory and after it they
 * are put back, while the guest is waiting, so the guest never sees them change.
 *
 * Binaryen loads asynchronously (top-level await), so linking runs on the runtime's own thread
 * (wasi/thread), never on the engine's.
 */
import { Reader, Writer } from '../instrument/bytes.ts';
import { SectionId } from '../instrument/module.ts';
import { SandboxError } from '../../errors.ts';
import {
  CALL, CHUNK, DATA, EXIT, GLOBALS, HOSTCALL, F32, F64, I32, I64, READ, REPLY, RETURN, SLOT, SMALL_FRAME_MAX, WASI_MODULE, WRITE,
  TRAP, TRAP_EXPORT, DRIVER_MEMORY_EXPORT, TRAP_MESSAGE_AT, TRAP_MESSAGE_MAX,
  NUMERIC, SYNC_GLOBALS, checkWasiImports, outlineOf, type Plan, type PlanFunction, type PlanGlobal, type PlanImport,
} from './protocol.ts';
import { transplant, type Positions } from './transplant.ts';

type Binaryen = typeof import('binaryen').default;
type Module = InstanceType<Binaryen['Module']>;
type Ref = number;

const IO_EXPORT = '__bp_wasi_io';
/** The driver's memory: the saved window, the input frame, the output frame, a chunk buffer. */
const SAVE = 0, IN = 65_536, OUT = 131_072, BUF = TRAP_MESSAGE_AT, IO_PAGES = 4;
const P = '__bpw_'; // the driver's function names

let loaded: Promise<Binaryen> | null = null;
/** Binaryen (node_modules/binaryen, assemblyscript's), loaded once per thread. */
export function loadBinaryen(): Promise<Binaryen> {
  loaded ??= import('binaryen').then((m) => m.default);
  return loaded;
}

export interface Linked {
  /** The WASI command. */
  wasm: Uint8Array;
  /** The numbering of its frames (wasi/protocol), for the host's side. */
  plan: Plan;
  /** Where the guest's code lies in it (wasi/transplant): a trap's position mapped back to the instrumented module. */
  positions: Positions;
}

/** The WASI command for an instrumented module, checked: it imports only fd_read, fd_write and proc_exit. */
export async function linkWasiCommand(instrumented: Uint8Array): Promise<Linked> {
  checkShape(instrumented);
  const binaryen = await loadBinaryen();
  const mod = binaryen.readBinaryWithFeatures(withIoMemory(instrumented), binaryen.Features.All);
  try {
    mod.setFeatures(binaryen.Features.All);
    const plan = planOf(binaryen, mod);
    // Binaryen names each function as it reads it (index order); the stubs take the imports' names.
    const names = Array.from({ length: mod.getNumFunctions() }, (_, i) => binaryen.getFunctionInfo(mod.getFunctionByIndex(i)).name);
    new Driver(binaryen, mod, plan).link();
    if (!mod.validate()) throw new SandboxError('WASM_MALFORMED', '--isolation wasi: the linked module does not validate (a driver bug)');
    const index = outputIndices(binaryen, mod);
    const { wasm, positions } = transplant(instrumented, mod.emitBinary(), names.map((n) => index.get(n)!));
    checkWasiImports(wasm);
    return { wasm, plan, positions };
  } finally {
    mod.dispose();
  }
}

/** What the driver relies on: only function imports, the guest's memory is memory 0 and starts with a page, no start function. */
function checkShape(bytes: Uint8Array): void {
  const o = outlineOf(bytes);
  for (const imp of o.imports)
    if (imp.kind !== 0) throw new SandboxError('WASM_UNSUPPORTED', `--isolation wasi: import "${imp.module}"."${imp.field}" is not a function; only functions can be served`);
  const memory = o.exports.find((e) => e.name === 'memory' && e.kind === 2);
  if (!memory || memory.index !== 0)
    throw new SandboxError('WASM_UNSUPPORTED', '--isolation wasi: the guest\'s memory must be its memory 0, exported as "memory" (WASI reads and writes memory 0)');
  if (o.start) throw new SandboxError('WASM_UNSUPPORTED', '--isolation wasi: the module has a start function; only instrumented modules (start converted to "init") run isolated');
}

/** Each function's index in the binary Binaryen writes: its imports first, then the functions it defines, each in module order. */
function outputIndices(b: Binaryen, m: Module): Map<string, number> {
  const infos = Array.from({ length: m.getNumFunctions() }, (_, i) => b.getFunctionInfo(m.getFunctionByIndex(i)));
  const imported = infos.filter((f) => f.module);
  return new Map([...imported, ...infos.filter((f) => !f.module)].map((f, i) => [f.name, i]));
}

/** The plan (wasi/protocol) of a module as Binaryen read it: imports in index order, exports in export order. */
function planOf(b: Binaryen, m: Module): Plan {
  const code = (t: number) => (t === b.i32 ? I32 : t === b.i64 ? I64 : t === b.f32 ? F32 : t === b.f64 ? F64 : -1);
  const signature = (name: string) => {
    const info = b.getFunctionInfo(m.getFunction(name));
    return { params: b.expandType(info.params).map(code), results: b.expandType(info.results).map(code) };
  };
  const imports: PlanImport[] = [];
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const info = b.getFunctionInfo(m.getFunctionByIndex(i));
    if (!info.module) continue;
    const sig = signature(info.name);
    if (![...sig.params, ...sig.results].every((t) => NUMERIC.has(t)) || sig.results.length > 1)
      throw new SandboxError('WASM_UNSUPPORTED', `--isolation wasi: import "${info.module}"."${info.base}" has a signature the driver cannot carry`);
    imports.push({ module: info.module, name: info.base!, ...sig });
  }
  const callables: PlanFunction[] = [], globals: PlanGlobal[] = [], memories: string[] = [];
  for (let i = 0; i < m.getNumExports(); i++) {
    const e = b.getExportInfo(m.getExportByIndex(i));
    if (e.name === IO_EXPORT) continue;
    if (e.kind === b.ExternalFunction) {
      const sig = signature(e.value);
      if (sig.params.every((t) => NUMERIC.has(t)) && sig.results.length <= 1) callables.push({ name: e.name, ...sig });
    } else if (e.kind === b.ExternalMemory) memories.push(e.name);
    else if (e.kind === b.ExternalGlobal) {
      const type = code(b.getGlobalInfo(m.getGlobal(e.value)).type);
      if (NUMERIC.has(type)) globals.push({ name: e.name, type });
    }
  }
  const sync = SYNC_GLOBALS.flatMap((name) => globals.filter((g) => g.name === name));
  const others = globals.filter((g) => !SYNC_GLOBALS.includes(g.name));
  if (8 + SLOT * others.length > SMALL_FRAME_MAX) throw new SandboxError('WASM_UNSUPPORTED', `--isolation wasi: ${others.length} exported globals are more than one frame carries`);
  return { callables, imports, sync, others, memories };
}

/** The module with one more memory (the driver's, last: nothing renumbered), exported as IO_EXPORT. */
function withIoMemory(bytes: Uint8Array): Uint8Array {
  const memories = outlineOf(bytes).memories;
  const w = new Writer(bytes.length + 64);
  w.bytes(bytes.subarray(0, 8));
  let memoryDone = false;
  for (const r = new Reader(bytes, 8); !r.done;) {
    const at = r.pos;
    const id = r.u8();
    const end = r.u32() + r.pos;
    if (id === SectionId.memory || id === SectionId.export) {
      const n = r.u32();
      const payload = new Writer(end - r.pos + 32).u32(n + 1).bytes(bytes.subarray(r.pos, end));
      if (id === SectionId.memory) payload.u8(1).u32(IO_PAGES).u32(IO_PAGES);
      else payload.name(IO_EXPORT).u8(2).u32(memories);
      w.u8(id).sized(payload);
      memoryDone ||= id === SectionId.memory;
    } else {
      w.bytes(bytes.subarray(at, end));
    }
    r.pos = end;
  }
  if (!memoryDone) throw new SandboxError('WASM_UNSUPPORTED', '--isolation wasi: the module has no memory section');
  return w.toBytes();
}

/** Emits the driver into `mod`: the import stubs, the frame server and `_start`. */
class Driver {
  private readonly b: Binaryen;
  private readonly m: Module;
  private readonly plan: Plan;
  private readonly io: string;
  private readonly mem0: string;
  private readonly memNames: string[];
  private readonly syncNames: string[];
  private readonly otherNames: string[];

  constructor(b: Binaryen, m: Module, plan: Plan) {
    this.b = b;
    this.m = m;
    this.plan = plan;
    const internal = (name: string) => b.getExportInfo(m.getExport(name)).value;
    this.io = internal(IO_EXPORT);
    m.removeExport(IO_EXPORT);
    this.mem0 = internal('memory');
    this.memNames = plan.memories.map(internal);
    this.syncNames = plan.sync.map((g) => internal(g.name));
    this.otherNames = plan.others.map((g) => internal(g.name));
  }

  private type(t: number): number {
    const b = this.b;
    return t === I32 ? b.i32 : t === I64 ? b.i64 : t === F32 ? b.f32 : t === F64 ? b.f64 : b.none;
  }
  private c(v: number): Ref {
    return this.m.i32.const(v);
  }
  /** A slot of type t at ptr in the driver's memory. */
  private load(t: number, ptr: Ref): Ref {
    const m = this.m, io = this.io;
    return t === I32 ? m.i32.load(0, 1, ptr, io) : t === I64 ? m.i64.load(0, 1, ptr, io) : t === F32 ? m.f32.load(0, 1, ptr, io) : m.f64.load(0, 1, ptr, io);
  }
  private store(t: number, ptr: Ref, value: Ref): Ref {
    const m = this.m, io = this.io;
    if (t === I32) return m.block(null, [m.i64.store(0, 1, ptr, m.i64.const(0n), io), m.i32.store(0, 1, ptr, value, io)]);
    if (t === F32) return m.block(null, [m.i64.store(0, 1, ptr, m.i64.const(0n), io), m.f32.store(0, 1, ptr, value, io)]);
    return t === I64 ? m.i64.store(0, 1, ptr, value, io) : m.f64.store(0, 1, ptr, value, io);
  }
  private syncOut(at: number): Ref[] {
    return this.plan.sync.map((g, i) => this.store(g.type, this.c(at + SLOT * i), this.m.global.get(this.syncNames[i]!, this.type(g.type))));
  }
  private syncIn(at: number): Ref[] {
    return this.plan.sync.map((g, i) => this.m.global.set(this.syncNames[i]!, this.load(g.type, this.c(at + SLOT * i))));
  }
  /** The frame header at OUT; `size` is an expression (binaryen's refs are numbers too: constants go through c()). */
  private header(size: Ref, kind: number): Ref[] {
    const m = this.m, io = this.io;
    return [m.i32.store(0, 1, this.c(OUT), size, io), m.i32.store(0, 1, this.c(OUT + 4), this.c(kind), io)];
  }
  private callOut(len: Ref): Ref {
    return this.m.call(`${P}out`, [this.c(OUT), len], this.b.none);
  }
  private exit(code: number): Ref {
    return this.m.call(`${P}proc_exit`, [this.c(code)], this.b.none);
  }

  link(): void {
    const { b, m } = this;
    m.addFunctionImport(`${P}fd_read`, WASI_MODULE, 'fd_read', b.createType([b.i32, b.i32, b.i32, b.i32]), b.i32);
    m.addFunctionImport(`${P}fd_write`, WASI_MODULE, 'fd_write', b.createType([b.i32, b.i32, b.i32, b.i32]), b.i32);
    m.addFunctionImport(`${P}proc_exit`, WASI_MODULE, 'proc_exit', b.i32, b.none);
    this.io_();
    this.pipes();
    this.copies();
    this.stubs();
    this.serve();
    // First a RETURN with the globals' initial values (the host's mirrors start from them), then the frames.
    const nSync = this.plan.sync.length;
    m.addFunction(`${P}start`, b.none, b.none, [], m.block(null, [
      ...this.header(this.c(4 + SLOT * nSync), RETURN), ...this.syncOut(OUT + 8), this.callOut(this.c(8 + SLOT * nSync)),
      m.call(`${P}serve`, [], b.none), this.exit(2),
    ]));
    m.addFunctionExport(`${P}start`, '_start');
    this.trapReport();
  }

  /**
   * trap(position, length): after the guest trapped (wasi/pool-worker calls it, the guest's instance
   * intact), a TRAP frame — the position, the sync globals' values at the trap, the message the caller
   * put at BUF — then frames served as in a host call: the host reads the trace memory and globals as
   * they were at the trap, and ends the process with EXIT.
   */
  private trapReport(): void {
    const { b, m, io } = this;
    const nSync = this.plan.sync.length;
    const g = (i: number) => m.local.get(i, b.i32);
    const text = OUT + 12 + SLOT * nSync;
    const len = m.select(m.i32.gt_u(g(1), this.c(TRAP_MESSAGE_MAX)), this.c(TRAP_MESSAGE_MAX), g(1));
    m.addFunction(`${P}trap`, b.createType([b.i32, b.i32]), b.none, [], m.block(null, [
      m.local.set(1, len),
      ...this.header(m.i32.add(this.c(8 + SLOT * nSync), g(1)), TRAP),
      m.i32.store(0, 1, this.c(OUT + 8), g(0), io),
      ...this.syncOut(OUT + 12),
      m.memory.copy(this.c(text), this.c(BUF), g(1), io, io),
      this.callOut(m.i32.add(this.c(12 + SLOT * nSync), g(1))),
      m.call(`${P}serve`, [], b.none),
    ]));
    m.addFunctionExport(`${P}trap`, TRAP_EXPORT);
    m.addMemoryExport(this.io, DRIVER_MEMORY_EXPORT);
  }

  /**
   * io(fd, write, ptr, len) → bytes moved: one fd_read or fd_write of len ≤ CHUNK bytes at ptr in the
   * driver's memory, through the window [0, len + 12) of memory 0 (iovec at 0, count at 8, bytes at 12),
   * whose bytes are saved first and restored after. A WASI error ends the process (status 3).
   */
  private io_(): void {
    const { b, m, io, mem0 } = this;
    const [fd, write, ptr, len, r, n] = [0, 1, 2, 3, 4, 5];
    const g = (i: number) => m.local.get(i, b.i32);
    const win = m.i32.add(g(len), this.c(12));
    m.addFunction(`${P}io`, b.createType([b.i32, b.i32, b.i32, b.i32]), b.i32, [b.i32, b.i32], m.block(null, [
      m.memory.copy(this.c(SAVE), this.c(0), win, io, mem0),
      m.i32.store(0, 1, this.c(0), this.c(12), mem0),
      m.i32.store(0, 1, this.c(4), g(len), mem0),
      m.if(g(write),
        m.block(null, [
          m.memory.copy(this.c(12), g(ptr), g(len), mem0, io),
          m.local.set(r, m.call(`${P}fd_write`, [g(fd), this.c(0), this.c(1), this.c(8)], b.i32)),
        ]),
        m.local.set(r, m.call(`${P}fd_read`, [g(fd), this.c(0), this.c(1), this.c(8)], b.i32))),
      m.local.set(n, m.i32.load(0, 1, this.c(8), mem0)),
      m.if(m.i32.eqz(g(write)), m.memory.copy(g(ptr), this.c(12), g(n), io, mem0)),
      m.memory.copy(this.c(0), this.c(SAVE), win, mem0, io),
      m.if(g(r), this.exit(3)),
      m.return(g(n)),
    ], b.i32));
  }

  /** out(ptr, len): all of it to stdout. in(ptr, len): exactly len bytes from stdin; end of input ends the process (status 0). */
  private pipes(): void {
    const { b, m } = this;
    const g = (i: number) => m.local.get(i, b.i32);
    for (const [name, fd, write, onZero] of [['out', 1, 1, 4], ['in', 0, 0, 0]] as const) {
      const [ptr, len, n] = [0, 1, 2];
      const piece = m.select(m.i32.gt_u(g(len), this.c(CHUNK)), this.c(CHUNK), g(len));
      m.addFunction(`${P}${name}`, b.createType([b.i32, b.i32]), b.none, [b.i32], m.block('done', [
        m.loop('more', m.block(null, [
          m.br('done', m.i32.eqz(g(len))),
          m.local.set(n, m.call(`${P}io`, [this.c(fd), this.c(write), g(ptr), piece], b.i32)),
          m.if(m.i32.eqz(g(n)), this.exit(onZero)),
          m.local.set(ptr, m.i32.add(g(ptr), g(n))),
          m.local.set(len, m.i32.sub(g(len), g(n))),
          m.br('more'),
        ])),
      ]));
    }
  }

  /** into(memory, offset, ptr, len) and from(memory, offset, ptr, len): between an exported memory and the driver's; size(memory) in bytes. */
  private copies(): void {
    const { b, m, io } = this;
    const g = (i: number) => m.local.get(i, b.i32);
    const params = b.createType([b.i32, b.i32, b.i32, b.i32]);
    const chain = (each: (name: string) => Ref, fallback: Ref): Ref =>
      this.memNames.reduceRight<Ref>((rest, name, i) => m.if(m.i32.eq(g(0), this.c(i)), each(name), rest), fallback);
    m.addFunction(`${P}into`, params, b.none, [], chain((name) => m.memory.copy(g(1), g(2), g(3), name, io), this.exit(5)));
    m.addFunction(`${P}from`, params, b.none, [], chain((name) => m.memory.copy(g(2), g(1), g(3), io, name), this.exit(5)));
    m.addFunction(`${P}size`, b.i32, b.i32, [], m.block(null, [
      ...this.memNames.map((name, i) => m.if(m.i32.eq(g(0), this.c(i)), m.return(m.i32.mul(m.memory.size(name), this.c(65_536))))),
      this.exit(5), m.unreachable(),
    ], b.i32));
  }

  /** Each guest import becomes a function of the same name: HOSTCALL, serve until the REPLY, its result. */
  private stubs(): void {
    const { b, m, plan, io } = this;
    const found: string[] = [];
    for (let i = 0; i < m.getNumFunctions(); i++) {
      const info = b.getFunctionInfo(m.getFunctionByIndex(i));
      if (info.module && !info.name.startsWith(P)) found.push(info.name);
    }
    if (found.length !== plan.imports.length) throw new SandboxError('WASM_MALFORMED', `--isolation wasi: Binaryen read ${found.length} imports, the module has ${plan.imports.length}`);
    const nSync = plan.sync.length;
    plan.imports.forEach((imp, id) => {
      const name = found[id]!;
      const info = b.getFunctionInfo(m.getFunction(name));
      if (info.module !== imp.module || info.base !== imp.name) throw new SandboxError('WASM_MALFORMED', `--isolation wasi: import ${id} is ${info.module}.${info.base}, expected ${imp.module}.${imp.name}`);
      const argsAt = OUT + 12 + SLOT * nSync;
      const size = 4 + 4 + SLOT * nSync + SLOT * imp.params.length;
      const result = imp.results[0];
      m.removeFunction(name);
      m.addFunction(name, b.createType(imp.params.map((t) => this.type(t))), result === undefined ? b.none : this.type(result), [], m.block(null, [
        ...this.header(this.c(size), HOSTCALL),
        m.i32.store(0, 1, this.c(OUT + 8), this.c(id), io),
        ...this.syncOut(OUT + 12),
        ...imp.params.map((t, k) => this.store(t, this.c(argsAt + SLOT * k), m.local.get(k, this.type(t)))),
        this.callOut(this.c(4 + size)),
        m.call(`${P}serve`, [], b.none),
        ...(result === undefined ? [] : [m.return(this.load(result, this.c(IN + 8 + SLOT * nSync)))]),
      ], result === undefined ? b.none : this.type(result)));
    });
    this.retable(new Set(found));
  }

  /**
   * Element segments that hold an import (a host call through the table) are made again: Binaryen keeps
   * the import's reference type on their entries, which no longer matches the stub that replaced it
   * (the linked module would not validate). Their offsets are constants or a global's value. Every
   * segment from the first such one on is made again, so they are still applied in their order.
   */
  private retable(replaced: Set<string>): void {
    const { b, m } = this;
    const segments = Array.from({ length: m.getNumElementSegments() }, (_, i) => b.getElementSegmentInfo(m.getElementSegmentByIndex(i)));
    const first = segments.findIndex((seg) => seg.data.some((f) => replaced.has(f)));
    if (first < 0) return;
    for (const seg of segments.slice(first)) {
      if (!seg.table) throw new SandboxError('WASM_UNSUPPORTED', `--isolation wasi: a passive element segment holds a host import (${seg.name})`);
      const at = b.getExpressionInfo(seg.offset) as { id: number; value?: number; name?: string; type: number };
      let offset: Ref;
      if (at.id === b.ConstId) offset = m.i32.const(at.value as number);
      else if (at.id === b.GlobalGetId) offset = m.global.get(at.name!, at.type);
      else throw new SandboxError('WASM_UNSUPPORTED', `--isolation wasi: element segment ${seg.name} holds a host import at an offset the driver cannot copy`);
      m.removeElementSegment(seg.name);
      m.addActiveElementSegment(seg.table, seg.name, seg.data, offset);
    }
  }

  /** serve(): handles frames until a REPLY (returns, its sync block applied) or EXIT. */
  private serve(): void {
    const { b, m, plan, io } = this;
    const [size, kind, mem, off, len, piece] = [0, 1, 2, 3, 4, 5];
    const g = (i: number) => m.local.get(i, b.i32);
    const ld = (at: number) => m.i32.load(0, 1, this.c(at), io);
    const nSync = plan.sync.length;
    const is = (k: number) => m.i32.eq(g(kind), this.c(k));
    let streams = 0;
    const stream = (body: Ref[]) => {
      const done = `streamed${streams}`, next = `next${streams++}`;
      return m.block(done, [m.loop(next, m.block(null, [
      m.br(done, m.i32.eqz(g(len))),
      m.local.set(piece, m.select(m.i32.gt_u(g(len), this.c(CHUNK)), this.c(CHUNK), g(len))),
      ...body,
      m.local.set(off, m.i32.add(g(off), g(piece))),
      m.local.set(len, m.i32.sub(g(len), g(piece))),
      m.br(next),
    ]))]);
    };
    // CALL: the callable's params from their slots, the sync block applied, the call, then RETURN.
    const argsAt = IN + 12 + SLOT * nSync;
    const calls = plan.callables.reduceRight<Ref>((rest, f, id) => {
      let call = m.call(b.getExportInfo(m.getExport(f.name)).value, f.params.map((t, k) => this.load(t, this.c(argsAt + SLOT * k))), f.results.length === 0 ? b.none : this.type(f.results[0]!));
      if (f.results.length > 0) call = m.drop(call);
      return m.if(m.i32.eq(ld(IN + 8), this.c(id)), f.results.length > 1 ? this.exit(6) : call, rest);
    }, this.exit(6));
    const body = m.loop('frame', m.block(null, [
      m.call(`${P}in`, [this.c(IN), this.c(8)], b.none),
      m.local.set(size, ld(IN)),
      m.local.set(kind, ld(IN + 4)),
      m.if(is(WRITE), m.block(null, [
        m.call(`${P}in`, [this.c(IN + 8), this.c(8)], b.none),
        m.local.set(mem, ld(IN + 8)), m.local.set(off, ld(IN + 12)), m.local.set(len, m.i32.sub(g(size), this.c(12))),
        stream([
          m.call(`${P}in`, [this.c(BUF), g(piece)], b.none),
          m.call(`${P}into`, [g(mem), g(off), this.c(BUF), g(piece)], b.none),
        ]),
        m.br('frame'),
      ])),
      m.if(m.i32.gt_u(g(size), this.c(SMALL_FRAME_MAX)), this.exit(7)),
      m.call(`${P}in`, [this.c(IN + 8), m.i32.sub(g(size), this.c(4))], b.none),
      m.if(is(CALL), m.block(null, [
        ...this.syncIn(IN + 12),
        calls,
        ...this.header(this.c(4 + SLOT * nSync), RETURN),
        ...this.syncOut(OUT + 8),
        this.callOut(this.c(8 + SLOT * nSync)),
        m.br('frame'),
      ])),
      m.if(is(REPLY), m.block(null, [...this.syncIn(IN + 8), m.return()])),
      m.if(is(READ), m.block(null, [
        m.local.set(mem, ld(IN + 8)), m.local.set(off, ld(IN + 12)), m.local.set(len, ld(IN + 16)),
        m.if(m.i32.eq(g(len), this.c(-1)), m.local.set(len, m.i32.sub(m.call(`${P}size`, [g(mem)], b.i32), g(off)))),
        ...this.header(m.i32.add(g(len), this.c(4)), DATA),
        this.callOut(this.c(8)),
        stream([
          m.call(`${P}from`, [g(mem), g(off), this.c(BUF), g(piece)], b.none),
          m.call(`${P}out`, [this.c(BUF), g(piece)], b.none),
        ]),
        m.br('frame'),
      ])),
      m.if(is(GLOBALS), m.block(null, [
        ...this.header(this.c(4 + SLOT * plan.others.length), DATA),
        ...plan.others.map((o, i) => this.store(o.type, this.c(OUT + 8 + SLOT * i), m.global.get(this.otherNames[i]!, this.type(o.type)))),
        this.callOut(this.c(8 + SLOT * plan.others.length)),
        m.br('frame'),
      ])),
      m.if(is(EXIT), this.exit(0)),
      this.exit(2),
      m.br('frame'),
    ]));
    m.addFunction(`${P}serve`, b.none, b.none, [b.i32, b.i32, b.i32, b.i32, b.i32, b.i32], body);
  }
}
