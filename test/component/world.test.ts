// The strategy contract as WIT: guest-sdk/strategy.wit agrees with the ABI (host/sandbox/abi.ts), and a
// module that does not fit the world fails with BuildError naming the mismatch (what `backproof build` runs).
import { describe, expect, it } from 'vitest';
import { buildStrategy } from '../../host/build/asc.ts';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { adaptToWorld, componentOf, strategyWit, witName } from '../../host/component/index.ts';
import { ALLOWED_IMPORTS, signatureText } from '../../host/sandbox/abi.ts';
import { parseModule } from '../../host/sandbox/instrument/module.ts';
import { BuildError } from '../../host/errors.ts';

const ON_BAR = '(func (export "on_bar") (param i64 f64 f64 f64 f64 f64))';
const MEMORY = '(memory (export "memory") 1)';
const VAL: Record<number, string> = { 0x7f: 'i32', 0x7e: 'i64', 0x7c: 'f64' };

async function fails(text: string): Promise<BuildError> {
  const e = await componentOf(await parse(text), 'm.ts').then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(BuildError);
  expect((e as BuildError).code).toBe('BUILD_FAILED');
  return e as BuildError;
}

describe('guest-sdk/strategy.wit', () => {
  it('names exactly the ABI\'s imports, kebab-case, in interfaces host (backproof.*) and env (env.*)', () => {
    const wit = strategyWit();
    const functionsOf = (iface: string) => [...new RegExp(`interface ${iface} \\{([^}]*)\\}`).exec(wit)![1]!.matchAll(/^\s+([a-z][a-z0-9-]*): func/gm)].map((m) => m[1]).sort();
    expect(functionsOf('host')).toEqual(Object.keys(ALLOWED_IMPORTS.backproof!).map((n) => witName(n)).sort());
    expect(functionsOf('env')).toEqual(Object.keys(ALLOWED_IMPORTS.env!).map((n) => witName(n)).sort());
  });

  it('a module importing every ABI import with its signature and exporting the ABI fits the world', async () => {
    const imports = Object.entries(ALLOWED_IMPORTS).flatMap(([mod, fields]) => Object.entries(fields).map(([field, sig]) =>
      `(import "${mod}" "${field}" (func (param ${sig.params.map((t) => VAL[t]).join(' ')}) (result ${sig.results.map((t) => VAL[t]).join(' ')})))`));
    const component = await componentOf(await parse(`(module ${imports.join(' ')} ${MEMORY} ${ON_BAR} (func (export "init"))
      (func (export "on_order") (param i32 i32 f64 f64)) (func (export "on_trade") (param f64 f64 f64 f64)))`), 'all.ts');
    expect([...component.subarray(0, 8)]).toEqual([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]); // a component
    expect(imports).toHaveLength(17);
  });

  it('an example strategy as built fits; the copy is renamed, the module itself untouched', async () => {
    const wasm = (await buildStrategy('strategies-as/bollinger-breakout.ts')).wasm; // (a clone has no .wasm: built here)
    const before = wasm.slice();
    await componentOf(wasm, 'strategies-as/bollinger-breakout.ts');
    expect(wasm).toEqual(before);
    const copy = parseModule(adaptToWorld(wasm, 'b.ts'));
    expect(copy.imports.map((i) => `${i.module}#${i.field}`)).toEqual([
      'backproof:strategy/env@1.0.0#abort', 'backproof:strategy/host@1.0.0#symbol', 'backproof:strategy/host@1.0.0#position',
      'backproof:strategy/host@1.0.0#param-int', 'backproof:strategy/host@1.0.0#param', 'backproof:strategy/host@1.0.0#bracket',
    ]);
    expect(copy.exports.map((e) => e.name)).toEqual(['on-bar', 'on-order', 'on-trade', 'memory', 'init']);
    expect(signatureText(copy.types[copy.imports.find((i) => i.field === 'param-int')!.type!]!)).toBe('(i32, i32, f64) -> (f64)');
  });

  it('optional exports: a module with on_bar and memory only fits (the copy gets empty ones); a start function becomes init', async () => {
    const bare = parseModule(adaptToWorld(await parse(`(module ${MEMORY} ${ON_BAR})`), 'bare.ts'));
    expect(bare.exports.map((e) => `${e.name}:${e.index}`)).toEqual(['memory:0', 'on-bar:0', 'init:1', 'on-order:2', 'on-trade:3']);
    expect(bare.funcTypes.map((t) => signatureText(bare.types[t]!))).toEqual(['(i64, f64, f64, f64, f64, f64) -> ()', '() -> ()', '(i32, i32, f64, f64) -> ()', '(f64, f64, f64, f64) -> ()']);
    await componentOf(await parse(`(module ${MEMORY} ${ON_BAR})`), 'bare.ts');
    const started = await parse(`(module (import "backproof" "log" (func (param i32 i32))) ${MEMORY} (func $s) (start $s) ${ON_BAR})`);
    const copy = parseModule(adaptToWorld(started, 's.ts'));
    expect([copy.start, copy.exports.find((e) => e.name === 'init')?.index]).toEqual([null, 1]);
    await componentOf(started, 's.ts');
  });

  it('exports beyond the ABI\'s (a helper in camelCase, a global) are left out of the copy: the module fits', async () => {
    const helper = await parse(`(module ${MEMORY} ${ON_BAR} (func (export "myHelper") (result i32) i32.const 1) (global (export "someGlobal") i32 (i32.const 0)))`);
    expect(parseModule(adaptToWorld(helper, 'h.ts')).exports.map((e) => e.name)).toEqual(['memory', 'on-bar', 'init', 'on-order', 'on-trade']);
    await componentOf(helper, 'h.ts');
  });

  it('a missing on_bar fails, naming it', async () => {
    expect((await fails(`(module ${MEMORY} (func (export "init")))`)).message).toMatch(/^m\.ts: the module does not fit the WIT world backproof:strategy@1\.0\.0\/strategy \(guest-sdk\/strategy\.wit\): .*failed to find export of function `on-bar`$/);
  });

  it('on_bar with another signature fails, naming both', async () => {
    expect((await fails(`(module ${MEMORY} (func (export "on_bar") (param i32 f64 f64 f64 f64 f64)))`)).message)
      .toContain('type mismatch for function `on-bar`: expected `[I64, F64, F64, F64, F64, F64] -> []` but found `[I32, F64, F64, F64, F64, F64] -> []`');
  });

  it('an import the world lacks fails, naming it: in an interface of the world, or of none', async () => {
    expect((await fails(`(module (import "backproof" "clock" (func (result f64))) ${MEMORY} ${ON_BAR})`)).message)
      .toContain('import interface `backproof:strategy/host@1.0.0` is missing function `clock` that is required by the module');
    expect((await fails(`(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32))) ${MEMORY} ${ON_BAR})`)).message)
      .toContain('failed to resolve import `wasi_snapshot_preview1::fd_write`: module requires an import interface named `wasi_snapshot_preview1`');
  });

  it('an ABI import with another signature fails, naming both', async () => {
    expect((await fails(`(module (import "backproof" "position_of" (func (param i32) (result i32))) ${MEMORY} ${ON_BAR})`)).message)
      .toContain('type mismatch for function `position-of`: expected `[I32] -> [F64]` but found `[I32] -> [I32]`');
  });

  it('a core name that is not snake_case has no WIT name: refused naming it', async () => {
    expect((await fails(`(module (import "env" "Date.now" (func (result f64))) ${MEMORY} ${ON_BAR})`)).message)
      .toMatch(/^m\.ts: import "env"\."Date\.now" is not in the WIT world backproof:strategy@1\.0\.0/);
    // position-of is the world's name, but not the ABI's: the core module must say position_of
    expect((await fails(`(module (import "backproof" "position-of" (func (param i32) (result f64))) ${MEMORY} ${ON_BAR})`)).message)
      .toMatch(/^m\.ts: import "backproof"\."position-of" is not in the WIT world/);
    expect(witName('param_int')).toBe('param-int');
    expect([witName('Date.now'), witName('a__b'), witName('_x'), witName('x_')]).toEqual([null, null, null, null]);
  });
});
