/**
 * @module cli/init
 * `backproof init [dir]`: a strategy project to start from — package.json depending on this
 * backproof, asconfig.json (plain `npx asc` builds it too), tsconfig.json over AssemblyScript's
 * types (for the editor), an example strategy importing the SDK by package name, a copy of
 * data/GOOG.csv with its provenance, a node:test test that backtests the example through the
 * programmatic API, a README and a .gitignore. The files are templates/strategy/ plus what is
 * generated here; nothing in them depends on the time, so two inits give the same bytes.
 *
 * It writes only into a folder that is missing or empty, or one that holds nothing but what
 * `npm i backproof` leaves (package.json, package-lock.json, node_modules/): then package.json is
 * kept and only given the fields it lacks (a field it has with another value is refused, but for
 * "type", which the project does not need: its test and scripts are .mjs, so "commonjs" from
 * `npm init -y` is fine, and for npm init's placeholder test script, which is replaced). Files
 * are written into a staging folder first and moved in at the end, so a refusal or a failure
 * leaves the folder as it was.
 */
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, UsageError, backproofVersion, packageFile } from '../index.ts';
import type { CommandSpec } from './command.ts';

/** The template's folder in the package (shipped with it: package.json "files"). */
const TEMPLATE = 'templates/strategy/';
/** Template files whose names npm would not ship as they are: written under their real name. */
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };
/** What `npm i backproof` leaves in an empty folder: init may add to it. */
const NPM_FILES = new Set(['package.json', 'package-lock.json', 'node_modules']);

/** The test script `npm init` writes: a placeholder, replaced as if unset. */
const NPM_INIT_TEST = 'echo "Error: no test specified" && exit 1';

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code;

/** A valid npm package name from a folder's name (lowercase, URL-safe characters, no leading dot or underscore). */
export function projectName(dir: string): string {
  const base = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[._-]+|-+$/g, '');
  return base.slice(0, 214) || 'strategy';
}

/** The template's files, as paths relative to it with forward slashes, in byte order. */
async function templateFiles(root: string, under = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(root, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...await templateFiles(root, rel));
    else out.push(rel);
  }
  return out.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** The project's package.json fields, in the order they print. */
