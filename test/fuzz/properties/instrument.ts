// The instrumenter on generated modules (issue 12 item 7; docs/FUZZING.md). fast-check builds a small
// structured program (nested blocks with br_if and br_table to any enclosing block, bounded loops, if/else,
// early returns, loads and stores of every width at masked, wild and out-of-bounds addresses, direct and
// indirect calls (a bad table index traps), i32/i64 division (by zero traps), float truncation (NaN or
// overflow traps), unreachable, memory.fill/copy and memory.grow), printed as WAT and assembled by binaryen
// (test/helpers/wat). Each call of `run` is made on the original module and, through the product path (a
// GuestInstance), on the instrumented one: same result or same trap, same memory after; the instruction
// count and the trace equal the independent slow path's (test/helpers/slowpath), and the fuel its count plus
// the bulk charges of docs/TRACE.md. Shrinking works on the program's structure, so a failure ends small.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { wat } from '../../helpers/wat.ts';
import { GENERATED_PRELUDE, GENERATED_RESULT_AT } from '../../helpers/generate.ts';
import { stubHost } from '../../helpers/host.ts';
import { slowEvents, slowPath, slowRecords, slowText, type SlowEvent } from '../../helpers/slowpath.ts';
import { compileGuest, DEFAULT_SANDBOX, GuestInstance, INSTRUMENTER_V6, INSTRUMENTER_VERSION, staticMap, type SandboxConfig } from '../../../host/sandbox/index.ts';
import { TraceExpander, type InstructionRecord } from '../../../traces/index.ts';
import type { FuzzProperty } from '../property.ts';

type Expr =
  | { k: 'const'; v: number }
  | { k: 'local'; i: number }
  | { k: 'param'; i: number }
  | { k: 'global' }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'div'; op: string; a: Expr; b: Expr; safe: boolean }
  | { k: 'div64'; op: string; a: Expr; b: Expr }
  | { k: 'eqz'; a: Expr }
  | { k: 'select'; a: Expr; b: Expr; c: Expr }
  | { k: 'load'; op: string; offset: number; at: Addr }
  | { k: 'call'; f: number; a: Expr }
  | { k: 'indirect'; a: Expr; slot: Expr | number }
  | { k: 'trunc'; sat: boolean; a: Expr; scale: number }
  | { k: 'if'; c: Expr; a: Expr; b: Expr };
type Addr = { k: 'masked'; a: Expr } | { k: 'edge' } | { k: 'wild'; a: Expr };
type Stmt =
  | { k: 'set'; i: number; a: Expr }
  | { k: 'store'; op: string; offset: number; at: Addr; a: Expr }
  | { k: 'gset'; a: Expr }
  | { k: 'drop'; a: Expr }
  | { k: 'block'; body: Stmt[]; cond: Expr; up: number; rest: Stmt[] }
  | { k: 'loop'; n: number; body: Stmt[] }
  | { k: 'ifelse'; c: Expr; then: Stmt[]; else: Stmt[] }
  | { k: 'table'; sel: Expr; targets: number[]; arms: Stmt[][] }
  | { k: 'return'; c: Expr; a: Expr }
  | { k: 'unreachable'; c: Expr }
  | { k: 'fill'; at: number; v: Expr; n: Expr }
  | { k: 'copy'; to: number; from: Expr; n: number }
  | { k: 'grow'; pages: number };

const BIN = ['i32.add', 'i32.sub', 'i32.mul', 'i32.and', 'i32.or', 'i32.xor', 'i32.shl', 'i32.shr_u', 'i32.shr_s', 'i32.rotl', 'i32.rotr', 'i32.lt_s', 'i32.ge_u', 'i32.eq', 'i32.ne'];
const DIV = ['i32.div_s', 'i32.div_u', 'i32.rem_s', 'i32.rem_u'];
const LOAD = ['i32.load', 'i32.load8_s', 'i32.load8_u', 'i32.load16_s', 'i32.load16_u', 'i64.load', 'i64.load8_s', 'i64.load16_u', 'i64.load32_s', 'f32.load', 'f64.load'];
const STORE = ['i32.store', 'i32.store8', 'i32.store16', 'i64.store', 'i64.store8', 'i64.store16', 'i64.store32', 'f32.store', 'f64.store'];

