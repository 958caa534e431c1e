// Test fixtures in WebAssembly text, assembled by binaryen (shipped with assemblyscript).
import binaryen from 'binaryen';

/** Assembles WAT. Without `gc`, binaryen keeps pre-GC encodings (e.g. `ref.null func` as 0xd0 0x70). */
export function wat(text: string, opts: { gc?: boolean } = {}): Uint8Array {
  const mod = binaryen.parseText(text);
  const noGc = binaryen.Features.All & ~binaryen.Features.GC & ~binaryen.Features.ReferenceTypes | binaryen.Features.ReferenceTypes;
  mod.setFeatures(opts.gc ? binaryen.Features.All : noGc);
  if (!mod.validate()) throw new Error('fixture does not validate');
  const bytes = mod.emitBinary();
  mod.dispose();
  return bytes;
}

/** A loop that sums n..1: the smallest function with a back edge, shared by the sandbox tests. */
export const SUM_FUNC = `(func $sum (export "sum") (param $n i32) (result i32) (local $acc i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $acc (i32.add (local.get $acc) (local.get $n)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $l)))
    (local.get $acc))`;
