// backproof init: the project it writes (files, package.json, data, the same bytes every time), the folders it
// refuses (not empty, a file, a package.json that disagrees) leaving them as they were; and docs/TUTORIAL.md run as
// written in a folder where backproof is installed (linked to this repository): init, npm test (node --test through
// the programmatic API), the edit and its failing test, build (plain asc: the same bytes before the provenance stamp), keygen, backtest, report,
// verify, a changed file, replay, the sweep script, each printing what the tutorial shows; and the editor's view
// (tsc over the project's tsconfig).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';

const REPO = process.cwd();
const VERSION = (JSON.parse(await readFile('package.json', 'utf8')) as { version: string }).version;
const BIN = path.join(REPO, 'node_modules', '.bin');
/** Node 24 and the repo's bins (asc, tsc) first, as npm scripts put the project's node_modules/.bin first. */
const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${BIN}${path.delimiter}${process.env.PATH}` };
delete env.VITEST;

const FILES = [
  '.gitignore', 'README.md', 'asconfig.json', 'data/GOOG.csv', 'data/PROVENANCE.md', 'package.json', 'src/strategy.ts',
  'test/strategy.test.mjs', 'tsconfig.json',
];

/** What npm 11's `npm init -y` writes in a folder named npm-init (npm 11.19.1). */
const NPM_INIT = {
  name: 'npm-init', version: '1.0.0', description: '', main: 'index.js',
  scripts: { test: 'echo "Error: no test specified" && exit 1' },
  keywords: [], author: '', license: 'ISC', type: 'commonjs',
};

/** Every file under dir (not node_modules), relative, forward slashes, sorted. */
async function tree(dir: string, under = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory()) { if (rel !== 'node_modules') out.push(...await tree(dir, rel)); } else out.push(rel);
  }
  return out.sort();
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-init-'));
});
// (rm follows no link: the projects' node_modules links into this repository are removed, not what they name)
afterAll(() => rm(work, { recursive: true, force: true }));

describe('backproof init', () => {
  it('writes the project: these files, this package.json, GOOG.csv byte for byte, the same bytes every time', async () => {
    const dir = path.join(work, 'a', 'My Strategy');
    const r = await cli('init', dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote a strategy project into ${dir} (backproof ${VERSION}):\n  .gitignore\n  README.md\n`);
    expect(await tree(dir)).toEqual(FILES);
    expect(JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'))).toEqual({
      name: 'my-strategy', version: '0.1.0', private: true, description: 'A trading strategy backtested with Backproof', type: 'module',
      scripts: {
        build: 'backproof build src/strategy.ts',
        backtest: 'backproof backtest --strategy src/strategy.ts --data data/GOOG.csv --param fast=10 --param slow=20 --force',
        test: 'node --test "test/**/*.test.mjs"',
      },
      dependencies: { backproof: `^${VERSION}` },
      allowScripts: { node: true },
    });
    const goog = await readFile('data/GOOG.csv');
    expect(await readFile(path.join(dir, 'data/GOOG.csv'))).toEqual(goog);
    expect(await readFile(path.join(dir, 'data/PROVENANCE.md'), 'utf8')).toContain(`SHA-256 ${createHash('sha256').update(goog).digest('hex')}.`);
    expect(await readFile(path.join(dir, 'src/strategy.ts'), 'utf8')).toContain('from "backproof/guest-sdk";');
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toMatch(/^# my-strategy\n/);
    expect(JSON.parse(await readFile(path.join(dir, 'tsconfig.json'), 'utf8')).extends).toBe('assemblyscript/std/assembly.json');
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^runs\/$[\s\S]*^\.backproof\/$/m);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^sweeps\/\nwf\/$/m); // the sweep and walk-forward --out of the docs' examples
    // Another init of a folder of the same name: the same bytes (nothing depends on the time or the place).
    const again = path.join(work, 'b', 'My Strategy');
    expect((await cli('init', again)).code).toBe(0);
    for (const f of FILES) expect(await readFile(path.join(again, f)), f).toEqual(await readFile(path.join(dir, f)));
  });

  it('with no folder, writes into the current one', async () => {
    const dir = path.join(work, 'here');
    await mkdir(dir);
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/backproof.js'), 'init'], { cwd: dir, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('  cd ');
    expect(r.stdout).toContain('  npm install ');
    expect(await tree(dir)).toEqual(FILES);
  });

  it('refuses a folder that is not empty, naming it and what it holds; writes nothing', async () => {
    const dir = path.join(work, 'busy');
    await mkdir(path.join(dir, 'src'), { recursive: true });
    await writeFile(path.join(dir, 'notes.txt'), 'mine\n');
    const r = await cli('init', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`backproof init: error USAGE: init: folder ${dir} is not empty (it holds notes.txt, src)`);
    expect(await readdir(dir)).toEqual(['notes.txt', 'src']);
    expect(await readdir(path.join(dir, 'src'))).toEqual([]);
  });

  it('refuses a path that is a file', async () => {
    const file = path.join(work, 'file.txt');
    await writeFile(file, 'x');
    const r = await cli('init', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`init: ${file} is a file, not a folder`);
    expect(await readFile(file, 'utf8')).toBe('x');
  });

  it('refuses a folder under a file, and takes no --force', async () => {
    await writeFile(path.join(work, 'file2.txt'), 'x');
    const under = await cli('init', path.join(work, 'file2.txt', 'sub'));
    expect(under.code).toBe(2);
    expect(under.err).toContain(`init: cannot use ${path.join(work, 'file2.txt', 'sub')}: ENOTDIR`);
    const force = await cli('init', path.join(work, 'forced'), '--force');
    expect(force.code).toBe(2);
    expect(force.err).toContain('Unknown option \'--force\'');
  });

  it('completes the package.json of a folder where only "npm i backproof" was run, keeping its backproof spec', async () => {
    const dir = path.join(work, 'installed');
    await mkdir(path.join(dir, 'node_modules', 'backproof'), { recursive: true });
    const mine = { dependencies: { backproof: 'file:../backproof-0.1.0.tgz' } };
    await writeFile(path.join(dir, 'package.json'), JSON.stringify(mine, null, 2) + '\n');
    await writeFile(path.join(dir, 'package-lock.json'), '{}\n');
    const r = await cli('init', dir, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ schema: 'backproof/init@1', dir, backproofVersion: VERSION, files: FILES, packageJsonMerged: true });
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    expect(Object.keys(pkg)).toEqual(['name', 'version', 'private', 'description', 'type', 'scripts', 'dependencies', 'allowScripts']);
    expect(pkg.name).toBe('installed');
    expect(pkg.dependencies).toEqual(mine.dependencies);
    expect(await readFile(path.join(dir, 'package-lock.json'), 'utf8')).toBe('{}\n');
    // Installed already: the next steps skip npm install.
    const again = path.join(work, 'installed-again');
    await mkdir(again);
    await writeFile(path.join(again, 'package.json'), JSON.stringify(mine));
    const text = await cli('init', again);
    expect(text.out).toContain(`wrote a strategy project into ${again} (backproof ${VERSION}, package.json completed):`);
    expect(text.out).not.toContain('npm install');
  });

  it('completes what "npm init -y && npm i backproof" wrote: its "type": "commonjs" kept, its placeholder test script replaced', async () => {
    const dir = path.join(work, 'npm-init');
    await mkdir(dir);
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ ...NPM_INIT, dependencies: { backproof: `^${VERSION}` } }, null, 2) + '\n');
    const r = await cli('init', dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'))).toEqual({
      ...NPM_INIT, name: 'npm-init', private: true,
      scripts: {
        test: 'node --test "test/**/*.test.mjs"',
        build: 'backproof build src/strategy.ts',
        backtest: 'backproof backtest --strategy src/strategy.ts --data data/GOOG.csv --param fast=10 --param slow=20 --force',
      },
      dependencies: { backproof: `^${VERSION}` },
      allowScripts: { node: true },
    });
    // Nothing it wrote depends on the type: the test is an ES module by its name.
    expect(await tree(dir)).toEqual(FILES);
  });

  it('refuses such a package.json when it sets a script otherwise, saying what to do, or when it lacks backproof', async () => {
    const nodeTest = '"node --test \\"test/**/*.test.mjs\\""';
    const cases: [Record<string, unknown>, string][] = [
      [{ dependencies: { backproof: '^0.1.0' }, scripts: { test: 'jest', build: 'tsc' }, type: 'commonjs' },
        `already sets scripts.build, scripts.test to something else (scripts.build is "tsc", init would write "backproof build src/strategy.ts"; scripts.test is "jest", init would write ${nodeTest}); rename or remove them there and run init again, or init into a new folder`],
      [{ dependencies: { lodash: '^4.0.0' } }, 'package.json does not list backproof as a dependency: run "npm i backproof" in '],
      [NPM_INIT, 'package.json does not list backproof as a dependency: run "npm i backproof" in '], // npm init -y, no npm i yet
    ];
    for (const [i, [pkg, message]] of cases.entries()) {
      const dir = path.join(work, `conflict-${i}`);
      await mkdir(dir);
      const text = JSON.stringify(pkg, null, 2) + '\n';
      await writeFile(path.join(dir, 'package.json'), text);
      const r = await cli('init', dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).not.toContain('is not empty');
      expect(await readdir(dir)).toEqual(['package.json']);
      expect(await readFile(path.join(dir, 'package.json'), 'utf8')).toBe(text);
    }
  });
});