const smallInt = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(0, 1, -1, 0x7fffffff, -0x80000000, 65536));
const exprs = new Map<number, fc.Arbitrary<Expr>>();
function expr(depth: number): fc.Arbitrary<Expr> {
  const made = exprs.get(depth);
  if (made) return made;
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    fc.record({ k: fc.constant('const' as const), v: smallInt }),
    fc.record({ k: fc.constant('local' as const), i: fc.nat(3) }),
    fc.record({ k: fc.constant('param' as const), i: fc.nat(1) }),
    fc.record({ k: fc.constant('global' as const) }),
  );
  if (depth <= 0) {
    exprs.set(depth, leaf);
    return leaf;
  }
  const e = expr(depth - 1);
  const addr: fc.Arbitrary<Addr> = fc.oneof(
    { weight: 20, arbitrary: fc.record({ k: fc.constant('masked' as const), a: e }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('edge' as const) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('wild' as const), a: e }) },
  );
  const arb: fc.Arbitrary<Expr> = fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 4, arbitrary: fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom(...BIN), a: e, b: e }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('div' as const), op: fc.constantFrom(...DIV), a: e, b: e, safe: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('div64' as const), op: fc.constantFrom('i64.div_s', 'i64.rem_u'), a: e, b: e }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('eqz' as const), a: e }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('select' as const), a: e, b: e, c: e }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('load' as const), op: fc.constantFrom(...LOAD), offset: fc.constantFrom(0, 0, 0, 4, 13, 13, 65535), at: addr }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('call' as const), f: fc.nat(2), a: e }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('indirect' as const), a: e, slot: fc.oneof({ weight: 6, arbitrary: fc.nat(2) }, { weight: 1, arbitrary: fc.constant(3) }, { weight: 1, arbitrary: e }) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('trunc' as const), sat: fc.boolean(), a: e, scale: fc.constantFrom(0.5, 0.5, 0.001, 1e7) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('if' as const), c: e, a: e, b: e }) },
  );
  exprs.set(depth, arb);
  return arb;
}

const stmtArbs = new Map<number, fc.Arbitrary<Stmt[]>>();
function stmts(depth: number): fc.Arbitrary<Stmt[]> {
  const made = stmtArbs.get(depth);
  if (made) return made;
  const e = expr(2), small = expr(1);
  const addr: fc.Arbitrary<Addr> = fc.oneof(
    { weight: 20, arbitrary: fc.record({ k: fc.constant('masked' as const), a: small }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('edge' as const) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('wild' as const), a: small }) },
  );
  const simple: fc.Arbitrary<Stmt>[] = [
    fc.record({ k: fc.constant('set' as const), i: fc.nat(3), a: e }),
    fc.record({ k: fc.constant('store' as const), op: fc.constantFrom(...STORE), offset: fc.constantFrom(0, 4, 7), at: addr, a: small }),
    fc.record({ k: fc.constant('gset' as const), a: small }),
    fc.record({ k: fc.constant('drop' as const), a: e }),
  ];
  const rare: fc.Arbitrary<Stmt>[] = [
    fc.record({ k: fc.constant('return' as const), c: small, a: small }),
    fc.record({ k: fc.constant('unreachable' as const), c: small }),
    fc.record({ k: fc.constant('fill' as const), at: fc.constantFrom(0, 2000, 65500), v: small, n: small }),
    fc.record({ k: fc.constant('copy' as const), to: fc.constantFrom(0, 1000, 65530), from: small, n: fc.constantFrom(8, 64, 4000) }),
    fc.record({ k: fc.constant('grow' as const), pages: fc.constantFrom(0, 1) }),
  ];
  let one: fc.Arbitrary<Stmt>;
  if (depth <= 0) one = fc.oneof(...simple);
  else {
    const inner = stmts(depth - 1);
    one = fc.oneof(
      { weight: 6, arbitrary: fc.oneof(...simple) },
      { weight: 1, arbitrary: fc.oneof(...rare) },
      { weight: 3, arbitrary: fc.record({ k: fc.constant('block' as const), body: inner, cond: small, up: fc.nat(3), rest: inner }) },
      { weight: 3, arbitrary: fc.record({ k: fc.constant('loop' as const), n: fc.integer({ min: 1, max: 5 }), body: inner }) },
      { weight: 2, arbitrary: fc.record({ k: fc.constant('ifelse' as const), c: small, then: inner, else: inner }) },
      { weight: 1, arbitrary: fc.record({ k: fc.constant('table' as const), sel: small, targets: fc.array(fc.nat(3), { minLength: 1, maxLength: 4 }), arms: fc.array(inner, { minLength: 1, maxLength: 3 }) }) },
    );
  }
  const arb = fc.array(one, { minLength: 1, maxLength: 3 });
  stmtArbs.set(depth, arb);
  return arb;
}

