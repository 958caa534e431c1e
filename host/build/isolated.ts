/**
 * @module build/isolated
 * A build in a Node process of its own (entry: build/build-process), for a build the cache does not
 * hold (run/strategy). Two reasons, both measured (docs/BENCHMARKS.md, "first run"):
 * - memory: asc and Binaryen leave ~150 MB of heap behind them; a worker thread that ran them gives
 *   little of it back when it ends (V8 keeps a dead isolate's pages for the process's other threads),
 *   so it stayed under the backtest that followed. A process gives all of it back when it exits.
 * - time: V8 options apply to a whole process. This one runs Binaryen's wasm under Liftoff alone
 *   (`--liftoff-only`): tiering Binaryen's large functions up to TurboFan cost ~1.3 s CPU of a ~2.7 s
 *   build and ~80 MB, and a build ends before it pays back. Its JavaScript (asc, Binaryen's glue) is
 *   compiled eagerly (`--no-lazy`), so Node's compile cache holds every function of it, not only the
 *   top level: Binaryen's 13 MB factory function, its wasm inline, is then read from the cache rather
 *   than parsed on every build (~0.15 s); and it is optimized no further than Maglev (`--max-opt=2`):
 *   TurboFan's compiles of asc's parser did not pay back within one build either. Together ~0.4 s CPU
 *   of ~1.5 s a build (docs/BENCHMARKS.md, "first run"). The module is the same either way: the
 *   same asc, Binaryen and flags run; only how V8 compiles their own code differs.
 * Its main thread has a main thread's stack, so asc meets the limits it meets in `backproof build`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BuildError, DataError, SandboxError, UsageError, type BackproofError, type ErrorCode } from '../errors.ts';
import { siblingModule } from '../paths.ts';
import type { BuildResult } from './asc.ts';

export interface BuildRequest {
  file: string;
  flags: readonly string[];
}

export interface IsolatedBuild {
  build: BuildResult;
  /** Every file the build asked for, with its text (null: there was none), in the order asked (build/asc onRead). */
  reads: [string, string | null][];
}

export type BuildReply = { value: IsolatedBuild } | { error: { kind: string; code?: string; message: string; stack?: string } };

/** V8 options of the build's process. A Node whose V8 does not know one exits 9 at start: the build is then run without. */
export const BUILD_V8_FLAGS = ['--liftoff-only', '--max-semi-space-size=2', '--no-lazy', '--max-opt=2'] as const;

/** Node's exit code for an option it does not know. */
const BAD_OPTION_EXIT = 9;

const ERRORS = { UsageError, DataError, BuildError, SandboxError } as unknown as Record<string, new (code: ErrorCode, message: string) => BackproofError>;

/** How this process strips TypeScript, when it needs an option to (Node < 22.18): the build's process runs .ts modules too. */
export const stripping = (): string[] => process.execArgv.filter((a) => a === '--experimental-strip-types' || a === '--experimental-transform-types');

/** A reply's build, or its error thrown again: of the same class, code and message. */
export function replyValue(m: BuildReply): IsolatedBuild {
  if ('value' in m) return m.value;
  const e = m.error;
  const Cls = ERRORS[e.kind];
  throw Cls ? new Cls(e.code as ErrorCode, e.message) : new Error(`${e.message}\n${e.stack ?? ''}`);
}

/** buildStrategy(file, flags) in a process of its own: its build (or its error, of the same class, code and message) and the files it read. */
export function buildIsolated(file: string, flags: readonly string[], v8Flags: readonly string[] = BUILD_V8_FLAGS): Promise<IsolatedBuild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...v8Flags, ...stripping(), fileURLToPath(siblingModule('build-process', import.meta.url))], {
      // A process group of its own: a Ctrl-C at a terminal reaches the command, which ends it by ending (its
      // channel closes: build/build-process exits), rather than both at once, the build's death racing the command's cleanup.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced', detached: true, windowsHide: true,
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4096)));
    let replied = false;
    child.on('message', (m: BuildReply) => {
      replied = true;
      try {
        resolve(replyValue(m));
      } catch (e) {
        reject(e);
      }
    });
    child.on('error', (e) => {
      if (!replied) reject(new Error(`cannot start the build's process (${process.execPath}): ${e.message}`, { cause: e }));
      replied = true;
    });
    // 'close', not 'exit': after the IPC channel too, so a reply sent just before the exit is read first.
    child.on('close', (code, signal) => {
      if (replied) return;
      replied = true;
      if (code === BAD_OPTION_EXIT && v8Flags.length > 0) return resolve(buildIsolated(file, flags, []));
      reject(new Error(`the build's process exited (${signal ?? `code ${code}`}) without a result${stderr ? `:\n${stderr.trim()}` : ''}`));
    });
    const request: BuildRequest = { file, flags: [...flags] };
    // A process that ended at start (an option its Node does not know: exit 9) fails the send (EPIPE):
    // 'close' then says what happened and retries without the options, rather than 'error' failing the build.
    child.send(request, () => {});
  });
}
