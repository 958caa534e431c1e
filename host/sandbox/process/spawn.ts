/**
 * @module sandbox/process/spawn
 * Starts the process runtime's child (docs/ISOLATION-PROCESS.md, "The child"): `node --permission`
 * allowed to read only its own modules (the static import closure of sandbox/process/child), nothing
 * else — no file writes, child processes, worker threads, addons, inspector or WASI — with an empty
 * environment, and on Linux wrapped, when the tools are there, in `timeout -s KILL` (the watchdog:
 * a wedged child is killed even while the engine's thread is blocked on its pipe), `unshare --user
 * --net` (a network namespace of its own: Node 24's permission model does not cover the network)
 * and `prlimit --stack` (the guest's stack as a guest thread has it, run/stack GUEST_STACK_MB).
 *
 * The pipe is two FIFOs made in a private temporary folder and unlinked at once: the child inherits
 * one end of each as fd 0 and 1, the engine keeps the other, both blocking (a synchronous call
 * blocks in read(2), not in a spin). Nothing else holds a writing end, so the child's death is EOF
 * for the engine and the engine's for the child. The child's stderr is an unlinked temporary file,
 * read when it dies.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync, accessSync, existsSync, fstatSync, readSync, writeSync } from 'node:fs';
// (a namespace import: a named one is a SyntaxError on Node 20, before the package can say which Node it needs)
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { siblingModule } from '../../paths.ts';

/** The child's stack in MB: a guest thread's (run/stack GUEST_STACK_MB; test/sandbox/process.test.ts checks they agree). */
export const CHILD_STACK_MB = 256;

export interface ChildOptions {
  /** Wall-clock limit after which the child is killed (SIGKILL). */
  timeoutMs: number;
  /** Test hooks: the probe's request as JSON (sandbox/process/probe). */
  testHooks?: string;
}

/** What the child runs under: which of the optional layers this machine gave it. */
export interface ChildLayers {
  /** 'namespace': its own network namespace; 'guard': only the in-process guard (sandbox/process/guard). */
  network: 'namespace' | 'guard';
  /** Whether `timeout -s KILL` watches it. */
  watchdog: boolean;
  /** Whether its stack was raised to CHILD_STACK_MB. */
  stack: boolean;
}

export interface StartedChild {
  process: ChildProcess;
  /** The engine's ends of the pipe: it writes calls to `toChild` and reads from `fromChild`. */
  toChild: number;
  fromChild: number;
  /** The child's stderr (an unlinked file): what it printed before it died. */
  stderr: number;
  layers: ChildLayers;
  /** When it was started (performance.now()): its watchdog's clock. */
  spawnedAt: number;
  /** Its pipe and stderr closed (sandbox/process/runtime endChild: once). */
  ended: boolean;
  /** The modules the child was given (it may read no file: sandbox/process/spawn BOOT). */
  modules: readonly string[];
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|[\s;])import\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The files a module and its relative imports (transitively) are read from: what the child is given to run. */
export function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) visit(path.resolve(path.dirname(file), (m[1] ?? m[2])!));
  };
  visit(entry);
  return [...seen].sort();
}

let tools: { timeout: string | null; unshare: string | null; prlimit: string | null } | null = null;

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** The wrappers this machine has (found once): `unshare` only when it can make a user and network namespace here. */
function wrappers(): NonNullable<typeof tools> {
  if (tools) return tools;
  const unshare = process.platform === 'linux' ? onPath('unshare') : null;
  const yes = onPath('true');
  const works = unshare !== null && yes !== null && spawnSync(unshare, ['--user', '--net', '--', yes], { stdio: 'ignore', timeout: 5_000 }).status === 0;
  tools = {
    timeout: process.platform === 'linux' ? onPath('timeout') : null,
    unshare: works ? unshare : null,
    prlimit: process.platform === 'linux' ? onPath('prlimit') : null,
  };
  return tools;
}

/**
 * The child's bootstrap, run by `node -e`: it reads its modules' sources from fd 0 — one frame, a u32
 * LE length and the JSON of { entry, sources: { file URL: JavaScript } } — and loads them from
 * there (module hooks), never from the filesystem: the child may read no file at all.
 */
export const BOOT_MARK = '// backproof: the process runtime\'s child';
const BOOT = `${BOOT_MARK}
import { readSync } from 'node:fs';
import { registerHooks } from 'node:module';
const read = (n) => {
  const b = Buffer.alloc(n);
  for (let at = 0; at < n;) {
    const got = readSync(0, b, at, n - at, null);
    if (got === 0) process.exit(0);
    at += got;
  }
  return b;
};
const { entry, sources } = JSON.parse(read(read(4).readUInt32LE(0)).toString('utf8'));
registerHooks({
  resolve(specifier, context, next) {
    if (/^(\\.{1,2}\\/|file:)/.test(specifier)) {
      const url = new URL(specifier, context.parentURL).href;
      if (Object.hasOwn(sources, url)) return { url, format: 'module', shortCircuit: true };
    }
    return next(specifier, context);
  },
  load(url, context, next) {
    if (Object.hasOwn(sources, url)) return { url, format: 'module', source: sources[url], shortCircuit: true };
    return next(url, context);
  },
});
await import(entry);
`;

