/**
 * @module build/build-process
 * The entry of a build's own process (build/isolated): it is sent one request — a strategy file and
 * asc's flags — builds it with build/asc, posts back the build and every file it read (or the error,
 * as data) and exits. When its parent goes (the IPC channel closes) it exits at its next turn of
 * the event loop (a synchronous stretch of asc runs to its end first), so a killed backtest leaves
 * no compiler behind for long. Started with BACKPROOF_BUILD_SERVE instead (no channel), it is a build
 * server (build/build-server): it makes its first build, then serves builds on a socket.
 */
import type { ServerRequest } from './build-server.ts';
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

/** BACKPROOF_BUILD_SERVE (build/build-server SERVE_ENV, not imported here: this process loads asc first), for a build server: its socket and first build. */
const SERVE_ENV = 'BACKPROOF_BUILD_SERVE';

if (process.send || process.env[SERVE_ENV]) {
  instantiateDataUrlsDirectly();
  // AssemblyScript first (it waits on Binaryen's wasm, compiled off this thread meanwhile), then the
  // builder: its modules load while Binaryen compiles, rather than before it starts (~0.03 s).
  let loaded: Promise<typeof import('./asc.ts')> | null = null;
  const loadBuilder = (): Promise<typeof import('./asc.ts')> => {
    if (loaded === null) {
      const compiler = import('assemblyscript/asc');
      compiler.catch(() => {}); // (an error loading it is the build's, when build/asc imports it)
      loaded = import('./asc.ts');
    }
    return loaded;
  };
  const build = async (file: string, flags: readonly string[]): Promise<BuildReply> => {
    const reads: [string, string | null][] = [];
    try {
      const { buildStrategy } = await loadBuilder();
      return { value: { build: await buildStrategy(file, flags, { onRead: (f, text) => reads.push([f, text]) }), reads } };
    } catch (e) {
      const err = e as Error & { code?: string };
      return { error: { kind: err?.constructor?.name ?? 'Error', code: err?.code, message: err?.message ?? String(e), stack: err?.stack } };
    }
  };
  if (process.send) {
    void loadBuilder();
    process.on('disconnect', () => process.exit(0));
    process.once('message', async (request: BuildRequest) => {
      // Exits once the reply is written to the channel: asc and Binaryen hold nothing worth a clean shutdown.
      process.send!(await build(request.file, request.flags), undefined, {}, () => process.exit(0));
    });
  } else {
    // A server listens before it loads asc (its first build loads it): loading takes the thread for
    // ~0.5 s, and a command started meanwhile would find no server and start another.
    const { socket, warm } = JSON.parse(process.env[SERVE_ENV]!) as { socket: string; warm: ServerRequest };
    const { serve } = await import('./build-server.ts');
    const building = async (r: ServerRequest): Promise<BuildReply> => {
      process.chdir(r.cwd);
      return build(r.file, r.flags);
    };
    if (!(await serve(socket, building, warm).catch(() => false))) process.exit(0);
  }
}
