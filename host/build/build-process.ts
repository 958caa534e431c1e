/**
 * @module build/build-process
 * The entry of a build's own process (build/isolated): it is sent one request — a strategy file and
 * asc's flags — builds it with build/asc, posts back the build and every file it read (or the error,
 * as data) and exits, or, asked to, serves later builds on a socket (build/build-server). When its
 * parent goes before the reply (the IPC channel closes) it exits at its next turn of the event loop (a
 * synchronous stretch of asc runs to its end first), so a killed backtest leaves no compiler behind for long.
 */
import type { BuildRequest, BuildReply } from './isolated.ts';

const WASM_DATA_URL = 'data:application/wasm;base64,';

/**
 * AssemblyScript's compiler instantiates a small helper module of its own (f64_pow) when it loads, with
 * `WebAssembly.instantiateStreaming(fetch("data:application/wasm;base64,…"))`: in Node that loads
 * undici (fetch, Response, web streams), ~0.13 s CPU of a build. In this process, which runs nothing
 * but the build, such a URL is decoded and the same bytes instantiated directly; any other fetch is
 * Node's own.
 */
function instantiateDataUrlsDirectly(): void {
  const fetch = globalThis.fetch;
  const streaming = WebAssembly.instantiateStreaming;
  const pending = new WeakMap<object, string>();
  globalThis.fetch = ((url: unknown, ...rest: unknown[]) => {
    if (typeof url !== 'string' || !url.startsWith(WASM_DATA_URL)) return (fetch as (...a: unknown[]) => Promise<Response>)(url, ...rest);
    const source = {};
    pending.set(source, url.slice(WASM_DATA_URL.length));
    return Promise.resolve(source);
  }) as typeof globalThis.fetch;
  WebAssembly.instantiateStreaming = (async (source: Response | PromiseLike<Response>, imports?: WebAssembly.Imports) => {
    const s = await source;
    const base64 = pending.get(s);
    return base64 === undefined ? streaming(s, imports) : WebAssembly.instantiate(Buffer.from(base64, 'base64'), imports);
  }) as typeof WebAssembly.instantiateStreaming;
}

if (process.send) {
  instantiateDataUrlsDirectly();
  // AssemblyScript first (it waits on Binaryen's wasm, compiled off this thread meanwhile), then the
  // builder: its modules load while Binaryen compiles, rather than before it starts (~0.03 s).
  const compiler = import('assemblyscript/asc');
  const asc = import('./asc.ts');
  compiler.catch(() => {}); // (an error loading it is the build's, when build/asc imports it)
  const build = async (file: string, flags: readonly string[]): Promise<BuildReply> => {
    const reads: [string, string | null][] = [];
    try {
      const { buildStrategy } = await asc;
      return { value: { build: await buildStrategy(file, flags, { onRead: (f, text) => reads.push([f, text]) }), reads } };
    } catch (e) {
      const err = e as Error & { code?: string };
      return { error: { kind: err?.constructor?.name ?? 'Error', code: err?.code, message: err?.message ?? String(e), stack: err?.stack } };
    }
  };
  const exitOnDisconnect = (): never => process.exit(0);
  process.on('disconnect', exitOnDisconnect);
  process.once('message', async (request: BuildRequest) => {
    const reply = await build(request.file, request.flags);
    // Exits once the reply is written to the channel (asc and Binaryen hold nothing worth a clean
    // shutdown), unless it is to serve later builds (build/build-server) after a build that succeeded.
    const serving = request.serve !== undefined && 'value' in reply;
    process.send!(reply, undefined, {}, async () => {
      if (!serving) process.exit(0);
      process.off('disconnect', exitOnDisconnect);
      process.disconnect();
      process.stderr.on('error', () => {}); // (its reader, the command, is gone)
      const { serve } = await import('./build-server.ts');
      const served = await serve(request.serve!, async (r) => {
        process.chdir(r.cwd);
        return build(r.file, r.flags);
      }).catch(() => false);
      if (!served) process.exit(0);
    });
  });
}