/** WAT of an i32 expression. */
function exprText(x: Expr): string {
  switch (x.k) {
    case 'const': return `(i32.const ${x.v | 0})`;
    case 'local': return `(local.get $l${x.i})`;
    case 'param': return `(local.get ${x.i === 0 ? '$a' : '$b'})`;
    case 'global': return '(global.get $g)';
    case 'bin': return `(${x.op} ${exprText(x.a)} ${exprText(x.b)})`;
    // `safe`: the divisor made odd (never 0; −1 is still there for INT_MIN / −1).
    case 'div': return `(${x.op} ${exprText(x.a)} ${x.safe ? `(i32.or ${exprText(x.b)} (i32.const 1))` : exprText(x.b)})`;
    case 'div64': return `(i32.wrap_i64 (${x.op} (i64.extend_i32_s ${exprText(x.a)}) (i64.extend_i32_s ${exprText(x.b)})))`;
    case 'eqz': return `(i32.eqz ${exprText(x.a)})`;
    case 'select': return `(select ${exprText(x.a)} ${exprText(x.b)} ${exprText(x.c)})`;
    case 'load': {
      const load = `(${x.op} offset=${x.offset} ${addrText(x.at)})`;
      return x.op.startsWith('i64') ? `(i32.wrap_i64 ${load})` : x.op === 'f32.load' ? `(i32.trunc_sat_f32_s ${load})` : x.op === 'f64.load' ? `(i32.trunc_sat_f64_s ${load})` : load;
    }
    case 'call': return `(call $h${x.f} ${exprText(x.a)})`;
    case 'indirect': return `(call_indirect (type $t) ${exprText(x.a)} ${typeof x.slot === 'number' ? `(i32.const ${x.slot})` : exprText(x.slot)})`;
    case 'trunc': return `(${x.sat ? 'i32.trunc_sat_f64_s' : 'i32.trunc_f64_s'} (f64.mul (f64.convert_i32_s ${exprText(x.a)}) (f64.const ${x.scale})))`;
    case 'if': return `(if (result i32) ${exprText(x.c)} (then ${exprText(x.a)}) (else ${exprText(x.b)}))`;
  }
}

function addrText(a: Addr): string {
  return a.k === 'masked' ? `(i32.and ${exprText(a.a)} (i32.const 4088))` : a.k === 'edge' ? '(i32.const 65530)' : exprText(a.a);
}

/** WAT of statements; `blocks` are the labels of the enclosing blocks (never loops: a br to one could spin), innermost last. */
function stmtsText(list: Stmt[], blocks: string[], next: { label: number; loop: number }): string {
  return list.map((s) => stmtText(s, blocks, next)).join(' ');
}

