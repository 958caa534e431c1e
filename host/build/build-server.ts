/**
 * @module build/build-server
 * A build the cache does not hold, asked of a build server an earlier command left running. A command
 * that had to start a build process of its own (build/isolated, which exits after its reply) starts a
 * server once its work is done (startPendingServer): build/build-process again, in a session of its own,
 * which builds the same strategy first (that compiles asc's and Binaryen's code) and then serves builds on
 * a Unix socket in the cache folder, one at a time, until it has been idle BACKPROOF_BUILD_SERVER_IDLE
 * seconds (default 900). A build takes ~0.5 s CPU there against ~1.3 s in a new process (docs/BENCHMARKS.md,
 * "first run"): an author's edit-and-run loop pays the compiler's start once, not every run, and no
 * command holds the server's ~150 MB while it runs.
 *
 * What is built is what a new process builds: the same asc, Binaryen, flags and builder code (they name
 * the socket, so a changed toolchain or Backproof checkout never meets an older server), the request's
 * working folder, every file read afresh. A server ends after a build that failed (a compiler left in an
 * unknown state is not reused), after MAX_BUILDS builds, when its socket file is removed (the cache folder
 * cleared), and when idle. Anything short of a reply (no server, one that dies mid-build, a socket path
 * too long for the system) falls back to a build in a new process. BACKPROOF_BUILD_SERVER=off, or the
 * cache off, builds every time in a new process and starts no server.
 *
 * The socket's folder is the user's own (mode 0700): what may ask is what may already write the build
 * cache. `verify --rebuild` never asks a server (it runs asc itself).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { siblingModule } from '../paths.ts';
import { cacheRoot } from './cache-root.ts';
import { BUILD_V8_FLAGS, buildIsolated, replyValue, stripping, type BuildReply, type IsolatedBuild } from './isolated.ts';

/** A request to a server: a build of `file` (as the user named it) with asc flags `flags`, in the working folder `cwd`. */
export interface ServerRequest {
  file: string;
  flags: string[];
  cwd: string;
}

/** The environment variable that makes build/build-process a server: JSON `{ socket, warm }`. */
export const SERVE_ENV = 'BACKPROOF_BUILD_SERVE';

/** How long a server waits for the next build before it exits, by default (seconds). */
export const DEFAULT_IDLE_SECONDS = 900;
/** Builds one server makes before it exits (a fresh one follows): bounds what a long-lived compiler may accumulate. */
export const MAX_BUILDS = 200;
/** Longest Unix socket path this uses (Linux allows 107 bytes, macOS 103). */
const MAX_SOCKET_PATH = 100;

/** BACKPROOF_BUILD_SERVER_IDLE in milliseconds (a positive number of seconds), else the default. */
export function idleMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.BACKPROOF_BUILD_SERVER_IDLE);
  return (Number.isFinite(s) && s > 0 ? s : DEFAULT_IDLE_SECONDS) * 1000;
}

/**
 * The socket of the server for builds with asc flags `flags` under this toolchain, or null when there
 * is to be none (BACKPROOF_BUILD_SERVER=off, the cache off, or a path the system would not take).
 */
export function serverSocket(toolchain: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.BACKPROOF_BUILD_SERVER === 'off') return null;
  const root = cacheRoot(env);
  if (root === null) return null;
  const code = ['build-process', 'build-server', 'isolated'].map((m) => readFileSync(siblingModule(m, import.meta.url)).toString('base64'));
  const key = createHash('sha256').update(JSON.stringify({
    toolchain, node: process.execPath, version: process.version, v8Flags: [...BUILD_V8_FLAGS, ...stripping()], code,
  })).digest('hex').slice(0, 24);
  const socket = path.join(root, 'build-server', `${key}.sock`);
  return Buffer.byteLength(socket) <= MAX_SOCKET_PATH ? socket : null;
}

/** One frame: a 4-byte big-endian length, then a V8-serialized value. */
const frame = (value: unknown): Buffer => {
  const body = serialize(value);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  return Buffer.concat([head, body]);
};

/** The first frame read from `socket`, or null when it closes first. */
function readFrame(socket: net.Socket): Promise<unknown> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let size = 0;
    const done = (v: unknown): void => {
      socket.off('data', onData);
      resolve(v);
    };
    const onData = (d: Buffer): void => {
      parts.push(d);
      size += d.length;
      if (size < 4) return;
      const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      parts.length = 0;
      parts.push(all);
      const need = all.readUInt32BE(0);
      if (size >= 4 + need) done(deserialize(all.subarray(4, 4 + need)));
    };
    socket.on('data', onData);
    socket.on('error', () => done(null));
    socket.on('close', () => done(null));
  });
}

