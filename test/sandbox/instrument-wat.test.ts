// Instrumented-WAT goldens: small modules, each a concern of the instrumenter (loops and branches,
// memory accesses, bulk operations, memory.grow, NaN-producing float operations, br_table,
// call_indirect, returns, a start function, the bar trampoline, the per-callback budget) and one
// example strategy, instrumented under every instrumenter version and printed as WAT (wasm-tools'
// printer, through @bytecodealliance/jco-transpile: exact, one line an instruction). Compared with
// test/golden/wat/; any change to the instrumentation shows as a diff there.
// `BLESS=1 npx vitest run test/sandbox/instrument-wat.test.ts` rewrites the files (review the diff).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, print } from '@bytecodealliance/jco-transpile/wasm-tools';
import { instrument, instrumentOptionsFor, DEFAULT_SANDBOX, SUPPORTED_INSTRUMENTERS, type InstrumentOptions } from '../../host/sandbox/index.ts';
import { buildStrategy } from '../../host/build/asc.ts';
import { SUM_FUNC } from '../helpers/wat.ts';

const DIR = 'test/golden/wat';
const BLESS = process.env.BLESS === '1';

/** One concern each, small enough to read the instrumentation around every instruction. */
const MODULES: Record<string, string> = {
  // A loop with a back edge and a conditional exit: regions, fuel checks, flush checks, branch bits.
  loop: `(module (memory (export "memory") 1) ${SUM_FUNC})`,
  // Loads and stores, one address reused (its word recorded once), an if/else, a return mid-function.
  memory: `(module (memory (export "memory") 1)
    (func (export "copy3") (param $p i32) (param $q i32) (result i32)
      (i32.store (local.get $q) (i32.load (local.get $p)))
      (i32.store offset=4 (local.get $q) (i32.load offset=4 (local.get $p)))
      (if (i32.eqz (local.get $p)) (then (return (i32.const -1))) (else (i64.store offset=8 (local.get $q) (i64.const 7))))
      (i32.load8_u (local.get $q))))`,
  // Bulk operations charged by size, memory.grow charged per page when it grows.
  bulk: `(module (memory (export "memory") 1 4)
    (func (export "bulk") (param $n i32) (result i32)
      (memory.fill (i32.const 0) (i32.const 7) (local.get $n))
      (memory.copy (i32.const 100) (i32.const 0) (local.get $n))
      (memory.grow (i32.const 1))))`,
  // Float operations whose NaN results are canonicalised (and one that is not: f64.neg).
  nan: `(module
    (func (export "f") (param $a f64) (param $b f32) (result f64)
      (f64.add (f64.sqrt (local.get $a)) (f64.promote_f32 (f32.div (local.get $b) (local.get $b))))
      (f64.neg)))`,
  // br_table and call_indirect through a table (the callee named in the stream), a multi-value block.
  dispatch: `(module (memory (export "memory") 1)
    (type $t (func (param i32) (result i32)))
    (table 2 funcref) (elem (i32.const 0) $inc $dec)
    (func $inc (type $t) (i32.add (local.get 0) (i32.const 1)))
    (func $dec (type $t) (i32.sub (local.get 0) (i32.const 1)))
    (func (export "pick") (param $k i32) (result i32)
      (block $b (block $a (br_table $a $b $a (local.get $k))) (return (call_indirect (type $t) (i32.const 5) (i32.const 0))))
      (call_indirect (type $t) (i32.const 5) (local.get $k))
      (block (result i32 i32) (i32.const 1) (i32.const 2)) (i32.add) (i32.add)))`,
  // The strategy ABI: imports, a start function (exported as init), on_bar (the bar trampoline), a
  // mutable global (exported for snapshots), on_order; instrumented with the run's own options.
  strategy: `(module
    (import "backproof" "position" (func $position (result f64)))
    (import "backproof" "order" (func $order (param i32 f64)))
    (memory (export "memory") 1)
    (global $bars (mut i32) (i32.const 0))
    (func $start (global.set $bars (i32.const 0)))
    (start $start)
    (func (export "on_bar") (param $t i64) (param $o f64) (param $h f64) (param $l f64) (param $c f64) (param $v f64)
      (global.set $bars (i32.add (global.get $bars) (i32.const 1)))
      (f64.store (i32.const 16) (local.get $c))
      (if (f64.eq (call $position) (f64.const 0)) (then (call $order (i32.const 1) (f64.const 1)))))
    (func (export "on_order") (param i32 i32 f64 f64)))`,
};

/** What each module is instrumented as: every version traced, and fuel only (versions 4 and 8). */
function variants(name: string): [string, InstrumentOptions][] {
  const product = name === 'strategy' ? { startExportName: 'init', barTrampoline: 'on_bar', fuelPerCallback: 1000n } : {};
  const base = { maxMemoryPages: 16, flushThreshold: 1024, maxCallDepth: 64, ...product };
  return [
    ...SUPPORTED_INSTRUMENTERS.map((v): [string, InstrumentOptions] => [`${v.split('/')[1]}.trace`, { ...base, instrumenter: v, trace: true }]),
    ...[SUPPORTED_INSTRUMENTERS[0]!, SUPPORTED_INSTRUMENTERS.at(-1)!].map((v): [string, InstrumentOptions] => [`${v.split('/')[1]}.fuel`, { ...base, instrumenter: v, trace: false }]),
  ];
}

/** Compares `text` with the golden file (or writes it, blessing). */
function golden(file: string, text: string): void {
  const at = path.join(DIR, file);
  if (BLESS) {
    writeFileSync(at, text);
    return;
  }
  expect(existsSync(at), `${at} is missing: run with BLESS=1 to write it`).toBe(true);
  const want = readFileSync(at, 'utf8');
  if (text !== want) {
    const a = text.split('\n'), b = want.split('\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    expect.fail(`${at} differs from the instrumenter's output at line ${i + 1}:\n  golden: ${b[i]}\n  now:    ${a[i]}\n(BLESS=1 rewrites it, after review)`);
  }
}

const written = new Set<string>();

describe('instrumented WAT goldens', () => {
  for (const [name, text] of Object.entries(MODULES)) {
    it(`${name}: every version, traced and fuel-only`, async () => {
      const wasm = await parse(text);
      expect(WebAssembly.validate(wasm as BufferSource)).toBe(true);
      for (const [variant, options] of variants(name)) {
        const out = instrument(wasm, options);
        expect(WebAssembly.validate(out.wasm as BufferSource), `${name} ${variant}`).toBe(true);
        const file = `${name}.${variant}.wat`;
        written.add(file);
        golden(file, await print(out.wasm));
      }
    });
  }

  it('an example strategy (sma-cross), as a run instruments it', async () => {
    const built = await buildStrategy('strategies-as/sma-cross.ts');
    const out = instrument(built.wasm, instrumentOptionsFor(DEFAULT_SANDBOX));
    written.add('sma-cross.wat');
    golden('sma-cross.wat', await print(out.wasm));
  });

  it('no golden file is left without a module', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.wat'));
    expect(files.filter((f) => !written.has(f))).toEqual([]);
    expect(files.length).toBe(Object.keys(MODULES).length * 7 + 1);
  });
});
