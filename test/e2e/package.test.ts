// The package as a user gets it: `npm pack` here (prepack compiles dist/), the tarball installed into an empty folder
// under the OS temp folder (no repository around it), and there the CLI run through npx on a strategy written in that
// folder: --version, keygen, build, backtest, verify; the library imported by package name. Real npm, real processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';

const repo = process.cwd();
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
// The user's shell: no trace of this repository's node_modules/.bin (its Node 24 and tools) on PATH.
const userPath = (process.env.PATH ?? '').split(path.delimiter).filter((p) => !p.startsWith(repo)).join(path.delimiter);
const repoPath = [path.join(repo, 'node_modules', '.bin'), process.env.PATH ?? ''].join(path.delimiter);

let work: string;
let project: string;
let tarball: string;
let files: string[];

function run(cmd: string, args: string[], cwd: string, PATH = userPath): { code: number | null; out: string; err: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH, BACKPROOF_LOG: 'silent' };
  for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k]; // not the repo's npm run context
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const backproof = (...args: string[]) => run('npx', ['backproof', ...args], project);

// The SDK strategy of strategies-as/sma-cross.ts, written in the user's folder.
// TODO(issue 10 §3): import "backproof/guest-sdk" by package name once asc resolves it from node_modules.
const STRATEGY = `import { Bar, Strategy, SMA, param, sma, crossover, crossunder, run } from "./node_modules/backproof/guest-sdk/index";
export * from "./node_modules/backproof/guest-sdk/abi";

class SmaCross extends Strategy {
  fast: SMA = sma(param("fast", 10));
  slow: SMA = sma(param("slow", 20));

  onBar(bar: Bar): void {
    this.fast.update(bar.close);
    this.slow.update(bar.close);
    if (!this.slow.ready) return;
    if (crossover(this.fast, this.slow)) {
      this.buy();
    } else if (crossunder(this.fast, this.slow)) {
      this.sell();
    }
  }
}

run(new SmaCross());
`;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-package-'));
  const pack = run('npm', ['pack', '--json', '--pack-destination', work], repo, repoPath);
  expect(pack.code, pack.err).toBe(0);
  const [info] = JSON.parse(pack.out.slice(pack.out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, info!.filename);
  files = info!.files.map((f) => f.path).sort();
  project = path.join(work, 'my-strategies');
  await mkdir(project);
  // What `backproof init` will write: allowScripts lets the "node" package fetch its Node (npm 12 asks for it).
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'my-strategies', private: true, type: 'module', allowScripts: { node: true } }));
  const install = run('npm', ['i', tarball, '--no-audit', '--no-fund', '--prefer-offline'], project);
  expect(install.code, install.err).toBe(0);
  await writeFile(path.join(project, 'sma.ts'), STRATEGY);
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('ships compiled JavaScript with declarations, the SDK and examples as sources, and nothing of the repository besides', () => {
    expect(path.basename(tarball)).toBe(`backproof-${version}.tgz`);
    for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/backproof.js', 'dist/host/cli/main.js', 'dist/host/index.js', 'dist/host/index.d.ts',
      'dist/host/run/guest-thread.js', 'dist/traces/hash-worker.js', 'dist/guest-sdk/constants.js', 'host/audit/backproof.proto',
      'guest-sdk/index.ts', 'guest-sdk/abi.ts', 'strategies-as/sma-cross.ts', 'data/GOOG.csv']) expect(files).toContain(f);
    // TypeScript only where it is meant as such: declarations, the AssemblyScript SDK and example strategies.
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !/^(guest-sdk|strategies-as)\/[^/]+\.ts$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^(test|bench|scripts|node_modules|runs|\.backproof)\/|\.wasm$|\.build\.json$|tsconfig|package-lock/.test(f))).toEqual([]);
    // Every compiled module has its declaration file.
    const js = files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(50);
    expect(js.filter((f) => !files.includes(f.replace(/\.js$/, '.d.ts')))).toEqual([]);
    // The compiled modules import compiled modules (.js), never the .ts sources that are not shipped.
    const main = readFileSync(path.join(project, 'node_modules/backproof/dist/host/cli/main.js'), 'utf8');
    expect(main).toMatch(/from "\.\.\/index\.js"/);
    expect(main).not.toMatch(/from ["'][^"']+\.ts["']/);
  });

  it('installs with its runtime dependencies only (no devDependency), the Node it runs on included', () => {
    const nm = path.join(project, 'node_modules');
    for (const dev of ['typescript', 'vitest', '@types/node', 'playwright-core']) expect(existsSync(path.join(nm, dev)), dev).toBe(false);
    const bundled = run(path.join(nm, 'node', 'bin', 'node'), ['-p', 'process.versions.node.split(".")[0]'], project);
    expect(bundled.out.trim()).toBe('24');
  });

  it('npx backproof --version prints the package version; the bin also runs without npx, on whatever Node the shell has', () => {
    expect(backproof('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
    // Straight through the symlink with the shell's PATH: `env node` is the system Node, old or not.
    const direct = run(path.join(project, 'node_modules', '.bin', 'backproof'), ['--version'], project);
    expect(direct).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('keygen, build, backtest and verify a strategy in the user folder: the same result as in the repository', async () => {
    expect(backproof('keygen').code).toBe(0);
    const build = backproof('build', 'sma.ts');
    expect(build.code, build.err).toBe(0);
    expect(build.out).toMatch(/^built sma\.wasm \(\d+ bytes, sha256 [0-9a-f]{64}\)/);
    expect(existsSync(path.join(project, 'sma.build.json'))).toBe(true);

    // The module just built (a .ts strategy would be built again: that is build's work, tested above).
    const bt = backproof('backtest', '--strategy', 'sma.wasm', '--data', 'node_modules/backproof/data/GOOG.csv', '--commission', '0.002', '--out', 'runs/first');
    expect(bt.code, bt.err).toBe(0);
    expect(bt.out).toMatch(/record +signed by key [0-9a-f]{16}/);
    const record = JSON.parse(await readFile(path.join(project, 'runs/first/record.json'), 'utf8'));
    expect(record.signed).toBe(true);

    // The same module and data run by this repository's .ts sources (in-process) give the same numbers.
    const here = path.join(work, 'repo-run');
    const ref = await cli('backtest', '--strategy', path.join(project, 'sma.wasm'), '--data', 'data/GOOG.csv', '--commission', '0.002', '--out', here, '--unsigned', '--quiet');
    expect(ref.code, ref.err).toBe(0);
    const stats = await readFile(path.join(project, 'runs/first/stats.json'), 'utf8');
    expect(JSON.parse(stats).trades).toBe(93);
    expect(stats).toBe(await readFile(path.join(here, 'stats.json'), 'utf8'));
    expect(await readFile(path.join(project, 'runs/first/trades.csv'), 'utf8')).toBe(await readFile(path.join(here, 'trades.csv'), 'utf8'));

    const ok = backproof('verify', 'runs/first', '--pubkey', '.backproof/backproof.pub');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^OK run [0-9a-f]{16}: record → signature → chain → config → strategy → data → trace → result/);
    // ... and verify is no rubber stamp here either: a flipped byte of the result fails it (exit 5).
    const result = path.join(project, 'runs/first/result.pb');
    const bytes = await readFile(result);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    await writeFile(result, bytes);
    expect(backproof('verify', 'runs/first', '--pubkey', '.backproof/backproof.pub').code).toBe(5);
  });

  it('the library is imported by package name, with its declarations', () => {
    const node = path.join(project, 'node_modules', '.bin', 'node');
    const r = run(node, ['--input-type=module', '-e', `
      const m = await import('backproof');
      const t = await import('backproof/traces');
      console.log(typeof m.backtest, typeof m.verifyRun, typeof t.sha256);`], project);
    expect(r).toEqual({ code: 0, out: 'function function function\n', err: '' });
    const pkg = JSON.parse(readFileSync(path.join(project, 'node_modules/backproof/package.json'), 'utf8'));
    expect(existsSync(path.join(project, 'node_modules/backproof', pkg.exports['.'].types))).toBe(true);
  });
});