/** The server's reply to `request`, or null when there is no server or it ends without one. */
export function askServer(socketPath: string, request: ServerRequest): Promise<BuildReply | null> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.on('error', () => resolve(null));
    socket.on('connect', () => {
      socket.write(frame(request));
      void readFrame(socket).then((reply) => {
        socket.destroy();
        resolve(reply as BuildReply | null);
      });
    });
  });
}

/** The server to start once the command's work is done (startPendingServer): its socket and first build. */
let pending: { socket: string; warm: ServerRequest } | null = null;

/**
 * buildStrategy(file, flags) by the server for this toolchain, else in a new process that exits after
 * its reply (build/isolated), a server for this toolchain then due to start when the command's work is
 * done (startPendingServer).
 */
export async function buildServed(file: string, flags: readonly string[], toolchain: Record<string, unknown>): Promise<IsolatedBuild> {
  const socket = serverSocket(toolchain);
  if (socket === null) return buildIsolated(file, flags);
  const request: ServerRequest = { file, flags: [...flags], cwd: process.cwd() };
  const reply = await askServer(socket, request);
  if (reply !== null) return replyValue(reply);
  const built = await buildIsolated(file, flags);
  pending = { socket, warm: request };
  return built;
}

/**
 * Starts the build server a build in a new process made due (buildServed), if any: run/backtest calls
 * it once its run folder is published, so the server's start (~1.5 s CPU: loading asc and Binaryen, then
 * building the same strategy again, which compiles their code for the next build) and its ~150 MB are
 * not the command's.
 */
export function startPendingServer(): void {
  if (pending === null) return;
  const { socket, warm } = pending;
  pending = null;
  startServer(socket, warm);
}

/** Starts a build server on `socket` that builds `warm` first: a process of its own (its own session, no stdio), not waited for. */
export function startServer(socket: string, warm: ServerRequest): void {
  try {
    const child = spawn(process.execPath, [...BUILD_V8_FLAGS, ...stripping(), fileURLToPath(siblingModule('build-process', import.meta.url))], {
      stdio: 'ignore', detached: true, windowsHide: true, env: { ...process.env, [SERVE_ENV]: JSON.stringify({ socket, warm }) },
    });
    child.on('error', () => {}); // (no server: the next build starts a process of its own, as this one did)
    child.unref();
  } catch { /* the same */ }
}

/** The socket's identity, to notice it removed or replaced. */
const identity = (file: string): string | null => {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
};

/**
 * Serves builds on `socketPath` (build/build-process as a server): `build` makes one reply; `warm` is
 * built first, its reply dropped (it compiles asc's and Binaryen's code for the builds asked). Resolves
 * false, having served nothing, when another server holds the socket.
 */
export async function serve(socketPath: string, build: (request: ServerRequest) => Promise<BuildReply>, warm?: ServerRequest): Promise<boolean> {
  const dir = path.dirname(socketPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const server = net.createServer();
  const listening = (): Promise<boolean> => new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(socketPath, () => resolve(true));
  });
  if (!(await listening())) {
    // A socket file is there: a live server's (leave it be) or a dead one's (take its place).
    if ((await askAlive(socketPath))) return false;
    try {
      unlinkSync(socketPath);
    } catch { /* another process took it first */ }
    if (!(await listening())) return false;
  }
  const mine = identity(socketPath);
  let builds = 0;
  let queue: Promise<void> = Promise.resolve();
  let idle: NodeJS.Timeout;
  const stop = (): never => {
    if (identity(socketPath) === mine) {
      try {
        unlinkSync(socketPath);
      } catch { /* gone already */ }
    }
    process.exit(0);
  };
  const rest = (): void => {
    clearTimeout(idle);
    idle = setTimeout(stop, idleMs());
  };
  rest();
  if (warm !== undefined) {
    queue = queue.then(async () => {
      clearTimeout(idle);
      const reply = await build(warm);
      if ('error' in reply) stop();
      rest();
    });
  }
  // The cache folder cleared, or the socket taken by another server: this one is not reachable any more.
  setInterval(() => identity(socketPath) !== mine && stop(), 5000);
  server.on('connection', (socket) => {
    socket.on('error', () => {});
    queue = queue.then(async () => {
      // A client that connects and sends nothing does not hold up the next.
      socket.setTimeout(10_000, () => socket.destroy());
      const request = (await readFrame(socket)) as ServerRequest | null;
      socket.setTimeout(0);
      if (request === null || typeof request !== 'object' || typeof request.file !== 'string' || !Array.isArray(request.flags) || typeof request.cwd !== 'string') {
        socket.destroy();
        return;
      }
      clearTimeout(idle);
      builds++;
      const reply = await build(request);
      await new Promise<void>((resolve) => socket.end(frame(reply), resolve));
      if ('error' in reply || builds >= MAX_BUILDS) stop();
      rest();
    });
  });
  return true;
}

/** Whether a server answers on `socketPath` (it accepts a connection). */
function askAlive(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.on('error', () => resolve(false));
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
  });
}
