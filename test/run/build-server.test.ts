// The build server (build/build-server): a command that built its strategy in a process of its own starts one
// when its run is published; later builds are asked of it. What it builds is the build made here, byte for byte,
// from files read afresh each time; a failed build ends it; it is replaced when killed, ends when its socket is
// removed or when idle, and is not used when turned off. Real processes and sockets, real commands, a cache folder
// of this file's own (Linux: /proc finds the servers).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ASC_FLAGS, buildStrategy } from '../../host/build/asc.ts';
import { spawnSync } from 'node:child_process';
import { askServer, buildServed, DEFAULT_IDLE_SECONDS, idleMs, serverSocket, startPendingServer, startServer, type ServerRequest } from '../../host/build/build-server.ts';
import { toolchain } from '../../host/build/cache.ts';
import { replyValue } from '../../host/build/isolated.ts';
import { BuildError } from '../../host/errors.ts';
import { backproofVersion } from '../../host/run/version.ts';

const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const dir = mkdtempSync(path.join(tmpdir(), 'backproof-build-server-'));
const cache = path.join(dir, 'cache');
const TOOLCHAIN = toolchain(backproofVersion(), ASC_FLAGS);
delete process.env.BACKPROOF_BUILD_SERVER; // (the suite turns servers off for every other test)
afterAll(() => rmSync(dir, { recursive: true, force: true })); // (its servers see their sockets gone and end)

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what: () => boolean, ms = 15_000): Promise<boolean> {
  for (let waited = 0; !what() && waited < ms; waited += 50) await sleep(50);
  return what();
}

/** Build processes running whose environment names cache folder `of` (only the third test's name this file's). */
function servers(of = cache): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('build-process')) continue;
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`BACKPROOF_CACHE_DIR=${of}`)) found.push(Number(pid));
    } catch { /* gone */ }
  }
  return found;
}

/** The files a build read, in path order (asc reads several at once: they arrive in any order). */
const sorted = (reads: [string, string | null][]): [string, string | null][] => [...reads].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** The build made in this process, with the files it read. */
async function here(file: string): Promise<{ wasm: string; sourceMap?: string; sources: unknown; reads: [string, string | null][] }> {
  const reads: [string, string | null][] = [];
  const b = await buildStrategy(file, ASC_FLAGS, { onRead: (f, text) => reads.push([f, text]) });
  return { wasm: sha(b.wasm), sourceMap: b.sourceMap, sources: b.sources, reads: sorted(reads) };
}

async function served(socket: string, file: string, cwd = process.cwd()): Promise<Awaited<ReturnType<typeof here>>> {
  const reply = await askServer(socket, { file, flags: [...ASC_FLAGS], cwd });
  expect(reply, `a reply for ${file}`).not.toBeNull();
  const { build, reads } = replyValue(reply!);
  return { wasm: sha(build.wasm), sourceMap: build.sourceMap, sources: build.sources, reads: sorted(reads) };
}

const request = (file: string, cwd = process.cwd()): ServerRequest => ({ file, flags: [...ASC_FLAGS], cwd });