function packageFields(name: string, version: string): Record<string, unknown> {
  return {
    name,
    version: '0.1.0',
    private: true,
    description: 'A trading strategy backtested with Backproof',
    type: 'module',
    scripts: {
      build: 'backproof build src/strategy.ts',
      // --force: rerunnable; the run goes to runs/<run id>, which only this run can fill (--force replaces only a run folder).
      backtest: 'backproof backtest --strategy src/strategy.ts --data data/GOOG.csv --param fast=10 --param slow=20 --force',
      // only test/'s test files: a bare `node --test` also runs every .ts under any folder named test/, a run's sources among them
      test: 'node --test "test/**/*.test.mjs"',
    },
    dependencies: { backproof: `^${version}` },
    // The "node" package (Node 24, a dependency of backproof) downloads its binary in an install script: npm 12 runs it only if allowed.
    allowScripts: { node: true },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * package.json for the project: ours, or the one `npm i backproof` wrote completed with the fields it
 * lacks (its backproof dependency is kept as npm wrote it, e.g. a tarball's file: spec). A field or
 * script it sets to another value is reported as a conflict; name, version, description and type are its own
 * (nothing init writes depends on the type), and npm init's placeholder test script counts as unset.
 */
function mergePackage(existing: Record<string, unknown> | null, ours: Record<string, unknown>): { json: Record<string, unknown>; conflicts: string[] } {
  if (!existing) return { json: ours, conflicts: [] };
  const json: Record<string, unknown> = {};
  const conflicts: string[] = [];
  for (const [k, v] of Object.entries(ours)) {
    const have = existing[k];
    if (k === 'dependencies') { if (have !== undefined) json[k] = have; } // it lists backproof already (checkTarget)
    else if (have === undefined) json[k] = v;
    else if (k === 'name' || k === 'version' || k === 'description' || k === 'type') json[k] = have;
    else if (isObject(v) && isObject(have)) {
      const merged: Record<string, unknown> = { ...have };
      for (const [sk, sv] of Object.entries(v)) {
        if (have[sk] === undefined || (k === 'scripts' && sk === 'test' && have[sk] === NPM_INIT_TEST)) merged[sk] = sv;
        else if (have[sk] !== sv) conflicts.push(`${k}.${sk}`);
      }
      json[k] = merged;
    } else if (have !== v) conflicts.push(k);
    else json[k] = have;
  }
  for (const [k, v] of Object.entries(existing)) if (!(k in json)) json[k] = v;
  return { json, conflicts };
}

/** `word` as one POSIX shell word: as is when it holds only characters no shell treats specially, else single-quoted. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** The target folder: missing, empty, or holding only what npm left; its package.json, if any. */
async function checkTarget(dir: string): Promise<{ exists: boolean; pkg: Record<string, unknown> | null }> {
  const st = await stat(dir).catch((e) => {
    if (errno(e) === 'ENOENT') return null;
    throw new UsageError('USAGE', `init: cannot use ${dir}: ${errno(e) ?? (e as Error).message}`, { cause: e });
  });
  if (!st) return { exists: false, pkg: null };
  if (!st.isDirectory()) throw new UsageError('USAGE', `init: ${dir} is a file, not a folder; name a new or empty folder`);
  const entries = (await readdir(dir)).sort();
  if (entries.length === 0) return { exists: true, pkg: null };
  const others = entries.filter((e) => !NPM_FILES.has(e));
  let pkg: Record<string, unknown> | null = null;
  if (others.length === 0 && entries.includes('package.json')) {
    const file = path.join(dir, 'package.json');
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new UsageError('USAGE', `init: ${file} is not JSON (${(e as Error).message}); mend it or remove it, then init again`, { cause: e });
    }
    if (!isObject(parsed)) throw new UsageError('USAGE', `init: ${file} is not a JSON object; mend it or remove it, then init again`);
    pkg = parsed;
  }
  const installed = pkg && ['dependencies', 'devDependencies'].some((k) => isObject(pkg![k]) && typeof (pkg![k] as Record<string, unknown>).backproof === 'string');
  if (pkg && !installed)
    throw new UsageError('USAGE', `init: ${path.join(dir, 'package.json')} does not list backproof as a dependency: run "npm i backproof" in ${dir} first, then init again; or init into a new folder ("npx backproof init my-strategy")`);
  if (!installed) {
    const shown = entries.slice(0, 10).join(', ') + (entries.length > 10 ? `, ... (${entries.length} entries)` : '');
    throw new UsageError('USAGE', `init: folder ${dir} is not empty (it holds ${shown}); name a new or empty folder, or one where only "npm i backproof" was run`);
  }
  return { exists: true, pkg };
}

export interface Scaffold {
  dir: string;
  backproofVersion: string;
  /** Every file written, relative to dir, forward slashes, in byte order. */
  files: string[];
  /** True when an existing package.json (from npm i backproof) was kept and completed. */
  packageJsonMerged: boolean;
}

/** Writes the project into `dir` (see the module comment). Throws UsageError, leaving `dir` as it was, when it may not. */
export async function scaffold(dir: string): Promise<Scaffold> {
  const { exists, pkg } = await checkTarget(dir);
  const version = backproofVersion();
  const ours = packageFields(projectName(dir), version);
  const { json, conflicts } = mergePackage(pkg, ours);
  if (conflicts.length > 0) {
    const value = (from: Record<string, unknown>, at: string): string => JSON.stringify(at.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], from));
    const each = conflicts.map((c) => `${c} is ${value(pkg!, c)}, init would write ${value(ours, c)}`).join('; ');
    throw new UsageError('USAGE', `init: ${path.join(dir, 'package.json')} already sets ${conflicts.join(', ')} to something else (${each}); rename or remove ${conflicts.length === 1 ? 'it' : 'them'} there and run init again, or init into a new folder`);
  }

  const files = new Map<string, string | Uint8Array>();
  const template = fileURLToPath(packageFile(TEMPLATE));
  for (const rel of await templateFiles(template)) {
    const text = await readFile(path.join(template, ...rel.split('/')), 'utf8');
    files.set(RENAMED[rel] ?? rel, text.replaceAll('{{name}}', String(json.name ?? projectName(dir))).replaceAll('{{version}}', version));
  }
  const goog = new Uint8Array(await readFile(packageFile('data/GOOG.csv')));
  files.set('data/GOOG.csv', goog);
  files.set('data/PROVENANCE.md', [
    '# Provenance',
    '',
    `GOOG.csv: copied byte for byte by \`backproof init\` from backproof ${version} (its data/GOOG.csv), which is`,
    'kernc/backtesting.py\'s test data (backtesting/test/GOOG.csv): 2,148 daily bars of Google (GOOG),',
    '2004-08-19 to 2013-03-01, unadjusted for splits.',
    `SHA-256 ${createHash('sha256').update(goog).digest('hex')}.`,
    '',
  ].join('\n'));
  files.set('package.json', JSON.stringify(json, null, 2) + '\n');
  const names = [...files.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

  // Staged inside the target (same file system), then each top-level entry moved in; package.json last.
  await mkdir(dir, { recursive: true }).catch((e) => Promise.reject(new UsageError('USAGE', `init: cannot create ${dir}: ${errno(e) ?? (e as Error).message}`, { cause: e })));
  const staging = path.join(dir, `.backproof-init-${process.pid}`);
  const moved: string[] = [];
  try {
    for (const name of names) {
      const target = path.join(staging, ...name.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, files.get(name)!);
    }
    const top = [...new Set(names.map((n) => n.split('/')[0]!))].sort((a, b) => (a === 'package.json' ? 1 : b === 'package.json' ? -1 : 0));
    for (const entry of top) {
      await rename(path.join(staging, entry), path.join(dir, entry));
      moved.push(entry);
    }
    await rmdir(staging);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    if (!exists) await rm(dir, { recursive: true, force: true });
    else for (const entry of moved) if (entry !== 'package.json') await rm(path.join(dir, entry), { recursive: true, force: true });
    if (['EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes(errno(e) ?? '')) throw new UsageError('USAGE', `init: cannot write into ${dir}: ${errno(e)}`, { cause: e });
    throw e;
  }
  return { dir, backproofVersion: version, files: names, packageJsonMerged: pkg !== null };
}

export const init: CommandSpec = {
  name: 'init',
  summary: 'start a strategy project: example strategy, data, test, configs',
  usage: '[dir]',
  about: `Writes a strategy project into DIR (default: the current folder): package.json (depending on this
backproof), asconfig.json, tsconfig.json (AssemblyScript's types, for the editor), src/strategy.ts (an
SMA crossover importing "backproof/guest-sdk"), data/GOOG.csv with its provenance, test/strategy.test.mjs
(npm test: backtests the example and checks its result), README.md and .gitignore.
DIR must be missing or empty, or hold only what "npm i backproof" left (package.json, package-lock.json,
node_modules/): then package.json keeps what it has (its "type" too: "npm init -y" is fine) and gains the
fields it lacks; npm init's placeholder test script is replaced. Nothing else is overwritten.`,
  options: [],
  positionals: 1,
  examples: ['backproof init my-strategy', 'backproof init'],
  exits: [0, [2, 'usage, or DIR is a file or a folder that is not empty']],
  schema: 'init@1',
  async run({ positionals, text }) {
    const dir = positionals[0] ?? '.';
    const s = await scaffold(dir);
    text.log(`wrote a strategy project into ${dir} (backproof ${s.backproofVersion}${s.packageJsonMerged ? ', package.json completed' : ''}):`);
    for (const f of s.files) text.log(`  ${f}`);
    text.log('');
    text.log('Next:');
    if (path.resolve(dir) !== path.resolve('.')) text.log(`  cd ${shellWord(dir)}`);
    if (!s.packageJsonMerged) text.log('  npm install                # backproof, AssemblyScript and the Node 24 it runs on');
    text.log('  npm test                   # backtests src/strategy.ts on data/GOOG.csv and checks the result');
    text.log('  npx backproof backtest --strategy src/strategy.ts --data data/GOOG.csv --out runs/first');
    return { exit: EXIT.ok, json: { dir: s.dir, backproofVersion: s.backproofVersion, files: s.files, packageJsonMerged: s.packageJsonMerged } };
  },
};
