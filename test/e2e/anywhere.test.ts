// Strategies anywhere: a strategy project outside the repository, with Backproof installed in its
// node_modules and the SDK imported by package name, builds (with plain asc too), runs, verifies,
// rebuilds and replays; the same strategy in two folders of different depths and names gives the same
// module and trace root; the toolchain link records the project's lockfile (beside its nearest
// package.json, or its npm workspace root's), copied into the run folder where verify checks it, or
// "absent" (verify says so, as it does of a lockfile listing no Backproof); a wrong SDK import is a
// build error that says what to write.
import { beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { buildStrategy } from '../../host/build/asc.ts';
import { projectLock } from '../../host/build/project.ts';
import { BuildError } from '../../host/errors.ts';

const REPO = process.cwd();
const GOOG = path.join(REPO, 'data', 'GOOG.csv');
const SDK_FILES = ['abi.ts', 'constants.ts', 'env.ts', 'index.ts', 'indicators.ts', 'runtime.ts', 'strategy.ts'];
const INTEGRITY = 'sha512-' + createHash('sha512').update('backproof-0.1.0.tgz').digest('base64');

/** sma-cross as an author outside the repo writes it: the SDK by package name, a helper by a relative path. */
const STRATEGY = (await readFile('strategies-as/sma-cross.ts', 'utf8'))
  .replace('"../guest-sdk/index"', '"backproof/guest-sdk"')
  .replace('export * from "../guest-sdk/abi";', 'export * from "backproof/guest-sdk/abi";\nimport { FAST } from "./lib/defaults";')
  .replace('param("fast", 10)', 'param("fast", FAST)');
const HELPER = 'export const FAST: i32 = 10;\n';

/** A project as `npm i backproof` leaves it: package.json, package-lock.json, node_modules/backproof with guest-sdk/. */
async function project(root: string, strategyDir: string, lockfile: boolean): Promise<string> {
  const pkg = path.join(root, 'node_modules', 'backproof');
  await mkdir(path.join(pkg, 'guest-sdk'), { recursive: true });
  for (const f of SDK_FILES) await cp(path.join('guest-sdk', f), path.join(pkg, 'guest-sdk', f));
  await writeFile(path.join(pkg, 'package.json'), JSON.stringify({ name: 'backproof', version: '0.1.0' }));
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'my-strategies', dependencies: { backproof: '^0.1.0' } }));
  if (lockfile)
    await writeFile(path.join(root, 'package-lock.json'), JSON.stringify({
      name: 'my-strategies', lockfileVersion: 3, requires: true,
      packages: { '': { name: 'my-strategies', dependencies: { backproof: '^0.1.0' } }, 'node_modules/backproof': { version: '0.1.0', resolved: 'https://registry.npmjs.org/backproof/-/backproof-0.1.0.tgz', integrity: INTEGRITY } },
    }, null, 2));
  const dir = path.join(root, strategyDir);
  await mkdir(path.join(dir, 'lib'), { recursive: true });
  await writeFile(path.join(dir, 'lib', 'defaults.ts'), HELPER);
  await writeFile(path.join(dir, 'strategy.ts'), STRATEGY);
  return path.join(dir, 'strategy.ts');
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const json = async (file: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(file, 'utf8'));
const toolchainOf = async (run: string): Promise<Record<string, unknown>> =>
  ((await json(path.join(run, 'record.json'))).links as { kind: string; body: Record<string, unknown> }[])[0]!.body;

let work: string;
let a: string; // <work>/a/strategy.ts
let b: string; // <work>/x/deeper/other-name/src/strategy.ts, its project root three folders up from work
let bare: string; // a project without a lockfile
const NAMES = ['strategy.ts', 'lib/defaults.ts', ...SDK_FILES.map((f) => `node_modules/backproof/guest-sdk/${f}`)];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-anywhere-'));
  a = await project(path.join(work, 'a'), '.', true);
  b = await project(path.join(work, 'x', 'deeper', 'other-name'), 'src', true);
  bare = await project(path.join(work, 'bare'), '.', false);
});

