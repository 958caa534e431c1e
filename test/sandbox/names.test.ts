// Export names are copied byte for byte (cases from the spec suite's names.wast): a leading U+FEFF is
// part of a name, not a byte order mark, and no Unicode normalization is applied.
import { describe, expect, it } from 'vitest';
import { wat } from '../helpers/wat.ts';
import { instrument, compileGuest, GuestInstance, DEFAULT_SANDBOX } from '../../host/sandbox/index.ts';
import { stubHost } from '../helpers/host.ts';

// name → the f32 its function returns (names.wast's values)
const NAMES: [string, string, number][] = [
  ['empty', '', 6.28125],
  ['BOM', '\u{feff}', 8.25],
  ['Å (U+212B ANGSTROM SIGN)', '\u{212b}', 8.3125],
  ['Å (U+00C5)', '\u{c5}', 8.375],
  ['Å (A + U+030A COMBINING RING)', 'A\u{30a}', 8.4375],
  ['punctuation', '~!@#$%^&*()_+`-={}|[]\\:";\'<>?,./ ', 6.34375],
  ['NaN', 'NaN', 8.0625],
  ['beyond the BMP', '\u{1f600}', 1],
];
const hex = (s: string) => [...new TextEncoder().encode(s)].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('');
const MODULE = wat(`(module (memory (export "memory") 1)
  (func (export "on_bar") (param i64 f64 f64 f64 f64 f64))
  ${NAMES.map(([, name, v]) => `(func (export "${hex(name)}") (result f32) (f32.const ${v}))`).join('\n  ')})`);

describe('export names', () => {
  it('come out of the instrumenter byte for byte, BOM and unnormalized Unicode included', () => {
    const names = (wasm: Uint8Array) => WebAssembly.Module.exports(new WebAssembly.Module(wasm as BufferSource)).map((e) => e.name);
    const out = instrument(MODULE, { trace: true, maxMemoryPages: 16 }).wasm;
    for (const [label, name] of NAMES) expect(names(out), label).toContain(name);
    expect(names(out).filter((n) => !n.startsWith('__bp_'))).toEqual(names(MODULE));
  });

  it('reach the guest unchanged: each export returns its own value', () => {
    const guest = compileGuest(MODULE, DEFAULT_SANDBOX);
    const inst = new WebAssembly.Instance(guest.module, {
      __backproof: { out_of_fuel: () => {}, stack_exhausted: () => {}, flush: () => {} },
    }).exports;
    (inst.__bp_fuel as WebAssembly.Global).value = 1000n;
    for (const [label, name, v] of NAMES) expect((inst[name] as () => number)(), label).toBe(v);
    expect(() => new GuestInstance(guest, stubHost(), DEFAULT_SANDBOX)).not.toThrow();
  });
});