const bundles = new Map<boolean, Buffer>();

/** Type annotations removed (node:module's stripTypeScriptTypes, its one-time experimental warning kept off the user's stderr). */
function javaScriptOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.ts')) return text;
  const emit = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return nodeModule.stripTypeScriptTypes(text);
  } finally {
    process.emitWarning = emit;
  }
}

/**
 * The bootstrap frame: the child's entry module and every module it imports (the probe's too with
 * test hooks), as JavaScript (the repository's .ts stripped here once: a child stripping its own
 * costs ~0.4 s CPU a start).
 */
function childBundle(testHooks: boolean): { frame: Buffer; files: string[] } {
  const entry = fileURLToPath(siblingModule('child', import.meta.url));
  const files = new Set(importClosure(entry));
  if (testHooks) for (const f of importClosure(fileURLToPath(siblingModule('probe', import.meta.url)))) files.add(f);
  const sorted = [...files].sort();
  let frame = bundles.get(testHooks);
  if (!frame) {
    const sources: Record<string, string> = {};
    for (const f of sorted) sources[pathToFileURL(f).href] = javaScriptOf(f);
    const json = Buffer.from(JSON.stringify({ entry: pathToFileURL(entry).href, sources }), 'utf8');
    frame = Buffer.alloc(4 + json.length);
    frame.writeUInt32LE(json.length, 0);
    json.copy(frame, 4);
    bundles.set(testHooks, frame);
  }
  return { frame, files: sorted };
}

/** Starts the child. Nothing of the guest is sent yet. */
export function startChild(options: ChildOptions): StartedChild {
  const { frame, files } = childBundle(options.testHooks !== undefined);
  const t = wrappers();
  const spawnedAt = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'backproof-process-'));
  let childIn = -1, childOut = -1, toChild = -1, fromChild = -1, stderr = -1;
  try {
    const calls = path.join(dir, 'calls'), answers = path.join(dir, 'answers');
    const made = spawnSync('mkfifo', ['-m', '600', calls, answers], { stdio: 'ignore' });
    if (made.status !== 0 || !existsSync(calls)) throw new Error(`process runtime: mkfifo failed (${made.error?.message ?? `status ${made.status}`})`);
    // Each FIFO opened read-write first, so the one-way opens below find the other end and never block;
    // then closed, so only the child and the engine hold an end.
    const holdCalls = openSync(calls, constants.O_RDWR), holdAnswers = openSync(answers, constants.O_RDWR);
    childIn = openSync(calls, constants.O_RDONLY);
    childOut = openSync(answers, constants.O_WRONLY);
    toChild = openSync(calls, constants.O_WRONLY);
    fromChild = openSync(answers, constants.O_RDONLY);
    closeSync(holdCalls);
    closeSync(holdAnswers);
    stderr = openSync(path.join(dir, 'stderr'), 'w+', 0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const argv: string[] = [];
  if (t.timeout) argv.push(t.timeout, '-s', 'KILL', `${Math.max(1, options.timeoutMs) / 1000}`);
  if (t.unshare) argv.push(t.unshare, '--user', '--net', '--');
  if (t.prlimit) argv.push(t.prlimit, `--stack=${(CHILD_STACK_MB + 16) * 1024 * 1024}`, '--');
  argv.push(
    // No --allow-* at all: its code comes over the pipe (BOOT).
    process.execPath, '--permission',
    // V8's limit a little below the stack, as a worker thread of CHILD_STACK_MB has it.
    ...(t.prlimit ? [`--stack-size=${CHILD_STACK_MB * 1024 - 192}`] : []),
    '--input-type=module', '-e', BOOT, '--',
    ...(options.testHooks !== undefined ? [`--test-hooks=${options.testHooks}`] : []),
  );
  let child: ChildProcess;
  try {
    child = spawn(argv[0]!, argv.slice(1), { stdio: [childIn, childOut, stderr], env: {}, windowsHide: true });
  } finally {
    closeSync(childIn);
    closeSync(childOut);
  }
  child.unref();
  try {
    for (let done = 0; done < frame.length;) done += writeSync(toChild, frame, done, frame.length - done);
  } catch {
    // a child that died at once: the first call sees EOF and says so
  }
  child.on('error', () => {}); // a failed start shows as EOF on the pipe (and its reason in stderr or the exit)
  return { process: child, toChild, fromChild, stderr, modules: files, spawnedAt, ended: false, layers: { network: t.unshare ? 'namespace' : 'guard', watchdog: t.timeout !== null, stack: t.prlimit !== null } };
}

/** The last `max` bytes the child wrote to its stderr. */
export function stderrTail(fd: number, max = 2_000): string {
  try {
    const size = fstatSync(fd).size;
    const n = Math.min(size, max);
    const buf = Buffer.alloc(n);
    readSync(fd, buf, 0, n, size - n);
    return buf.toString('utf8').trim();
  } catch {
    return '';
  }
}