describe.skipIf(process.platform !== 'linux')('the build server', () => {
  it('a server builds its first strategy, then serves: each build is the build made here, byte for byte, from the files it read then', async () => {
    const socket = path.join(dir, 'a.sock');
    startServer(socket, request('strategies-as/sma-cross-unit.ts'));
    expect(await until(() => existsSync(socket))).toBe(true);
    const first = await served(socket, 'strategies-as/sma-cross-unit.ts');
    expect(first).toEqual(await here('strategies-as/sma-cross-unit.ts'));
    for (const file of ['strategies-as/ema-cross.ts', path.resolve('strategies-as/sma-cross-unit.ts')]) {
      expect(await served(socket, file), file).toEqual(await here(file));
    }
    // A project elsewhere, its strategy named relative to its own folder, edited between two builds.
    const project = mkdtempSync(path.join(dir, 'project-'));
    const text = readFileSync('strategies-as/sma-cross-unit.ts', 'utf8').replace('"../guest-sdk/index"', '"backproof/guest-sdk"').replace('"../guest-sdk/abi"', '"backproof/guest-sdk/abi"');
    writeFileSync(path.join(project, 'mine.ts'), text);
    const before = await served(socket, 'mine.ts', project);
    writeFileSync(path.join(project, 'mine.ts'), text.replace(/param\("fast", (\d+)\)/, (_, n) => `param("fast", ${Number(n) + 1})`));
    const after = await served(socket, 'mine.ts', project);
    expect(after.wasm).not.toBe(before.wasm);
    const cwd = process.cwd();
    process.chdir(project);
    try {
      expect(after).toEqual(await here('mine.ts'));
    } finally {
      process.chdir(cwd);
    }
    // Bytes that are not a request hold nothing up: the next request is served.
    await new Promise<void>((resolve) => net.connect(socket, function (this: net.Socket) { this.end('not a request', resolve); }));
    expect((await served(socket, 'strategies-as/sma-cross-unit.ts')).wasm).toBe(first.wasm);
    unlinkSync(socket);
  }, 180_000);

  it('a build that fails: the error a build here gives, and the server ends', async () => {
    const socket = path.join(dir, 'b.sock');
    startServer(socket, request('strategies-as/sma-cross-unit.ts'));
    expect(await until(() => existsSync(socket))).toBe(true);
    const broken = path.join(dir, 'broken.ts');
    writeFileSync(broken, readFileSync('strategies-as/sma-cross.ts', 'utf8').replace(/\n\s*\}\s*$/, '\n  nope();\n}\n'));
    const local = (await buildStrategy(broken).then(() => null, (e: unknown) => e)) as BuildError;
    const reply = await askServer(socket, request(broken));
    let remote: unknown;
    try {
      replyValue(reply!);
    } catch (e) {
      remote = e;
    }
    expect(remote).toBeInstanceOf(BuildError);
    expect([(remote as BuildError).code, (remote as BuildError).message]).toEqual([local.code, local.message]);
    expect(await until(() => !existsSync(socket))).toBe(true);
    expect(await askServer(socket, request('strategies-as/sma-cross-unit.ts'))).toBeNull();
  }, 180_000);

  it('through the cache folder: started once a build needed a process of its own, replaced when killed, ended when its socket is removed', async () => {
    process.env.BACKPROOF_CACHE_DIR = cache; // (this file's process only: the servers it starts inherit it)
    const socket = serverSocket(TOOLCHAIN)!;
    expect(path.dirname(socket)).toBe(path.join(cache, 'build-server'));
    const wasm = (await here('strategies-as/ema-cross.ts')).wasm;
    // No server: a process of its own, which exits; a server is due, and starts when told.
    expect(sha((await buildServed('strategies-as/ema-cross.ts', ASC_FLAGS, TOOLCHAIN)).build.wasm)).toBe(wasm);
    expect(await until(() => servers().length === 0)).toBe(true);
    startPendingServer();
    startPendingServer(); // (once)
    expect(await until(() => existsSync(socket) && servers().length === 1)).toBe(true);
    const [pid] = servers();
    expect(sha((await buildServed('strategies-as/ema-cross.ts', ASC_FLAGS, TOOLCHAIN)).build.wasm)).toBe(wasm);
    startPendingServer(); // (none due: the server built it)
    await sleep(500);
    expect(servers()).toEqual([pid]);
    // Killed: its socket file stays, nobody answers; the next build is a process of its own, and the next server takes its place.
    process.kill(pid!, 'SIGKILL');
    expect(await until(() => !servers().includes(pid!))).toBe(true);
    expect(existsSync(socket)).toBe(true);
    expect(sha((await buildServed('strategies-as/ema-cross.ts', ASC_FLAGS, TOOLCHAIN)).build.wasm)).toBe(wasm);
    startPendingServer();
    expect(await until(() => servers().length === 1 && servers()[0] !== pid)).toBe(true);
    // (it answers once it has taken the dead one's socket)
    let reply = null;
    for (let waited = 0; reply === null && waited < 30_000; waited += 200) reply = (await askServer(socket, request('strategies-as/ema-cross.ts'))) ?? (await sleep(200), null);
    expect(reply).not.toBeNull();
    // The cache folder cleared: the server cannot be reached any more and ends (it looks every 5 s).
    unlinkSync(socket);
    expect(await until(() => servers().length === 0, 20_000)).toBe(true);
    delete process.env.BACKPROOF_CACHE_DIR;
  }, 180_000);

  it('as a user meets it: the first backtest starts a server once its run is published, the next builds a new strategy there', async () => {
    const userCache = path.join(dir, 'user-cache');
    const env: NodeJS.ProcessEnv = { ...process.env, BACKPROOF_CACHE_DIR: userCache, BACKPROOF_BUILD_SERVER_IDLE: '60' };
    delete env.BACKPROOF_BUILD_SERVER;
    delete env.VITEST;
    const backtest = (strategy: string, out: string) => spawnSync(process.execPath, [path.resolve('bin/backproof.js'), 'backtest', '--strategy', strategy, '--data', 'data/GOOG.csv', '--out', path.join(dir, out), '--unsigned', '--quiet', '--json'], { env, encoding: 'utf8', timeout: 120_000 });
    const ours = (): number[] => servers(userCache);
    const a = backtest('strategies-as/sma-cross-unit.ts', 'run-a');
    expect(a.status, a.stderr).toBe(0);
    // (a server listens before it loads the compiler: once its socket is there, the next command finds it)
    const socket = serverSocket(TOOLCHAIN, { BACKPROOF_CACHE_DIR: userCache })!;
    expect(await until(() => ours().length === 1 && existsSync(socket))).toBe(true);
    const [pid] = ours();
    const b = backtest('strategies-as/ema-cross.ts', 'run-b');
    expect(b.status, b.stderr).toBe(0);
    expect(ours()).toEqual([pid]);
    // The record is the one a build in a process of its own gives.
    const c = spawnSync(process.execPath, [path.resolve('bin/backproof.js'), 'backtest', '--strategy', 'strategies-as/ema-cross.ts', '--data', 'data/GOOG.csv', '--out', path.join(dir, 'run-c'), '--unsigned', '--quiet', '--json'],
      { env: { ...env, BACKPROOF_CACHE_DIR: 'off' }, encoding: 'utf8', timeout: 120_000 });
    expect(c.status, c.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'run-b', 'record.pb'))).toEqual(readFileSync(path.join(dir, 'run-c', 'record.pb')));
    unlinkSync(socket);
  }, 180_000);

  it('ends when idle BACKPROOF_BUILD_SERVER_IDLE seconds', async () => {
    expect([idleMs({}), idleMs({ BACKPROOF_BUILD_SERVER_IDLE: '2.5' }), idleMs({ BACKPROOF_BUILD_SERVER_IDLE: 'soon' }), idleMs({ BACKPROOF_BUILD_SERVER_IDLE: '-1' })])
      .toEqual([DEFAULT_IDLE_SECONDS * 1000, 2500, DEFAULT_IDLE_SECONDS * 1000, DEFAULT_IDLE_SECONDS * 1000]);
    const socket = path.join(dir, 'c.sock');
    process.env.BACKPROOF_BUILD_SERVER_IDLE = '1';
    try {
      startServer(socket, request('strategies-as/sma-cross-unit.ts'));
    } finally {
      delete process.env.BACKPROOF_BUILD_SERVER_IDLE;
    }
    expect(await until(() => existsSync(socket))).toBe(true);
    expect(await until(() => !existsSync(socket), 10_000)).toBe(true);
    expect(await askServer(socket, request('strategies-as/sma-cross-unit.ts'))).toBeNull();
  }, 120_000);

  it('none when turned off, when the cache is off, or when its path is too long for a socket', () => {
    expect(serverSocket(TOOLCHAIN, { BACKPROOF_CACHE_DIR: cache, BACKPROOF_BUILD_SERVER: 'off' })).toBeNull();
    expect(serverSocket(TOOLCHAIN, { BACKPROOF_CACHE_DIR: 'off' })).toBeNull();
    expect(serverSocket(TOOLCHAIN, { BACKPROOF_CACHE_DIR: path.join(dir, 'x'.repeat(60)) })).toBeNull();
    // Named by the toolchain: another asc flag, another server.
    expect(serverSocket(toolchain(backproofVersion(), [...ASC_FLAGS, '--noAssert']), { BACKPROOF_CACHE_DIR: cache })).not.toBe(serverSocket(TOOLCHAIN, { BACKPROOF_CACHE_DIR: cache }));
  });
});
