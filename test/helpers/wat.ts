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
