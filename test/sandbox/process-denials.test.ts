// --isolation process, defense in depth (docs/ISOLATION-PROCESS.md): the child, started as a run
// starts it, tries each forbidden thing from inside (sandbox/process/probe, the runtime's test hook)
// and each is refused — a file written outside the run folder, any file read (even its own code: it came
// over the pipe), a
// child process, a worker thread, an addon, the network from JavaScript, TCP past the guard. And the
// watchdog: a child that stops answering is killed (SIGKILL) and the run fails with WATCHDOG; a child
// killed mid-run fails the backtest with RUNTIME_FAILED and leaves no run folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadData, loadStrategy, DEFAULT_CONFIG, type LoadedData, type StrategyArtifact } from '../../host/index.ts';
import { compileGuest } from '../../host/sandbox/index.ts';
import { sandboxConfigFor } from '../../host/run/config.ts';
import { wire } from '../../host/run/wire.ts';
import { SandboxError } from '../../host/errors.ts';
import { processRuntime, type ProcessSession } from '../../host/sandbox/process/runtime.ts';
import type { ProbeRequest } from '../../host/sandbox/process/probe.ts';
import { BOOT_MARK } from '../../host/sandbox/process/spawn.ts';
import { cli } from '../helpers/cli.ts';
import { childOf, descendants } from '../helpers/child-processes.ts';
import { writeTiledCsv } from '../../bench/tile.ts';

let work: string, strategy: StrategyArtifact, goog: LoadedData, tcp: Server, unix: Server, request: ProbeRequest;

const listen = (server: Server, at: number | string): Promise<void> => new Promise((resolve) => (typeof at === 'number' ? server.listen(at, '127.0.0.1', resolve) : server.listen(at, resolve)));

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'backproof-process-denials-'));
  strategy = await loadStrategy('strategies-as/sma-cross.ts');
  goog = await loadData('data/GOOG.csv');
  tcp = createServer((c) => c.end());
  unix = createServer((c) => c.end());
  await listen(tcp, 0);
  await listen(unix, path.join(work, 'socket'));
  request = {
    writePath: path.join(work, 'written-by-guest.txt'),
    readPath: path.resolve('data/GOOG.csv'),
    tcpPort: (tcp.address() as { port: number }).port,
    unixPath: path.join(work, 'socket'),
  };
}, 60_000);

