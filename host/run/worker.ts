/**
 * @module run/worker
 * The guest thread: every execution of a guest — a backtest, a replay, each re-execution an
 * inspector makes — runs on a fresh worker thread with the same stack (GUEST_STACK_MB, run/stack),
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

export interface IsolatedRequest {
  strategy: StrategyArtifact;
  data: DataFeed | readonly DataFeed[];
  config: RunConfig;
  /** Log level inside the worker (default: as the main thread would choose). */
  logLevel?: string;
  /** Human-readable logs (the worker's stderr is not a TTY). */
  prettyLogs?: boolean;
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

/**
 * Calls `fn` exported by `module` (a module URL) with `arg` on a fresh guest thread and resolves to
 * what it returns. With `timeoutMs` the thread is terminated past it (WATCHDOG).
 */
export function inGuestThread<T>(module: string, fn: string, arg: unknown, options: { timeoutMs?: number } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./guest-thread.ts', import.meta.url), {
      workerData: { __backproofCall: { module, fn, arg } },
      resourceLimits: { stackSizeMb: GUEST_STACK_MB },
    });
    const timer = options.timeoutMs === undefined ? null : setTimeout(() => {
      void worker.terminate();
      reject(new SandboxError('WATCHDOG', `the run exceeded the wall-clock limit of ${options.timeoutMs! / 1000} s and was stopped (a last resort: fuel and memory limits normally stop a guest first)`));
    }, options.timeoutMs);
    worker.once('message', (m: Reply) => {
      if (timer) clearTimeout(timer);
      void worker.terminate();
      if ('value' in m) return resolve(m.value as T);
      const e = m.error;
      if (e.kind === 'AuditError') return reject(new AuditError(e.code as AuditCode, e.step ?? 'run', e.message));
      const Cls = ERRORS[e.kind];
      reject(Cls ? new Cls(e.code, e.message) : new Error(`${e.message}\n${e.stack ?? ''}`));
    });
    worker.once('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    // A thread that ends without a reply (it cannot, short of a bug) must not leave the caller waiting.
    worker.once('exit', (code) => {
      if (timer) clearTimeout(timer);
      reject(new Error(`the guest thread exited (code ${code}) without a result`));
    });
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
  return executeRun({ strategy: job.strategy, data: openPortableFeeds(job.data), config: job.config, logger });
}
