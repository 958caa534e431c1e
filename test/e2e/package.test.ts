// The package as a user gets it: `npm pack` here (prepack compiles dist/), the tarball installed into an empty folder
// under the OS temp folder (no repository around it), and there the CLI run through npx: --version, init, keygen,
// build, backtest, report, verify on the strategy init wrote (it imports the SDK by package name), and the project's
// own `npm test` (the library imported by package name). Real npm, real processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-package-'));
  const pack = run('npm', ['pack', '--json', '--pack-destination', work], repo, repoPath);
  expect(pack.code, pack.err).toBe(0);
  const [info] = JSON.parse(pack.out.slice(pack.out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, info!.filename);
  files = info!.files.map((f) => f.path).sort();
  project = path.join(work, 'my-strategies');
  await mkdir(project);
  // allowScripts before the first install: it lets the "node" package fetch its Node (npm 12 will ask for it).
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'my-strategies', allowScripts: { node: true } }));
  const install = run('npm', ['i', tarball, '--no-audit', '--no-fund', '--prefer-offline'], project);
  expect(install.code, install.err).toBe(0);
}, 240_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('ships compiled JavaScript with declarations, the SDK and examples as sources, and nothing of the repository besides', () => {
    expect(path.basename(tarball)).toBe(`backproof-${version}.tgz`);
    for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/backproof.js', 'dist/host/cli/main.js', 'dist/host/index.js', 'dist/host/index.d.ts',
      'dist/host/run/guest-thread.js', 'dist/traces/hash-worker.js', 'dist/guest-sdk/constants.js', 'host/audit/backproof.proto',
      'guest-sdk/index.ts', 'guest-sdk/abi.ts', 'strategies-as/sma-cross.ts', 'data/GOOG.csv', 'templates/strategy/src/strategy.ts', 'docs/schema/error@1.json']) expect(files).toContain(f);
    // TypeScript only where it is meant as such: declarations, the AssemblyScript SDK, example strategies, init's template.
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !/^(guest-sdk|strategies-as|templates\/strategy\/src)\/[^/]+\.ts$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^(test|bench|scripts|node_modules|runs|\.backproof)\/|\.wasm$|\.build\.json$|\.png$|^tsconfig|package-lock/.test(f))).toEqual([]);
    // Every compiled module has its declaration file.
    const js = files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(50);
    expect(js.filter((f) => !files.includes(f.replace(/\.js$/, '.d.ts')))).toEqual([]);
    // The compiled modules import compiled modules (.js), statically and dynamically, never the .ts sources that are not shipped.
    const source = (f: string) => readFileSync(path.join(project, 'node_modules/backproof', f), 'utf8');
    expect(source('dist/host/cli/main.js')).toMatch(/from "\.\.\/index\.js"/);
    expect(source('dist/host/run/worker.js')).toMatch(/import\("\.\/execute\.js"\)/);
    expect(js.filter((f) => /(?:from|import\()\s*["']\.{1,2}\/[^"']*\.ts["']/.test(source(f)))).toEqual([]);
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

  it('init, keygen, build, backtest, report and verify in the user folder: the same result as in the repository', async () => {
    const init = backproof('init');
    expect(init.code, init.err).toBe(0);
    for (const f of ['src/strategy.ts', 'data/GOOG.csv', 'test/strategy.test.mjs', 'asconfig.json', 'tsconfig.json', 'README.md', '.gitignore']) {
      expect(existsSync(path.join(project, f)), f).toBe(true);
    }
    const pkg = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('my-strategies');
    expect(pkg.allowScripts).toEqual({ node: true });
    expect(pkg.dependencies.backproof).toBe(`file:../${path.basename(tarball)}`); // what npm i wrote, kept
    expect(await readFile(path.join(project, 'src/strategy.ts'), 'utf8')).toMatch(/^import \{[^}]+\} from "backproof\/guest-sdk";$/m);

    expect(backproof('keygen').code).toBe(0);
    const build = backproof('build', 'src/strategy.ts');
    expect(build.code, build.err).toBe(0);
    expect(build.out).toMatch(/^built src\/strategy\.wasm \(\d+ bytes, sha256 [0-9a-f]{64}\)/);

    const bt = backproof('backtest', '--strategy', 'src/strategy.ts', '--data', 'data/GOOG.csv', '--commission', '0.002', '--out', 'runs/first', '--no-report', '--csv', 'trades');
    expect(bt.code, bt.err).toBe(0);
    expect(bt.out).toMatch(/record +signed by key [0-9a-f]{16}/);
    const record = JSON.parse(await readFile(path.join(project, 'runs/first/record.json'), 'utf8'));
    expect(record.signed).toBe(true);
    // The sources it was built from, named package-relatively: the strategy's and the installed SDK's.
    const sources = readdirSync(path.join(project, 'runs/first/sources'), { recursive: true, encoding: 'utf8' });
    expect(sources).toContain('strategy.ts');
    expect(sources).toContain(path.join('node_modules', 'backproof', 'guest-sdk', 'index.ts'));

    // The same module and data run by this repository's .ts sources (in-process) give the same numbers.
    const here = path.join(work, 'repo-run');
    const ref = await cli('backtest', '--strategy', path.join(project, 'src/strategy.wasm'), '--data', 'data/GOOG.csv', '--commission', '0.002', '--out', here, '--unsigned', '--quiet', '--no-report', '--csv', 'trades');
    expect(ref.code, ref.err).toBe(0);
    const stats = await readFile(path.join(project, 'runs/first/stats.json'), 'utf8');
    expect(JSON.parse(stats).trades).toBe(93);
    expect(stats).toBe(await readFile(path.join(here, 'stats.json'), 'utf8'));
    expect(await readFile(path.join(project, 'runs/first/trades.csv'), 'utf8')).toBe(await readFile(path.join(here, 'trades.csv'), 'utf8'));

    const report = backproof('report', 'runs/first', '--out', 'first.html');
    expect(report.code, report.err).toBe(0);
    const html = await readFile(path.join(project, 'first.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain(/trace root +([0-9a-f]{64})/.exec(bt.out)![1]); // the audit panel
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=["']?https?:/i); // self-contained: nothing to fetch

    const ok = backproof('verify', 'runs/first', '--pubkey', '.backproof/backproof.pub');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^OK run [0-9a-f]{16}: record → signature → chain → config → strategy → data → trace → result/);
    // ... and verify is no rubber stamp here either: a flipped byte of the result fails it (exit 5).
    const result = path.join(project, 'runs/first/result.pb');
    const bytes = await readFile(result);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    await writeFile(result, bytes);
    expect(backproof('verify', 'runs/first', '--pubkey', '.backproof/backproof.pub').code).toBe(5);
  }, 180_000);

  it("the project's own npm test passes: it backtests the example through the library imported by package name", () => {
    const t = run('npm', ['test'], project);
    expect(t.code, t.out + t.err).toBe(0);
    expect(t.out).toMatch(/^✔ SMA\(10\/20\) crossover on GOOG: 93 trades/m);
    expect(t.out).toMatch(/^ℹ fail 0$/m);
  }, 120_000);

  it('the library is imported by package name, with its declarations', () => {
    const node = path.join(project, 'node_modules', '.bin', 'node');
    const r = run(node, ['--input-type=module', '-e', `
      const m = await import('backproof');
      const t = await import('backproof/traces');
      console.log(typeof m.backtest, typeof m.verifyRun, typeof t.sha256);`], project);
    expect(r).toEqual({ code: 0, out: 'function function function\n', err: '' });
  });

  // Where the shell's Node is too old to run it (this machine's and CI's system Node is 20): without the "node"
  // package's binary (what npm 12 leaves when the install script is not allowed) the launcher says what to do.
  const systemNode = spawnSync('node', ['-p', 'process.versions.node'], { env: { ...process.env, PATH: userPath }, encoding: 'utf8' }).stdout.trim();
  const [major = 0, minor = 0] = systemNode.split('.').map(Number);
  it.skipIf(!systemNode || major > 22 || (major === 22 && minor >= 2))(`on the system Node ${systemNode}, without the bundled Node binary: a clear error, exit 1`, async () => {
    const binary = path.join(project, 'node_modules', 'node', 'bin', 'node');
    await rename(binary, `${binary}.away`);
    try {
      expect(run(path.join(project, 'node_modules', '.bin', 'backproof'), ['--version'], project)).toEqual({
        code: 1,
        out: '',
        err: `backproof: Node ${systemNode} cannot run it and the Node of the npm "node" package was not found; install Node >= 22.2, ` +
          'or reinstall backproof with install scripts allowed (the "node" package downloads its binary in one)\n',
      });
    } finally {
      await rename(`${binary}.away`, binary);
    }
  });

  // TUTORIAL §7: a script importing the package, run with the shell's plain `node` (20 here), gets the UsageError
  // saying so, not a SyntaxError from linking (a named import of a Node 21+ export failed before any check ran).
  it.skipIf(!systemNode || major > 22 || (major === 22 && minor >= 2))(`a script importing the package on the system Node ${systemNode}: the UsageError saying so`, async () => {
    await writeFile(path.join(project, 'old-node.mjs'),
      "import { backtest } from 'backproof';\ntry { await backtest({ strategy: 'src/strategy.ts', data: 'data/GOOG.csv' }); } catch (e) { console.log(e.name, e.code); console.log(e.message); process.exit(2); }\n");
    expect(run('node', ['old-node.mjs'], project)).toEqual({
      code: 2,
      out: `UsageError USAGE\nbackproof needs Node >= 22.2, and this is Node ${systemNode}: run the script on the Node 24 that came with backproof ("npx node script.mjs"), or upgrade Node\n`,
      err: '',
    });
  });

  it('its declarations type-check a program using it; a wrong use is a type error', async () => {
    // Files of the user's project: 'backproof' resolves from its node_modules (through "exports" and "types").
    // @types/node is the repository's (a user installs their own). One tsc run over a right and a wrong use; the
    // .d.ts themselves are not re-checked (skipLibCheck: 4 s less), tsc emitted them from checked sources on prepack.
    const dir = path.join(project, 'typecheck');
    await mkdir(dir);
    const head = `import { backtest, verify } from 'backproof';\nimport { sha256 } from 'backproof/traces';\nconst run = await backtest({ strategy: 's.ts', data: 'd.csv', params: { fast: 10 } });\n`;
    await writeFile(path.join(dir, 'good.mts'), `${head}const trades: number = run.stats.trades;\nif (run.dir) console.log(trades, (await verify(run.dir)).runId, sha256(new Uint8Array(1)));\n`);
    await writeFile(path.join(dir, 'bad.mts'), `${head}const trades: string = run.stats.trades;\nconsole.log(trades);\n`);
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'es2023', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true,
        types: ['node'], typeRoots: [path.join(repo, 'node_modules', '@types')] },
      files: ['good.mts', 'bad.mts'],
    }));
    const tsc = run(path.join(repo, 'node_modules', '.bin', 'node'), [path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], project);
    expect(tsc).toEqual({ code: 2, out: "typecheck/bad.mts(4,7): error TS2322: Type 'number' is not assignable to type 'string'.\n", err: '' });
  });
});
