// The build cache (build/cache, used by run/strategy): a warm build is the cold build byte for byte
// (and so the same run id); an entry whose bytes were damaged, whose sources changed, or where asc would
// now find an installed package, is built again; the folder comes from BACKPROOF_CACHE_DIR /
// XDG_CACHE_HOME / ~/.cache, "off" disables it; and verify --rebuild compiles for real even when the
// cache holds a different module for the same sources.
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ASC_FLAGS, buildStrategy, type BuildResult } from '../../host/build/asc.ts';
import { cachedBuild, cacheRoot, cacheWritesSettled, BUILD_CACHE_FORMAT } from '../../host/build/cache.ts';
import { loadStrategy as loadWithoutWaiting } from '../../host/run/strategy.ts';
import { BuildError } from '../../host/errors.ts';
import { executeRun } from '../../host/run/execute.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';

const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const HELPER = 'export const FAST: i32 = 10;\n';
const STRATEGY = (every: string) => (
  'import { Strategy, Bar, run } from "backproof/guest-sdk";\n' +
  'export * from "backproof/guest-sdk/abi";\n' +
  'import { FAST } from "./lib/defaults";\n' +
  'class S extends Strategy {\n' +
  '  n: i32 = 0;\n' +
  `  onBar(bar: Bar): void { this.n++; if (this.n % (${every}) == 0) this.buy(1); }\n` +
  '}\n' +
  'run(new S());\n'
);

let work: string;
let entry: string;
const envBefore = process.env.BACKPROOF_CACHE_DIR;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-build-cache-'));
  await mkdir(path.join(work, 'strategy', 'lib'), { recursive: true });
  entry = path.join(work, 'strategy', 'strategy.ts');
  await writeFile(entry, STRATEGY('FAST'));
  await writeFile(path.join(work, 'strategy', 'lib', 'defaults.ts'), HELPER);
});

afterEach(() => {
  process.env.BACKPROOF_CACHE_DIR = envBefore;
});

/** A fresh cache folder, set as the process's, and its entries. */
async function freshCache(): Promise<{ dir: string; entries: () => Promise<string[]> }> {
  const dir = await mkdtemp(path.join(work, 'cache-'));
  process.env.BACKPROOF_CACHE_DIR = dir;
  return { dir, entries: async () => (existsSync(path.join(dir, 'builds')) ? (await readdir(path.join(dir, 'builds'))).map((f) => path.join(dir, 'builds', f)) : []) };
}

/** loadStrategy, then its cache entries written (cachedBuild returns before writing them). */
async function loadStrategy(file: string): ReturnType<typeof loadWithoutWaiting> {
  const strategy = await loadWithoutWaiting(file);
  await cacheWritesSettled();
  return strategy;
}

/** cachedBuild as run/strategy calls it, counting the real builds (and waiting for its cache entries). */
function counted(root: string | null, file: string): { build: () => ReturnType<typeof cachedBuild>; builds: () => number } {
  let n = 0;
  const build = (onRead: (f: string, t: string | null) => void): Promise<BuildResult> => {
    n++;
    return buildStrategy(file, ASC_FLAGS, { onRead });
  };
  return { build: async () => { const b = await cachedBuild(root, file, '0.1.0', ASC_FLAGS, build, () => {}); await cacheWritesSettled(); return b; }, builds: () => n };
}