afterAll(() => {
  tcp?.close();
  unix?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A session of the process runtime as a run opens it (run/wire), with `options`. */
function open(options: Parameters<typeof processRuntime>[0]): ProcessSession {
  const sandbox = sandboxConfigFor(DEFAULT_CONFIG);
  const guest = compileGuest(strategy.wasm, sandbox);
  return wire({ wasm: strategy.wasm, guest, sandbox, runtime: processRuntime(options), feeds: [goog], config: DEFAULT_CONFIG }).instance as unknown as ProcessSession;
}

describe('the child refuses every forbidden thing', () => {
  it('each attempt from inside the child, refused as the permission model, the guard or the namespace refuses it', () => {
    const session = open({ testHooks: request });
    try {
      const got = session.probe();
      const namespaced = session.layers.network === 'namespace';
      expect(got).toEqual({
        writeFile: 'ERR_ACCESS_DENIED',
        readFile: 'ERR_ACCESS_DENIED',
        readOwnModule: 'ERR_ACCESS_DENIED',
        childProcess: 'ERR_ACCESS_DENIED',
        workerThread: 'ERR_ACCESS_DENIED',
        addon: 'ERR_DLOPEN_DISABLED',
        getBuiltinNet: 'ERR_ACCESS_DENIED',
        requireNet: 'ERR_ACCESS_DENIED',
        fetch: 'ERR_ACCESS_DENIED',
        // Past the guard (the probe kept node:net from before it): no route at all in the namespace, even to 127.0.0.1.
        tcpConnect: namespaced ? 'ENETUNREACH' : 'allowed',
        // A Unix socket bound to a path is outside any network namespace and the permission model: only the guard stops it.
        unixConnect: 'allowed',
      });
      expect(existsSync(request.writePath)).toBe(false);
      // On this machine (Linux with user namespaces, as CI) every layer is there.
      if (process.platform === 'linux') expect(session.layers).toEqual({ network: 'namespace', watchdog: true, stack: true });
      // Its code came over the pipe: its own modules (the probe's here), and nothing of data, keys or node_modules.
      const root = path.resolve('.') + path.sep;
      expect(session.modules.every((f) => f.startsWith(root + 'host' + path.sep) || f.startsWith(root + 'traces' + path.sep) || f === root + path.join('guest-sdk', 'constants.ts'))).toBe(true);
      expect(session.modules).toContain(path.resolve('host/sandbox/process/child.ts'));
      expect(session.modules).toContain(path.resolve('host/sandbox/process/probe.ts'));
      // The guest still runs in it after the probe.
      session.init();
      expect(session.instructions()).toBeGreaterThan(0n);
    } finally {
      session.close();
    }
  }, 60_000);

  it('a child without test hooks serves no probe', () => {
    const session = open({});
    try {
      expect(() => session.probe()).toThrow('channel: no method 20');
    } finally {
      session.close();
    }
  }, 60_000);
});

describe('a child kept for the next session', () => {
  it('the same module reuses a closed session\'s idle child, with the same results; another module gets its own', async () => {
    const runtime = processRuntime({});
    const sandbox = sandboxConfigFor(DEFAULT_CONFIG);
    const openOn = (s: StrategyArtifact) => wire({ wasm: s.wasm, guest: compileGuest(s.wasm, sandbox), sandbox, runtime, feeds: [goog], config: DEFAULT_CONFIG });
    const runOnce = (s: StrategyArtifact) => {
      const w = openOn(s);
      w.instance.init();
      w.backtest.run(w.port);
      const stats = w.instance.finish();
      const pid = (w.instance as unknown as ProcessSession).pid;
      w.instance.close!();
      return { pid, root: Buffer.from(stats.trace!.root).toString('hex'), instructions: stats.instructions };
    };
    const first = runOnce(strategy), second = runOnce(strategy);
    expect(second).toEqual(first);
    const other = runOnce(await loadStrategy('strategies-as/ema-cross.ts'));
    expect(other.pid).not.toBe(first.pid);
    expect(other.root).not.toBe(first.root);
  }, 60_000);
});

describe('the watchdog and a dying child', () => {
  it('a child that stops answering is killed at the wall-clock limit: WATCHDOG, and the session stays dead', () => {
    const t0 = performance.now(); // the limit runs from the child's start
    const session = open({ testHooks: request, timeoutMs: 3_000 });
    try {
      let caught: unknown;
      try {
        session.hang();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(SandboxError);
      expect((caught as SandboxError).code).toBe('WATCHDOG');
      expect(performance.now() - t0).toBeGreaterThan(2_500);
      expect(() => session.init()).toThrow(caught as Error);
    } finally {
      session.close();
    }
  }, 60_000);

  it('a child killed mid-run: the backtest fails with RUNTIME_FAILED (exit 4) and writes no run folder', async () => {
    const csv = path.join(work, 'long.csv');
    writeTiledCsv(csv, 200_000);
    const out = path.join(work, 'run');
    // Children started earlier in this file (kept idle for reuse a moment) are not the run's.
    const before = await descendants(process.pid, BOOT_MARK);
    const running = cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', csv, '--isolation', 'process', '--out', out, '--no-report', '--json');
    const child = await childOf(process.pid, BOOT_MARK, 30_000, before);
    process.kill(child, 'SIGKILL');
    const r = await running;
    expect(r.code).toBe(4);
    expect(JSON.parse(r.out)).toMatchObject({ schema: 'backproof/error@1', code: 'RUNTIME_FAILED' });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.startsWith('run'))).toEqual([]);
  }, 60_000);
});
