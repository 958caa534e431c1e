// A real redis-server (the Debian package) for tests: started on a free port in a temp folder, stopped, and
// killed and started again on the same port and folder (the "Redis restarted mid-sweep" case).
// Persistence is the append-only file with an fsync per write, and no RDB snapshots: a SIGKILL loses no
// acknowledged write, so a restart finds the queue as the workers left it; nothing else is on disk.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A port the kernel just handed out (closed again before redis-server binds it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  readonly port: number;
  readonly dir: string;
  /** redis://127.0.0.1:PORT */
  readonly url: string;
  /** The running server's process id (for a benchmark's CPU and memory readings). */
  readonly pid: number | undefined;
  /** Kill it (SIGKILL by default: no shutdown, no final write) and wait for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Start it again on the same port and folder (after kill). */
  restart(): Promise<void>;
  /** Kill it and remove its folder. */
  stop(): Promise<void>;
}

/** Spawns redis-server and resolves once it accepts connections (rejects with its output if it exits first). */
function launch(port: number, dir: string, extra: readonly string[]): Promise<ChildProcess> {
  const child = spawn('redis-server', [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
    '--appendonly', 'yes', '--appendfsync', 'always', '--save', '',
    '--daemonize', 'no', '--protected-mode', 'no', '--loglevel', 'notice', // the readiness line is a notice
    // BullMQ requires that Redis never evict its keys
    '--maxmemory-policy', 'noeviction',
    ...extra,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (b: Buffer): void => {
      output += b.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => { output += b.toString(); });
    child.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT'
      ? new Error('redis-server is not installed: apt-get install -y redis-server (the Debian package; CI installs it in .ci/run)')
      : e));
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
  });
}

/** Starts redis-server (the Debian package's binary on PATH) with its own folder on a free port; `extra`: more options (e.g. --requirepass PW). */
export async function startRedis(extra: readonly string[] = []): Promise<RedisServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'backproof-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = await launch(port, dir, extra);
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => { c.once('exit', () => resolve()); c.kill(signal); });
  };
  return {
    port, dir, url: `redis://127.0.0.1:${port}`,
    get pid() { return child?.pid; },
    kill,
    async restart() {
      if (child) throw new Error('redis-server is running: kill it first');
      child = await launch(port, dir, extra);
    },
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