function stmtText(s: Stmt, blocks: string[], next: { label: number; loop: number }): string {
  switch (s.k) {
    case 'set': return `(local.set $l${s.i} ${exprText(s.a)})`;
    case 'store': {
      const v = exprText(s.a);
      const value = s.op.startsWith('i64') ? `(i64.extend_i32_s ${v})` : s.op === 'f32.store' ? `(f32.convert_i32_s ${v})` : s.op === 'f64.store' ? `(f64.convert_i32_s ${v})` : v;
      return `(${s.op} offset=${s.offset} ${addrText(s.at)} ${value})`;
    }
    case 'gset': return `(global.set $g ${exprText(s.a)})`;
    case 'drop': return `(drop ${exprText(s.a)})`;
    case 'block': {
      const l = `$b${next.label++}`;
      const inside = [...blocks, l];
      const target = inside[inside.length - 1 - (s.up % inside.length)]!;
      return `(block ${l} ${stmtsText(s.body, inside, next)} (br_if ${target} ${exprText(s.cond)}) ${stmtsText(s.rest, inside, next)})`;
    }
    case 'loop': {
      // Each loop has its own counter local, so nested loops end (at most 5 iterations each).
      const n = next.loop++ % 4;
      const l = `$L${next.label++}`;
      return `(local.set $c${n} (i32.const ${s.n})) (loop ${l} ${stmtsText(s.body, blocks, next)} (local.set $c${n} (i32.sub (local.get $c${n}) (i32.const 1))) (br_if ${l} (i32.gt_s (local.get $c${n}) (i32.const 0))))`;
    }
    case 'ifelse': return `(if ${exprText(s.c)} (then ${stmtsText(s.then, blocks, next)}) (else ${stmtsText(s.else, blocks, next)}))`;
    case 'table': {
      // Nested blocks, one per arm; br_table picks among them and the enclosing blocks.
      const labels = s.arms.map(() => `$b${next.label++}`);
      // labels[0] is the innermost block: arm i runs after block i ends, inside the blocks around it.
      const all = [...blocks, ...labels.slice().reverse()];
      const targets = s.targets.map((t) => all[all.length - 1 - (t % all.length)]!);
      let text = `(br_table ${targets.join(' ')} ${exprText(s.sel)})`;
      for (let i = 0; i < labels.length; i++) text = `(block ${labels[i]} ${text}) ${stmtsText(s.arms[i]!, [...blocks, ...labels.slice(i + 1).reverse()], next)}`;
      return text;
    }
    case 'return': return `(if ${exprText(s.c)} (then (return ${exprText(s.a)})))`;
    case 'unreachable': return `(if (i32.eq ${exprText(s.c)} (i32.const 7)) (then unreachable))`;
    case 'fill': return `(memory.fill (i32.const ${s.at}) ${exprText(s.v)} (i32.and ${exprText(s.n)} (i32.const 127)))`;
    case 'copy': return `(memory.copy (i32.const ${s.to}) (i32.and ${exprText(s.from)} (i32.const 8191)) (i32.const ${s.n}))`;
    case 'grow': return `(drop (memory.grow (i32.const ${s.pages})))`;
  }
}

/** The slow path's record memory: 4 MiB, room for ~500,000 instructions (loops nest 3 deep, 5 turns each). */
const SLOW_PAGES = 64;

/** Where on_bar stores run's result (generated code reaches it only through a wild address, on both sides alike). */
const RESULT_AT = GENERATED_RESULT_AT;

/** The program as a strategy module: on_bar(t, o, …) stores run(i32(t), i32(o)) at RESULT_AT. */
export function programWat(body: Stmt[]): string {
  const text = stmtsText(body, [], { label: 0, loop: 0 });
  return `(module
  ${GENERATED_PRELUDE}
  (func $run (param $a i32) (param $b i32) (result i32)
    (local $l0 i32) (local $l1 i32) (local $l2 i32) (local $l3 i32) (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    ${text}
    (i32.xor (i32.add (local.get $l0) (local.get $l1)) (i32.add (local.get $l2) (local.get $l3))))
  (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)
    (i32.store (i32.const ${RESULT_AT}) (call $run (i32.wrap_i64 (local.get 0)) (i32.trunc_sat_f64_s (local.get 1))))))`;
}