describe('docs/TUTORIAL.md, run as written, in a folder where backproof is installed', () => {
  // The tutorial's outputs are its unlabelled fenced blocks, in order; each must appear in what its step prints
  // (line by line, in order; "…" stands for anything, a line of just "…" for lines left out). Each command run
  // here is quoted from the tutorial, so the two cannot drift apart.
  const tutorial = readFileSync('docs/TUTORIAL.md', 'utf8');
  const blocks = [...tutorial.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, text: m[2]! }));
  const outputs = blocks.filter((b) => b.lang === '').map((b) => b.text);
  const quoted = (command: string): string => {
    expect(tutorial, 'the tutorial has this command').toContain(command);
    return command;
  };
  /** The lines of `expected` (a tutorial block) appear in `actual` in order. */
  const shows = (actual: string, expected: string): void => {
    const lines = actual.split('\n');
    let at = 0;
    for (const want of expected.split('\n')) {
      if (want.trim() === '' || want.trim() === '…') continue;
      const re = new RegExp(`^${want.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?')}$`);
      const found = lines.findIndex((l, i) => i >= at && re.test(l));
      expect(found, `"${want}" in:\n${actual}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  };
  let dir: string;
  const sh = (command: string) => spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8', env });

  beforeAll(async () => {
    // What `npm i backproof` leaves: package.json and package-lock.json naming it, node_modules/backproof, and the bins
    // (backproof; node, from the "node" package; asc). The package is this repository: its sources are links into it, so Node
    // runs them as the repository's own files (it strips types only outside node_modules); the SDK is a copy, as npm's.
    dir = path.join(work, 'my-strategy');
    const pkg = path.join(dir, 'node_modules', 'backproof');
    await mkdir(pkg, { recursive: true });
    // npm init -y (npm 11: "type": "commonjs" and a placeholder test script), then npm i backproof.
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ ...NPM_INIT, name: 'my-strategy', dependencies: { backproof: `^${VERSION}` } }, null, 2) + '\n');
    await writeFile(path.join(dir, 'package-lock.json'), JSON.stringify({ name: 'my-strategy', lockfileVersion: 3, requires: true, packages: { 'node_modules/backproof': { version: VERSION } } }, null, 2) + '\n');
    for (const d of ['host', 'traces', 'bin']) await symlink(path.join(REPO, d), path.join(pkg, d));
    await cp('guest-sdk', path.join(pkg, 'guest-sdk'), { recursive: true });
    const manifest = JSON.parse(await readFile('package.json', 'utf8'));
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify({ ...manifest, exports: { '.': './host/index.ts' } }, null, 2));
    await symlink(path.join(REPO, 'node_modules', 'assemblyscript'), path.join(dir, 'node_modules', 'assemblyscript'));
    await mkdir(path.join(dir, 'node_modules', '.bin'));
    await symlink('../backproof/bin/backproof.js', path.join(dir, 'node_modules', '.bin', 'backproof'));
    await symlink(process.execPath, path.join(dir, 'node_modules', '.bin', 'node'));
    await symlink('../assemblyscript/bin/asc.js', path.join(dir, 'node_modules', '.bin', 'asc'));
  });

  it('init, npm test, the long-only edit and its failing test, the pinned figures', async () => {
    const init = sh(quoted('npx backproof init'));
    expect(init.status, init.stderr).toBe(0);
    shows(init.stdout, outputs[0]!);
    const test = sh(quoted('npm test'));
    expect(test.status, test.stdout + test.stderr).toBe(0);
    shows(test.stdout, outputs[1]!);
    // The edit, as the tutorial's diff says.
    const diff = blocks.find((b) => b.lang === 'diff')!.text;
    const [minus, plus] = [/^-(.*)$/m.exec(diff)![1]!, /^\+(.*)$/m.exec(diff)![1]!];
    const source = await readFile(path.join(dir, 'src/strategy.ts'), 'utf8');
    expect(source).toContain(`${minus}\n`);
    await writeFile(path.join(dir, 'src/strategy.ts'), source.replace(`${minus}\n`, `${plus}\n`));
    const failing = sh('npm test');
    expect(failing.status).toBe(1);
    shows(failing.stdout, outputs[2]!);
    // The figures pinned as the tutorial shows them.
    const pinned = blocks.find((b) => b.lang === 'js' && b.text.includes('bars: 2148'))!.text.trimEnd();
    const testFile = path.join(dir, 'test/strategy.test.mjs');
    const before = await readFile(testFile, 'utf8');
    expect(before).toContain("    { bars: 2148, trades: 93, equityFinal: '81812.37' },\n");
    await writeFile(testFile, before.replace("    { bars: 2148, trades: 93, equityFinal: '81812.37' },", pinned));
    // (npm test passes again: the failing run above printed exactly these figures.)
  }, 180_000);

  it('build (and plain asc, the same bytes before the stamp), keygen, backtest, report, verify, a changed file, replay', () => {
    const build = sh(quoted('npx backproof build src/strategy.ts'));
    expect(build.status, build.stderr).toBe(0);
    shows(build.stdout, outputs[3]!);
    // plain asc's module is backproof build's before its provenance stamp (a producers section appended: docs/WIT.md)
    const asc = sh('npx asc --config asconfig.json && cmp -n "$(stat -c %s build/strategy.wasm)" build/strategy.wasm src/strategy.wasm && echo same');
    expect([asc.status, asc.stdout.trim()], asc.stderr).toEqual([0, 'same']);
    const sizes = sh('stat -c %s build/strategy.wasm src/strategy.wasm').stdout.trim().split('\n').map(Number);
    expect(sizes[0]).toBeLessThan(sizes[1]!);
    expect(sh(quoted('npx backproof keygen')).stdout).toBe('wrote .backproof/backproof.key and .backproof/backproof.pub\n');
    // The package.json script runs again and again: each run replaces its runs/<run id> (--force).
    for (const round of [1, 2]) {
      const script = sh(quoted('npm run backtest'));
      expect(script.status, `round ${round}: ${script.stderr}`).toBe(0);
      expect(script.stdout).toMatch(/^run folder    runs\/[0-9a-f]{16}$/m);
    }
    const backtest = sh(quoted('npx backproof backtest --strategy src/strategy.ts --data data/GOOG.csv --param fast=10 --param slow=20 --out runs/first'));
    expect(backtest.status, backtest.stderr).toBe(0);
    shows(backtest.stdout, outputs[4]!);
    const report = sh(quoted('npx backproof report runs/first'));
    expect(report.status, report.stderr).toBe(0);
    shows(report.stdout, outputs[5]!);
    const verify = sh(quoted('npx backproof verify runs/first --pubkey .backproof/backproof.pub'));
    expect(verify.status, verify.stderr).toBe(0);
    shows(verify.stdout, outputs[6]!);
    expect(existsSync(path.join(dir, 'runs/first/trades.csv'))).toBe(false); // written on demand
    expect(sh(quoted('npx backproof export runs/first --trades')).status).toBe(0);
    const tampered = sh(quoted("sed -i 's/^0,/1,/' runs/first/trades.csv && npx backproof verify runs/first"));
    expect(tampered.status).toBe(5);
    shows(tampered.stderr, outputs[7]!);
    expect(sh(quoted("sed -i 's/^1,/0,/' runs/first/trades.csv")).status).toBe(0);
    const replay = sh(quoted('npx backproof replay runs/first'));
    expect(replay.status, replay.stderr).toBe(0);
    expect(replay.stdout).toMatch(/^MATCH trace root [0-9a-f]{64}, result [0-9a-f]{64}$/m);
  }, 180_000);

  it('the script: backtest() and verify() from the package, run with npx node', async () => {
    await writeFile(path.join(dir, 'sweep.mjs'), blocks.find((b) => b.lang === 'js' && b.text.startsWith('// sweep.mjs'))!.text);
    const r = sh(quoted('npx node sweep.mjs'));
    expect(r.status, r.stderr).toBe(0);
    shows(r.stdout, outputs[8]!);
    expect(outputs).toHaveLength(9);
  }, 180_000);

  it('the editor sees AssemblyScript types: tsc over the project\'s tsconfig finds nothing wrong in src/', async () => {
    // A probe using what plain TypeScript does not know: f64, i32, a cast, a decorated method, the SDK's types.
    await writeFile(path.join(dir, 'src/probe.ts'), [
      'import { Bar } from "backproof/guest-sdk";',
      'export class Probe {',
      '  @inline twice(x: f64): f64 { return x * <f64>2; }',
      '  range(bar: Bar): i32 { return <i32>(bar.high - bar.low); }',
      '}',
      '',
    ].join('\n'));
    const r = sh(`${path.join(BIN, 'tsc')} -p tsconfig.json --noEmit`);
    const lines = r.stdout.split('\n').filter((l) => /^\S.*\(\d+,\d+\): error/.test(l));
    // Nothing red anywhere, the SDK included (its @external on functions carries AssemblyScript's own @ts-ignore).
    expect(lines).toEqual([]);
    expect(r.status, r.stdout).toBe(0);
    // Without AssemblyScript's types the probe is red: the check above can fail.
    await writeFile(path.join(dir, 'tsconfig.plain.json'), JSON.stringify({ include: ['src/**/*.ts'], compilerOptions: { experimentalDecorators: true } }));
    const plain = sh(`${path.join(BIN, 'tsc')} -p tsconfig.plain.json --noEmit`);
    expect(plain.stdout).toMatch(/^src\/probe\.ts\(3,\d+\): error TS2304: Cannot find name 'f64'\.$/m);
  }, 120_000);
});
