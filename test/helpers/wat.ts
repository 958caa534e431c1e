// Test fixtures in WebAssembly text, assembled by binaryen (shipped with assemblyscript).
import binaryen from 'binaryen';

export function wat(text: string): Uint8Array {
  const mod = binaryen.parseText(text);
  mod.setFeatures(binaryen.Features.All);
  if (!mod.validate()) throw new Error('fixture does not validate');
  const bytes = mod.emitBinary();
  mod.dispose();
  return bytes;
}
