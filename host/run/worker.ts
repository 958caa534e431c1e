/**
 * @module run/worker
 * The guest thread: every execution of a guest — a backtest, a replay, each re-execution an
 * inspector makes — runs on a worker thread made with the same stack (GUEST_STACK_MB, run/stack),
 * so a run that completed once completes again wherever it is re-executed. It is also the isolation
 * behind the wall-clock watchdog. Fuel, memory and call-depth limits stop a guest
 * deterministically; the watchdog is the last resort for anything they miss (it terminates the
 * thread). It can only turn a run into an error — a result never depends on the clock. Arguments
 * and results cross by structured clone, and a typed error is rebuilt as the same class with the
 * same code.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { AuditError, BackproofError, BuildError, DataError, SandboxError, UsageError, type ErrorCode, type AuditCode } from '../errors.ts';
import { isStreamed, type DataFeed, type StreamedData } from '../data/load.ts';
import { CsvSource } from '../data/stream.ts';
import type { RunConfig } from './config.ts';
import type { RunOutcome, StrategyArtifact } from './execute.ts';
import { GUEST_STACK_MB } from './stack.ts';
import type { ProgressCounter } from '../engine/progress.ts';
import { siblingModule } from '../paths.ts';

export interface IsolatedRequest {
  strategy: StrategyArtifact;
  data: DataFeed | readonly DataFeed[];
  config: RunConfig;
  /** Log level inside the worker (default: as the main thread would choose). */
  logLevel?: string;
  /** Human-readable logs (the worker's stderr is not a TTY). */
  prettyLogs?: boolean;
  /** The engine's progress counter (engine/progress): shared memory, so the caller's thread sees it as the run goes. */
  progress?: ProgressCounter;
}

type Reply = { value: unknown } | { error: { kind: string; code: ErrorCode; message: string; step?: string; stack?: string } };

// The worker's error crosses as data; the code it carries came from the same class on the other side.
const ERRORS = { UsageError, DataError, BuildError, SandboxError } as unknown as Record<string, new (code: ErrorCode, message: string) => BackproofError>;

/** A feed as it crosses to a guest thread: a streamed file as its description (the thread opens its own source). */
export type PortableFeed = DataFeed & { streamed?: boolean };

export function portableFeeds(data: DataFeed | readonly DataFeed[]): PortableFeed[] {
  const feeds = (Array.isArray(data) ? data : [data]) as DataFeed[];
  return feeds.map((d) => (isStreamed(d) ? { ...d, open: undefined, streamed: true } as unknown as PortableFeed : d));
}

export function openPortableFeeds(feeds: readonly PortableFeed[]): DataFeed[] {
  return feeds.map((d) => {
    if (!d.streamed) return d;
    const s = d as unknown as StreamedData;
    return { ...s, open: () => new CsvSource(s.path, path.basename(s.path), s.options) };
  });
}

/** Idle guest threads kept for the next call, and how long an idle one is kept. */
const MAX_IDLE_THREADS = 2;
const IDLE_MS = 2_000;

interface GuestThread {
  worker: Worker;
  /** Ends the thread once it has been idle IDLE_MS (an unref'd timer: it never holds the process). */
  expiry: NodeJS.Timeout | null;
}

const idle: GuestThread[] = [];

function newGuestThread(): GuestThread {
  const worker = new Worker(siblingModule('guest-thread', import.meta.url), { resourceLimits: { stackSizeMb: GUEST_STACK_MB } });
  const thread: GuestThread = { worker, expiry: null };
  // A thread that dies while idle is simply forgotten.
  worker.on('exit', () => {
    const i = idle.indexOf(thread);
    if (i >= 0) idle.splice(i, 1);
  });
  return thread;
}

function takeGuestThread(): GuestThread {
  const thread = idle.pop() ?? newGuestThread();
  if (thread.expiry) clearTimeout(thread.expiry);
  thread.expiry = null;
  thread.worker.ref();
  return thread;
}

function releaseGuestThread(thread: GuestThread): void {
  thread.worker.unref();
  if (idle.length >= MAX_IDLE_THREADS) {
    void thread.worker.terminate();
    return;
  }
  thread.expiry = setTimeout(() => {
    const i = idle.indexOf(thread);
    if (i >= 0) idle.splice(i, 1);
    void thread.worker.terminate();
  }, IDLE_MS);
  thread.expiry.unref();
  idle.push(thread);
}

/**
 * Calls `fn` exported by `module` (a module URL) with `arg` on a guest thread and resolves to what
 * it returns. With `timeoutMs` the thread is terminated past it (WATCHDOG).
 *
 * A guest thread serves one call at a time and is then kept, idle, for the next one (up to
 * MAX_IDLE_THREADS, each for IDLE_MS): starting a thread and loading the host's modules into it
 * costs more than a short re-execution, and an inspector re-executes a run several times. Every
 * call still runs on a thread made with the same stack, entered from that thread's event loop, so
 * the stack a guest sees is the same in every path; no state of a call survives it (each builds
 * its own engine, instance and trace). A thread that was stopped by the watchdog, or that ended,
 * is never reused.
 */
export function inGuestThread<T>(module: string, fn: string, arg: unknown, options: { timeoutMs?: number } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const thread = takeGuestThread();
    const { worker } = thread;
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      if (timer) clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      return true;
    };
    const timer = options.timeoutMs === undefined ? null : setTimeout(() => {
      if (!settle()) return;
      void worker.terminate();
      reject(new SandboxError('WATCHDOG', `the run exceeded the wall-clock limit of ${options.timeoutMs! / 1000} s and was stopped (a last resort: fuel and memory limits normally stop a guest first)`));
    }, options.timeoutMs);
    const onMessage = (m: Reply): void => {
      if (!settle()) return;
      releaseGuestThread(thread);
      if ('value' in m) return resolve(m.value as T);
      const e = m.error;
      if (e.kind === 'AuditError') return reject(new AuditError(e.code as AuditCode, e.step ?? 'run', e.message));
      const Cls = ERRORS[e.kind];
      reject(Cls ? new Cls(e.code, e.message) : new Error(`${e.message}\n${e.stack ?? ''}`));
    };
    const onError = (e: Error): void => {
      if (!settle()) return;
      void worker.terminate();
      reject(e);
    };
    // A thread that ends without a reply (it cannot, short of a bug or running out of memory) must not leave the caller waiting.
    const onExit = (code: number): void => {
      if (!settle()) return;
      reject(new Error(`the guest thread exited (code ${code}) without a result`));
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ module, fn, arg });
  });
}

export function executeRunIsolated(request: IsolatedRequest, options: { timeoutMs?: number } = {}): Promise<RunOutcome> {
  return inGuestThread(import.meta.url, 'runJob', { ...request, data: portableFeeds(request.data) }, options);
}

/** The guest thread's side of executeRunIsolated. */
export async function runJob(job: IsolatedRequest & { data: PortableFeed[] }): Promise<RunOutcome> {
  const { executeRun } = await import('./execute.ts');
  const { createLogger } = await import('../log.ts');
  const logger = createLogger({ level: job.logLevel, pretty: job.prettyLogs ?? false });
  return executeRun({ strategy: job.strategy, data: openPortableFeeds(job.data), config: job.config, logger, progress: job.progress });
}