describe('the build cache', () => {
  it('a warm build is the cold build, byte for byte, and the run id is the same', async () => {
    const cache = await freshCache();
    const cold = await loadStrategy(entry);
    expect(await cache.entries()).toHaveLength(1);
    const warm = await loadStrategy(entry);
    expect(warm).toEqual(cold);
    expect(sha(warm.wasm)).toBe(sha(cold.wasm));
    expect(warm.sources.map((s) => s.path)).toEqual(['strategy.ts', 'lib/defaults.ts', ...cold.sources.slice(2).map((s) => s.path)]);
    // Without the cache: the same artifact again.
    process.env.BACKPROOF_CACHE_DIR = 'off';
    expect(await loadStrategy(entry)).toEqual(cold);
    const data = await openData('data/GOOG.csv', {});
    const config = { ...DEFAULT_CONFIG, trace: 'off' as const };
    const [a, b] = [executeRun({ strategy: cold, data, config }), executeRun({ strategy: warm, data, config })];
    expect(b.runId).toBe(a.runId);
    expect(sha(b.recordBytes)).toBe(sha(a.recordBytes));
  }, 120_000);

  it('the second build of an unchanged strategy comes from the cache; an edited helper misses it', async () => {
    const cache = await freshCache();
    const c = counted(cache.dir, entry);
    const first = await c.build();
    expect([first.cached, c.builds()]).toEqual([false, 1]);
    const second = await c.build();
    expect([second.cached, c.builds()]).toEqual([true, 1]);
    const helper = path.join(work, 'strategy', 'lib', 'defaults.ts');
    await writeFile(helper, 'export const FAST: i32 = 12;\n');
    try {
      const edited = await c.build();
      expect([edited.cached, c.builds()]).toEqual([false, 2]);
      expect(sha(edited.wasm)).not.toBe(sha(first.wasm));
      expect(edited.sources.find((s) => s.path === 'lib/defaults.ts')!.text).toBe('export const FAST: i32 = 12;\n');
    } finally {
      await writeFile(helper, HELPER);
    }
    // Back to the first text: the entry was replaced by the edited build's, so this builds again, and gives the first module.
    const again = await c.build();
    expect([again.cached, c.builds(), sha(again.wasm)]).toEqual([false, 3, sha(first.wasm)]);
  }, 120_000);

  it('returns the build before writing its entry (the run need not wait for the cache); cacheWritesSettled waits for it', async () => {
    const cache = await freshCache();
    const build = (onRead: (f: string, t: string | null) => void): Promise<BuildResult> => buildStrategy(entry, ASC_FLAGS, { onRead });
    const built = await cachedBuild(cache.dir, entry, '0.1.0', ASC_FLAGS, build, () => {});
    expect([built.cached, existsSync(path.join(cache.dir, 'builds')), existsSync(path.join(cache.dir, 'normalized'))]).toEqual([false, false, false]);
    await cacheWritesSettled();
    expect(await cache.entries()).toHaveLength(1);
    expect((await readdir(path.join(cache.dir, 'normalized'))).length).toBe(built.sources.length);
    expect((await cachedBuild(cache.dir, entry, '0.1.0', ASC_FLAGS, build, () => {})).cached).toBe(true);
  }, 120_000);

  it('a package installed after the build, where asc looked for it, misses the cache', async () => {
    const cache = await freshCache();
    const project = path.join(work, 'project');
    await mkdir(path.join(project, 'lib'), { recursive: true });
    const file = path.join(project, 'strategy.ts');
    await writeFile(file, STRATEGY('FAST'));
    await writeFile(path.join(project, 'lib', 'defaults.ts'), HELPER);
    const c = counted(cache.dir, file);
    const own = await c.build(); // no node_modules/backproof around it: the running Backproof's SDK
    expect((await c.build()).cached).toBe(true);
    // Now the project installs its own copy (a comment added to one file): asc would find it first.
    const sdk = path.join(project, 'node_modules', 'backproof', 'guest-sdk');
    await mkdir(sdk, { recursive: true });
    for (const f of await readdir('guest-sdk')) if (f.endsWith('.ts')) await writeFile(path.join(sdk, f), await readFile(path.join('guest-sdk', f), 'utf8') + (f === 'index.ts' ? '// installed\n' : ''));
    const installed = await c.build();
    expect([installed.cached, c.builds()]).toEqual([false, 2]);
    expect(installed.sources.find((s) => s.path === 'node_modules/backproof/guest-sdk/index.ts')!.text).toMatch(/\/\/ installed\n$/);
    expect(installed.sources.map((s) => s.path)).toEqual(own.sources.map((s) => s.path));
  }, 120_000);

  it('an edited entry file is another key: both builds are kept', async () => {
    const cache = await freshCache();
    const other = path.join(work, 'strategy', 'other.ts');
    await writeFile(other, STRATEGY('FAST'));
    const c = counted(cache.dir, other);
    await c.build();
    await writeFile(other, STRATEGY('FAST + 1'));
    const edited = await c.build();
    expect([edited.cached, c.builds()]).toEqual([false, 2]);
    expect(await cache.entries()).toHaveLength(2);
    await writeFile(other, STRATEGY('FAST'));
    expect((await c.build()).cached).toBe(true);
  }, 120_000);

  it('a damaged entry is never trusted: it is built again and replaced', async () => {
    const cache = await freshCache();
    const c = counted(cache.dir, entry);
    const first = await c.build();
    const [file] = await cache.entries();
    const stored = await readFile(file!, 'utf8');
    const json = JSON.parse(stored.slice(65)) as { format: number; wasm: string; wasmSha256: string };
    expect(json.format).toBe(BUILD_CACHE_FORMAT);
    expect(json.wasmSha256).toBe(sha(first.wasm));

    // One byte of the module changed (the entry's own checksum then fails).
    const wasm = Buffer.from(json.wasm, 'base64');
    wasm[wasm.length - 1] = wasm[wasm.length - 1]! ^ 1;
    await writeFile(file!, stored.replace(json.wasm, wasm.toString('base64')));
    const afterFlip = await c.build();
    expect([afterFlip.cached, c.builds(), sha(afterFlip.wasm)]).toEqual([false, 2, sha(first.wasm)]);
    expect(await readFile(file!, 'utf8')).toBe(stored); // replaced by a good entry

    // The same change with the entry's checksum made to match: the module's own SHA-256 catches it.
    const body = JSON.stringify({ ...JSON.parse(stored.slice(65)), wasm: wasm.toString('base64') });
    await writeFile(file!, `${sha(body)}\n${body}`);
    const afterForge = await c.build();
    expect([afterForge.cached, c.builds(), sha(afterForge.wasm)]).toEqual([false, 3, sha(first.wasm)]);

    // Cut short, or not JSON at all.
    for (const bad of [stored.slice(0, stored.length >> 1), 'not an entry', '']) {
      await writeFile(file!, bad);
      const r = await c.build();
      expect([r.cached, sha(r.wasm)]).toEqual([false, sha(first.wasm)]);
    }
    expect(c.builds()).toBe(6);
    expect((await c.build()).cached).toBe(true);
  }, 180_000);

  it('a FIFO (or a folder) at an entry\'s name is skipped, never waited on: the strategy is built again', async () => {
    if (process.platform === 'win32') return;
    const cache = await freshCache();
    // In a child process with a timeout: opening a FIFO to read waits for a writer, so a regression fails here instead of hanging.
    const strategyModule = fileURLToPath(new URL('../../host/run/strategy.ts', import.meta.url));
    // A script file, not --eval: the build's worker thread inherits the process's flags.
    const script = path.join(work, 'load-strategy.mjs');
    await writeFile(script, `const { loadStrategy } = await import(${JSON.stringify(strategyModule)});\nconsole.log((await loadStrategy(${JSON.stringify(entry)})).wasm.length);\n`);
    const load = () => spawnSync(process.execPath, [script], { env: { ...process.env, BACKPROOF_CACHE_DIR: cache.dir }, encoding: 'utf8', timeout: 90_000 });
    const cold = await loadStrategy(entry);
    const [file] = await cache.entries();
    for (const make of [(f: string) => execFileSync('mkfifo', [f]), (f: string) => mkdirSync(f)]) {
      rmSync(file!, { recursive: true });
      make(file!);
      const r = load();
      expect(r.status, r.stderr).toBe(0); // null: killed by the timeout, i.e. it waited on the FIFO
      expect(r.stdout.trim()).toBe(String(cold.wasm.length));
    }
    // The fresh build could not replace the folder (rename fails): the cache is simply not used.
    expect(lstatSync(file!).isDirectory()).toBe(true);
  }, 240_000);

  it('a folder that cannot be written leaves the cache unused, and the build still works', async () => {
    const blocker = path.join(work, 'a-file');
    await writeFile(blocker, 'not a folder');
    const c = counted(blocker, entry);
    expect((await c.build()).cached).toBe(false);
    expect((await c.build()).cached).toBe(false);
    expect(c.builds()).toBe(2);
  }, 120_000);

  it('a build made in its own process fails as asc does here: the same class, code and message', async () => {
    await freshCache();
    const broken = path.join(work, 'strategy', 'broken.ts');
    await writeFile(broken, STRATEGY('FAST').replace('this.buy(1);', 'this.buy(1'));
    const here = await buildStrategy(broken).catch((e: unknown) => e);
    const there = await loadStrategy(broken).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(BuildError);
    expect(there).toBeInstanceOf(BuildError);
    expect([(there as BuildError).code, (there as BuildError).message]).toEqual([(here as BuildError).code, (here as BuildError).message]);
    expect((here as BuildError).message).toMatch(/^asc failed to compile .*broken\.ts:/);
  }, 120_000);

  it('where the cache is: BACKPROOF_CACHE_DIR, "off", XDG_CACHE_HOME, ~/.cache', () => {
    expect(cacheRoot({ BACKPROOF_CACHE_DIR: '/x/y' })).toBe(path.resolve('/x/y'));
    expect(cacheRoot({ BACKPROOF_CACHE_DIR: 'rel' })).toBe(path.resolve('rel'));
    expect(cacheRoot({ BACKPROOF_CACHE_DIR: 'off', XDG_CACHE_HOME: '/xdg' })).toBeNull();
    expect(cacheRoot({ XDG_CACHE_HOME: '/xdg' })).toBe(path.join('/xdg', 'backproof'));
    expect(cacheRoot({ XDG_CACHE_HOME: 'relative' })).toBe(path.join(homedir(), '.cache', 'backproof'));
    expect(cacheRoot({})).toBe(path.join(homedir(), '.cache', 'backproof'));
    // The suite's own (vitest.config.ts): a temporary folder, never the user's.
    expect(envBefore).toMatch(/backproof-test-cache-/);
  });

  it('verify --rebuild compiles the sources itself: a cache entry holding another module for them does not fool it', async () => {
    const cache = await freshCache();
    const strategy = await loadStrategy(entry);
    // A well-formed entry (checksums made to match) whose module is another strategy's.
    const [file] = await cache.entries();
    const stored = JSON.parse((await readFile(file!, 'utf8')).slice(65)) as Record<string, unknown>;
    const otherFile = path.join(work, 'strategy', 'impostor.ts');
    await writeFile(otherFile, STRATEGY('FAST + 5'));
    const impostor = await buildStrategy(otherFile);
    const body = JSON.stringify({ ...stored, wasm: Buffer.from(impostor.wasm).toString('base64'), wasmSha256: sha(impostor.wasm) });
    await writeFile(file!, `${sha(body)}\n${body}`);
    const trusted = await loadStrategy(entry);
    expect(sha(trusted.wasm)).toBe(sha(impostor.wasm)); // the cache is not a security boundary: its checks catch damage, not forgery

    const data = await openData('data/GOOG.csv', {});
    const config = { ...DEFAULT_CONFIG, trace: 'off' as const };
    const run = path.join(work, 'run-forged');
    await writeRunDir({ dir: run, force: false, outcome: executeRun({ strategy: trusted, data, config }), strategy: trusted, config, key: null });
    await verifyRun({ dir: run }); // hashes only
    await expect(verifyRun({ dir: run, rebuild: true })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'rebuild' });

    const good = path.join(work, 'run-good');
    await writeRunDir({ dir: good, force: false, outcome: executeRun({ strategy, data, config }), strategy, config, key: null });
    expect((await verifyRun({ dir: good, rebuild: true })).steps).toContain('rebuild');
  }, 180_000);
});

