/**
 * @module sandbox/wasi/thread
 * The worker thread that hosts @wasmer/sdk for wasi sessions (wasi/runtime), one at a time. For each
 * session (a `{ session: instrumented }` message) it links the instrumented guest with the WASI driver
 * (wasi/link), loads the command into a fresh Wasmer sandbox with networking disabled and an in-memory
 * package cache (nothing is read or written on disk), and runs it as a process whose stdin and stdout
 * carry the frames (wasi/protocol). Frames from the engine arrive on the port and are written to stdin
 * in order; stdout is cut into whole frames, each posted to the engine, which waits on `signal`
 * (Atomics) because its thread is blocked in a synchronous call. When the process ends (the engine's
 * EXIT, or a trap) the thread posts its end and waits for the next session: Binaryen and Wasmer, loaded
 * once, are most of a session's set-up (docs/ISOLATION-WASI.md, "Threads kept for the next session").
 * A failure of the thread itself (an `error` message) ends its use: the engine terminates it.
 *
 * Wasmer's pool workers (where the guest runs) start from wasi/pool-worker, which has a trapped guest
 * report its trap (a TRAP frame, then the host's reads) before Wasmer ends its process.
 *
 * Wasmer's own kill and timeouts do not stop a guest in a compute loop; terminating this thread does
 * (its Wasmer workers are its children and die with it): the engine does that (its wall-clock limit,
 * a protocol error, an idle thread's expiry), and run/worker's watchdog, terminating the engine's
 * thread, ends this one too.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { siblingModule } from '../../paths.ts';
import { linkWasiCommand, loadBinaryen } from './link.ts';

interface Setup {
  port: MessagePort;
  signal: Int32Array;
}
const { port, signal } = workerData as Setup;

/** Posts a message to the engine and wakes it. */
function post(message: unknown, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

/** Cuts a byte stream into frames (u32 size, then size bytes), each posted whole. */
class Framer {
  private head = new Uint8Array(4);
  private headFilled = 0;
  private frame: Uint8Array | null = null;
  private filled = 0;

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.frame === null) {
        const take = Math.min(4 - this.headFilled, chunk.length - at);
        this.head.set(chunk.subarray(at, at + take), this.headFilled);
        this.headFilled += take;
        at += take;
        if (this.headFilled < 4) return;
        const size = new DataView(this.head.buffer).getUint32(0, true);
        this.frame = new Uint8Array(4 + size);
        this.frame.set(this.head);
        this.filled = 4;
        this.headFilled = 0;
      }
      const take = Math.min(this.frame.length - this.filled, chunk.length - at);
      this.frame.set(chunk.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === this.frame.length) {
        const done = this.frame;
        this.frame = null;
        post(done, [done.buffer as ArrayBuffer]);
      }
    }
  }
}

/**
 * Wasmer's pool workers start from wasi/pool-worker, which reports a guest's trap before Wasmer ends
 * its process, then loads Wasmer's own worker. The SDK takes `globalThis.Worker` when there is one
 * (its Node adapter otherwise): the same adapter, given our entry.
 */
async function usePoolWorker(): Promise<void> {
  const sdk = import.meta.resolve('@wasmer/sdk/node');
  const { NodeWorkerAdapter } = (await import(new URL('./node-worker-adapter.js', sdk).href)) as { NodeWorkerAdapter: new (url: string | URL, options?: object) => object };
  const wasmers = new URL('./node-worker.js', sdk).href;
  const ours = siblingModule('pool-worker', import.meta.url);
  Object.defineProperty(globalThis, 'Worker', {
    configurable: true,
    value: class extends NodeWorkerAdapter {
      constructor(url: string | URL, options?: object) {
        super(String(url) === wasmers ? ours : url, options);
      }
    },
  });
}

// Wasmer loads while Binaryen links the first session's module (each takes a while on a first use).
const wasmerLoaded = usePoolWorker().then(() => import('@wasmer/sdk/node')).then(({ Wasmer }) => new Wasmer({ cache: 'memory' }));
wasmerLoaded.catch(() => undefined);
void loadBinaryen().catch(() => undefined);

/** Where the session in progress takes the engine's frames (its process's stdin, in order). */
let toStdin: ((bytes: Uint8Array) => void) | null = null;
/** Frames that arrived before the session's process started (the engine sends none before its first frame: kept for order). */
const early: Uint8Array[] = [];

async function session(instrumented: Uint8Array): Promise<void> {
  const { wasm, plan, positions } = await linkWasiCommand(instrumented);
  post({ plan, positions });
  const wasmer = await wasmerLoaded;
  const pkg = await wasmer.packages.load(wasm);
  const sandbox = await wasmer.sandboxes.create({ packages: [pkg], network: { mode: 'disabled' } });
  const proc = await sandbox.command(pkg).spawn({ stdin: 'pipe', stdout: 'pipe', stderr: 'capture' });
  let writing = Promise.resolve();
  toStdin = (bytes) => {
    writing = writing.then(() => proc.stdin!.write(bytes)).catch(() => undefined);
  };
  for (const bytes of early.splice(0)) toStdin(bytes);
  const framer = new Framer();
  try {
    for await (const chunk of proc.stdout!) framer.push(chunk);
    const out = await proc.wait();
    toStdin = null;
    post({ exit: out.exitCode, reason: out.reason, stderr: out.stderr.text().slice(-2000) });
  } catch (e) {
    // A trap the guest did not report (wasi/pool-worker) fails Wasmer's command ("command execution
    // failed: RuntimeError: …"): the process has ended like one that exited, and the engine makes it
    // GUEST_TRAP, stating what it knows.
    const message = String((e as Error)?.message ?? e);
    if (!/RuntimeError/.test(message)) throw e;
    toStdin = null;
    post({ exit: -1, reason: 'trapped', stderr: message.slice(-2000) });
  }
}

port.on('message', (message: Uint8Array | { session: Uint8Array }) => {
  if (message instanceof Uint8Array) {
    if (toStdin) toStdin(message);
    else early.push(message);
    return;
  }
  early.length = 0;
  session(message.session).catch((e: unknown) => {
    toStdin = null;
    const error = e as { code?: unknown; message?: unknown; name?: unknown };
    post({ error: { name: String(error?.name ?? 'Error'), code: typeof error?.code === 'string' ? error.code : null, message: String(error?.message ?? e) } });
  });
});
