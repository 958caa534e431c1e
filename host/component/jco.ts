/**
 * @module component/jco
 * jco's wasm-tools (componentEmbed, componentNew, print, metadataAdd, metadataShow) and its
 * transpiler, loaded on first use: @bytecodealliance/jco-transpile compiles ~10 MB of wasm when
 * imported, which no command but build, inspect and the component tests should pay.
 */
type Tools = typeof import('@bytecodealliance/jco-transpile/wasm-tools');
type Transpiler = typeof import('@bytecodealliance/jco-transpile');

let tools: Promise<Tools> | null = null;
let transpiler: Promise<Transpiler> | null = null;

export function jcoTools(): Promise<Tools> {
  tools ??= import('@bytecodealliance/jco-transpile/wasm-tools');
  return tools;
}

export function jcoTranspiler(): Promise<Transpiler> {
  transpiler ??= import('@bytecodealliance/jco-transpile');
  return transpiler;
}

/** jco's errors are ComponentErrors carrying the wasm-tools message as a string payload. */
export function jcoMessage(e: unknown): string {
  const payload = (e as { payload?: unknown } | null)?.payload;
  const text = typeof payload === 'string' ? payload : e instanceof Error ? e.message : String(e);
  return text.trim();
}