type Outcome = { value?: number; trap?: string };
const fuelOf = (events: readonly SlowEvent[]) => events.reduce((n, e) => n + 1n + (e.bulk ?? 0n), 0n);

function callOriginal(ex: WebAssembly.Exports, x: number, y: number): Outcome {
  try {
    (ex.on_bar as Function)(BigInt(x), y, 0, 0, 0, 0);
    return { value: new DataView((ex.memory as WebAssembly.Memory).buffer).getInt32(RESULT_AT, true) };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return { trap: e.message };
    throw e;
  }
}

/** Runs the calls on the original, the slow path and the instrumented module (under `instrumenter`); throws on a difference. */
/**
 * Runs the calls on the original, the slow path and the instrumented module (under `instrumenter`); throws on
 * a difference. Then the first call again on a fresh instance with `budget` (a fraction) of the fuel it needs:
 * stopped by fuel, its trace is a prefix of the full one, its count exact, its fuel what that prefix costs.
 */
export function checkProgram(body: Stmt[], calls: [number, number][], instrumenter: string, budget = 1): { traps: number; instructions: bigint; stopped: boolean } {
  const bytes = wat(programWat(body));
  const config: SandboxConfig = { ...DEFAULT_SANDBOX, instrumenter, flushThreshold: 1024, fuelPerCallback: null, hashing: 'inline' };
  const guest = compileGuest(bytes, config);
  const map = staticMap(bytes, guest.meta!);
  const fresh = () => {
    const original = new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource)).exports;
    const slow = new WebAssembly.Instance(new WebAssembly.Module(slowPath(bytes, SLOW_PAGES) as BufferSource)).exports;
    const records: string[] = [];
    const ex = new TraceExpander(map, (r: InstructionRecord) => void records.push(slowText(r)));
    const inst = new GuestInstance(guest, stubHost(), { ...config, onTrace: (b: Uint8Array) => ex.push(b) });
    return { original, slow, records, ex, inst };
  };
  let s = fresh();
  let traps = 0, instructions = 0n, firstEvents: SlowEvent[] = [], firstOutcome: Outcome = {};
  for (const [x, y] of calls) {
    const label = `run(${x}, ${y})`;
    const before = slowRecords(s.slow).length, recorded = s.records.length;
    const fuel = s.inst.fuelUsed(), count = s.inst.instructions();
    const expected = callOriginal(s.original, x, y);
    assert.deepEqual(callOriginal(s.slow, x, y), expected, `${label}: the slow path differs from the original`);
    const events = slowEvents(bytes, slowRecords(s.slow).slice(before));
    if (instructions === 0n && traps === 0) [firstEvents, firstOutcome] = [events, expected];
    let got: Outcome;
    try {
      s.inst.onBar(BigInt(x), y, 0, 0, 0, 0);
      s.inst.snapshot(0); // flushes the trace memory
      got = { value: new DataView(s.inst.memoryBytes().buffer).getInt32(RESULT_AT, true) };
    } catch (e) {
      s.inst.finish();
      s.ex.end();
      const code = (e as { code?: string }).code;
      assert.equal(code, 'GUEST_TRAP', `${label}: the instrumented module failed with ${code}: ${(e as Error).message}`);
      got = { trap: ((e as Error).cause as Error).message };
    }
    assert.deepEqual(got, expected, `${label}: result or trap differs`);
    assert.equal(s.inst.instructions() - count, BigInt(events.length), `${label}: instruction count`);
    assert.equal(s.inst.fuelUsed() - fuel, fuelOf(events), `${label}: fuel ≠ instructions + bulk charges`);
    assert.deepEqual(s.records.slice(recorded), events.map(slowText), `${label}: trace`);
    instructions += BigInt(events.length);
    if (expected.trap) {
      traps++;
      s = fresh(); // a trapped instance is finished: both sides start again
      continue;
    }
    assert.ok(Buffer.compare(new Uint8Array((s.original.memory as WebAssembly.Memory).buffer), s.inst.memoryBytes()) === 0, `${label}: memory differs`);
  }
  // The first call under a budget that may stop it (docs/TRACE.md, Stops), as test/sandbox/conformance does.
  const full = fuelOf(firstEvents);
  const fuel = BigInt(Math.floor(Number(full) * budget));
  const [x, y] = calls[0]!;
  const label = `run(${x}, ${y}) on ${fuel} of its ${full} fuel`;
  const records: string[] = [];
  const ex = new TraceExpander(map, (r: InstructionRecord) => void records.push(slowText(r)));
  const inst = new GuestInstance(guest, stubHost(), { ...config, fuel, onTrace: (b: Uint8Array) => ex.push(b) });
  let stopped = false;
  try {
    inst.onBar(BigInt(x), y, 0, 0, 0, 0);
    inst.snapshot(0);
    assert.ok(!firstOutcome.trap, `${label}: returned, the original trapped`);
  } catch (e) {
    inst.finish();
    ex.end();
    const code = (e as { code?: string }).code;
    stopped = code === 'FUEL_EXHAUSTED';
    assert.ok(stopped || (code === 'GUEST_TRAP' && firstOutcome.trap !== undefined), `${label}: failed with ${code}: ${(e as Error).message}`);
  }
  const n = records.length;
  assert.deepEqual(records, firstEvents.slice(0, n).map(slowText), `${label}: the trace is not a prefix of the full run's`);
  assert.equal(inst.instructions(), BigInt(n), `${label}: instruction count`);
  // A bulk operation whose charge did not fit ends the trace at it, unpaid (cause 2).
  const paid = fuelOf(firstEvents.slice(0, n)) - (ex.stop?.cause === 2 ? firstEvents[n - 1]!.bulk! : 0n);
  assert.equal(inst.fuelUsed(), paid, `${label}: fuel ≠ what the instructions run cost`);
  assert.ok(paid <= fuel, `${label}: paid ${paid}, more than the budget`);
  // A call that returns is stopped exactly when the budget is short. One that traps may be stopped by fuel
  // even on its full count: its last region is charged whole when it starts, the part past the trap too.
  if (!firstOutcome.trap) assert.equal(stopped, fuel < full, `${label}: stopped by fuel: ${stopped}`);
  else if (!stopped) assert.equal(n, firstEvents.length, `${label}: trapped before its trap`);
  return { traps, instructions, stopped };
}

export const instrumentTally = { programs: 0, calls: 0, traps: 0, instructions: 0n, stoppedByFuel: 0 };

export const programArb = fc.record({
  body: stmts(3),
  calls: fc.array(fc.tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -5000, max: 5000 })), { minLength: 1, maxLength: 4 }),
  /** The fraction of its fuel the first call is run again with (1: all of it). */
  budget: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
});

function instrumenterProperty(name: string, instrumenter: string, runs: number): FuzzProperty {
  return {
    name, runs,
    invariant: `${instrumenter}: results, traps and memory equal the original's; instruction count, fuel and trace equal the slow path's, also when fuel stops it`,
    property: () => fc.property(programArb, ({ body, calls, budget }) => {
      const { traps, instructions, stopped } = checkProgram(body, calls, instrumenter, budget);
      if (stopped) instrumentTally.stoppedByFuel++;
      instrumentTally.programs++;
      instrumentTally.calls += calls.length;
      instrumentTally.traps += traps;
      instrumentTally.instructions += instructions;
    }),
  };
}

export const instrumentProperties: FuzzProperty[] = [
  instrumenterProperty('instrument-current', INSTRUMENTER_VERSION, 200),
  instrumenterProperty('instrument-v6', INSTRUMENTER_V6, 60),
];