describe('a strategy project outside the repository', () => {
  it('builds by package name, names its sources package-relatively, and two folders give one module', async () => {
    const [ba, bb] = [await buildStrategy(a), await buildStrategy(b)];
    expect(ba.sources.map((s) => s.path)).toEqual(NAMES);
    expect(bb.sources.map((s) => s.path)).toEqual(NAMES);
    expect(sha(ba.wasm)).toBe(sha(bb.wasm));
    expect(ba.sources.map((s) => s.sha256)).toEqual(bb.sources.map((s) => s.sha256));
    // The SDK files are the project's installed copy, byte for byte.
    for (const f of SDK_FILES) expect(ba.sources.find((s) => s.path.endsWith(`/${f}`))!.text).toBe(await readFile(path.join('guest-sdk', f), 'utf8'));
    const lockBytes = new Uint8Array(await readFile(path.join(work, 'a', 'package-lock.json')));
    expect(ba.lock).toEqual({ lockfile: 'package-lock.json', lockfileSha256: new Uint8Array(createHash('sha256').update(lockBytes).digest()), installedBackproof: '0.1.0', installedIntegrity: INTEGRITY, bytes: lockBytes, from: path.join(work, 'a', 'package-lock.json') });
  }, 120_000);

  it('with no node_modules/backproof around it, the SDK is the running Backproof\'s: the same names and module', async () => {
    const alone = path.join(work, 'alone', 'deep');
    await mkdir(path.join(alone, 'lib'), { recursive: true });
    await writeFile(path.join(alone, 'lib', 'defaults.ts'), HELPER);
    await writeFile(path.join(alone, 'strategy.ts'), STRATEGY);
    const [built, installed] = [await buildStrategy(path.join(alone, 'strategy.ts')), await buildStrategy(a)];
    expect(built.sources.map((s) => s.path)).toEqual(NAMES);
    expect(sha(built.wasm)).toBe(sha(installed.wasm));
  }, 120_000);

  it('builds with plain asc in the project (the package layout asc resolves: node_modules/backproof/guest-sdk/index.ts)', () => {
    const asc = path.join(REPO, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
    const r = spawnSync(process.execPath, [asc, 'strategy.ts', '--runtime', 'incremental', '--exportStart', 'init', '-o', 'plain.wasm'], { cwd: path.join(work, 'a'), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(path.join(work, 'a', 'plain.wasm'))).toBe(true);
  }, 120_000);

  it('backtest, verify --rebuild and replay work from both folders, with the same module and trace root', async () => {
    const runs = [path.join(work, 'run-a'), path.join(work, 'run-b')];
    for (const [i, s] of [a, b].entries()) {
      const r = await cli('backtest', '--strategy', s, '--data', GOOG, '--out', runs[i]!, '--unsigned');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
    const ra = await json(path.join(runs[0]!, 'record.json')), rb = await json(path.join(runs[1]!, 'record.json'));
    const links = (r: Record<string, unknown>): { kind: string; body: Record<string, unknown> }[] => r.links as never;
    expect(links(ra)[1]!.body.wasmSha256).toBe(links(rb)[1]!.body.wasmSha256);
    expect(links(ra)[4]!.body.root).toBe(links(rb)[4]!.body.root);
    expect(ra.runId).toBe(rb.runId);
    expect(ra.version).toBe(3);
    // sources/ holds every file of the build under its recorded name, and nothing else.
    const listed = async (d: string): Promise<string[]> => (await readdir(d, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(d, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
    expect(await listed(path.join(runs[0]!, 'sources'))).toEqual([...NAMES].sort());
    expect((links(ra)[1]!.body.sources as { path: string }[]).map((s) => s.path)).toEqual(NAMES);
    // The project's lockfile, and the Backproof it installed.
    expect(await toolchainOf(runs[1]!)).toMatchObject({
      lockfile: 'package-lock.json', lockfileSha256: sha(await readFile(path.join(work, 'x', 'deeper', 'other-name', 'package-lock.json'))),
      installedBackproof: '0.1.0', installedIntegrity: INTEGRITY,
    });
    // ... copied byte for byte into the run folder, where verify checks it against that hash.
    expect(await readFile(path.join(runs[1]!, 'package-lock.json'))).toEqual(await readFile(path.join(work, 'x', 'deeper', 'other-name', 'package-lock.json')));
    const v = await cli('verify', runs[1]!, '--rebuild', '--strict');
    expect(v.err).toBe('');
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/strategy → rebuild → data/);
    expect(v.out).not.toMatch(/UNVERIFIED/);
    // The copy edited after the run, or removed: verify fails at the lockfile, naming it.
    const edited = path.join(work, 'run-b-edited'), removed = path.join(work, 'run-b-removed');
    await cp(runs[1]!, edited, { recursive: true });
    await cp(runs[1]!, removed, { recursive: true });
    const lockText = await readFile(path.join(edited, 'package-lock.json'), 'utf8');
    await writeFile(path.join(edited, 'package-lock.json'), lockText.replace('"version": "0.1.0"', '"version": "0.1.1"'));
    const ve = await cli('verify', edited, '--rebuild', '--strict');
    expect(ve.code).toBe(5);
    expect(ve.err).toContain(`VERIFY_FAILED [lockfile]: SHA-256 of package-lock.json is ${sha(Buffer.from(lockText.replace('"version": "0.1.0"', '"version": "0.1.1"')))}, the record says ${sha(Buffer.from(lockText))}`);
    await rm(path.join(removed, 'package-lock.json'));
    const vr = await cli('verify', removed);
    expect(vr.code).toBe(5);
    expect(vr.err).toContain(`VERIFY_FAILED [lockfile]: package-lock.json is missing from run folder ${removed}`);
    const replay = await cli('replay', runs[0]!);
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/^MATCH trace root/);
  }, 300_000);

  it('no lockfile above the strategy: recorded as absent, verify names it UNVERIFIED and --strict fails', async () => {
    // Holds only if no folder above the temporary folder has a package-lock.json (the lookup walks up to /).
    const above: string[] = [];
    for (let d = path.dirname(path.dirname(bare)); path.dirname(d) !== d; d = path.dirname(d)) above.push(path.join(d, 'package-lock.json'));
    expect(above.filter((f) => existsSync(f))).toEqual([]);
    expect(projectLock(bare)).toEqual({ lockfile: 'absent', lockfileSha256: new Uint8Array(0), installedBackproof: '', installedIntegrity: '' });
    const run = path.join(work, 'run-bare');
    expect((await cli('backtest', '--strategy', bare, '--data', GOOG, '--out', run, '--unsigned')).code).toBe(0);
    expect(await toolchainOf(run)).toMatchObject({ lockfile: 'absent', lockfileSha256: '', installedBackproof: '', installedIntegrity: '' });
    const v = await cli('verify', run);
    expect(v.code).toBe(0);
    expect(v.out).toContain('UNVERIFIED lockfile: the toolchain link records no lockfile (the strategy\'s project had no package-lock.json: none beside its nearest package.json, nor at an npm workspace root listing it): the packages that built and ran the strategy are not pinned (--strict fails on it)');
    const strict = await cli('verify', run, '--strict');
    expect(strict.code).toBe(5);
    expect(strict.err).toMatch(/VERIFY_FAILED \[files\].*unverified under --strict: lockfile \(the toolchain link records no lockfile/);
  }, 300_000);

  it('a sweep of a strategy with no lockfile: verify says once that the runs\' toolchain pins none (tester D4: "runs/0000/lockfile: nothing in the sweep binds it" for every run)', async () => {
    const out = path.join(work, 'sweep-bare');
    expect((await cli('sweep', '--strategy', bare, '--data', GOOG, '--grid', 'fast=5,10', '--grid', 'slow=30', '--objective', 'sharpe', '--unsigned', '--workers', '1', '--out', out)).code).toBe(0);
    const why = 'the toolchain link records no lockfile (the strategy\'s project had no package-lock.json: none beside its nearest package.json, nor at an npm workspace root listing it): the packages that built and ran the strategy are not pinned (every run)';
    const v = await cli('verify', out);
    expect(v.code).toBe(0);
    expect(v.out.split('\n').filter((l) => l.startsWith('UNVERIFIED'))).toEqual([`UNVERIFIED lockfile: ${why} (--strict fails on it)`]);
    const json = await cli('verify', out, '--json');
    expect(JSON.parse(json.out).unverified).toEqual(['lockfile']);
    const strict = await cli('verify', out, '--strict', '--json');
    expect(strict.code).toBe(5);
    expect(JSON.parse(strict.out)).toMatchObject({ code: 'VERIFY_FAILED', step: 'files', message: `unverified under --strict: lockfile (${why})` });
  }, 300_000);

  it('an unrelated lockfile above the project is not taken; one beside the nearest package.json that lists no Backproof is UNVERIFIED', async () => {
    const parent = path.join(work, 'parent');
    const strategy = await project(path.join(parent, 'proj'), '.', false);
    await mkdir(parent, { recursive: true });
    await writeFile(path.join(parent, 'package.json'), JSON.stringify({ name: 'unrelated' }));
    const unrelated = JSON.stringify({ name: 'unrelated', lockfileVersion: 3, requires: true, packages: { '': { name: 'unrelated' }, 'node_modules/left-pad': { version: '1.3.0' } } }, null, 2);
    await writeFile(path.join(parent, 'package-lock.json'), unrelated);
    // proj has its own package.json: the parent's lockfile does not list proj, so proj has none.
    expect(projectLock(strategy)).toEqual({ lockfile: 'absent', lockfileSha256: new Uint8Array(0), installedBackproof: '', installedIntegrity: '' });
    // Without it, the nearest package.json is the parent's and its lockfile is taken: verify says it lists no Backproof.
    await rm(path.join(parent, 'proj', 'package.json'));
    expect(projectLock(strategy)).toMatchObject({ lockfile: 'package-lock.json', lockfileSha256: new Uint8Array(createHash('sha256').update(unrelated).digest()), installedBackproof: '', installedIntegrity: '', from: path.join(parent, 'package-lock.json') });
    const run = path.join(work, 'run-unrelated');
    expect((await cli('backtest', '--strategy', strategy, '--data', GOOG, '--out', run, '--unsigned')).code).toBe(0);
    expect(await readFile(path.join(run, 'package-lock.json'), 'utf8')).toBe(unrelated);
    const v = await cli('verify', run);
    expect(v.code).toBe(0);
    expect(v.out).toContain('UNVERIFIED package-lock.json: the lockfile does not list backproof: it may not be this project\'s (--strict fails on it)');
    const strict = await cli('verify', run, '--strict');
    expect(strict.code).toBe(5);
    expect(strict.err).toMatch(/VERIFY_FAILED \[files\].*unverified under --strict: package-lock.json \(the lockfile does not list backproof/);
  }, 300_000);

  it('an npm workspace member takes the workspace root\'s lockfile, which lists its folder', async () => {
    const ws = path.join(work, 'ws');
    const strategy = await project(path.join(ws, 'packages', 's'), 'src', false);
    await writeFile(path.join(ws, 'package.json'), JSON.stringify({ name: 'ws', workspaces: ['packages/*'] }));
    const lock = JSON.stringify({ name: 'ws', lockfileVersion: 3, requires: true, packages: {
      '': { name: 'ws', workspaces: ['packages/*'] }, 'node_modules/my-strategies': { resolved: 'packages/s', link: true },
      'node_modules/backproof': { version: '0.1.0', integrity: INTEGRITY }, 'packages/s': { name: 'my-strategies', dependencies: { backproof: '^0.1.0' } },
    } }, null, 2);
    await writeFile(path.join(ws, 'package-lock.json'), lock);
    expect(projectLock(strategy)).toMatchObject({ lockfile: 'package-lock.json', lockfileSha256: new Uint8Array(createHash('sha256').update(lock).digest()), installedBackproof: '0.1.0', installedIntegrity: INTEGRITY, from: path.join(ws, 'package-lock.json') });
  });
});

describe('a strategy importing the SDK by a wrong path', () => {
  const WRONG: [string, string][] = [['backproof/sdk', 'sdk'], ['../guest-sdk', 'relative'], ['backproof', 'bare']];
  it.each(WRONG)('"%s" is BUILD_FAILED at its file:line:column, saying what to write (exit 6)', async (spec, name) => {
    const file = path.join(work, 'a', `${name}.ts`);
    await writeFile(file, STRATEGY.replace('"backproof/guest-sdk"', `"${spec}"`));
    const col = STRATEGY.split('\n')[1]!.indexOf('"backproof/guest-sdk"') + 1;
    const expected = `${file}:2:${col}: no Backproof SDK at "${spec}": import it by its package name, \`import { Strategy, Bar, param, run } from "backproof/guest-sdk"\` (and \`export * from "backproof/guest-sdk/abi"\` for the ABI exports)`;
    const e = await buildStrategy(file).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BuildError);
    expect((e as BuildError).code).toBe('BUILD_FAILED');
    expect((e as BuildError).message.split('\n')[0]).toBe(expected);
    const r = await cli('build', file, '--out', path.join(work, `${name}.wasm`));
    expect(r.code).toBe(6);
    expect(r.err).toContain(expected);
  }, 120_000);
});
