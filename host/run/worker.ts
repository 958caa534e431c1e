/**
 * @module run/worker
 * Runs a whole backtest on a worker thread: the isolation behind the wall-clock watchdog. Fuel,
 * memory and call-depth limits stop a guest deterministically; the watchdog is the last resort
 * for anything they miss (it terminates the thread). It can only turn a run into an error — a
 * result never depends on the clock. The outcome crosses back by structured clone, and a typed
 * error is rebuilt as the same class with the same code.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { AuditError, BackproofError, BuildError, DataError, SandboxError, UsageError, type ErrorCode, type AuditCode } from '../errors.ts';
import { isStreamed, type DataFeed, type StreamedData } from '../data/load.ts';
import type { RunConfig } from './config.ts';
import type { RunOutcome, StrategyArtifact } from './execute.ts';

export interface IsolatedRequest {
  strategy: StrategyArtifact;
  data: DataFeed | readonly DataFeed[];
  config: RunConfig;
  /** Log level inside the worker (default: as the main thread would choose). */
  logLevel?: string;
  /** Human-readable logs (the worker's stderr is not a TTY). */
  prettyLogs?: boolean;
}

type Reply = { outcome: RunOutcome } | { error: { kind: string; code: ErrorCode; message: string; step?: string; stack?: string } };

// The worker's error crosses as data; the code it carries came from the same class on the other side.
const ERRORS = { UsageError, DataError, BuildError, SandboxError } as unknown as Record<string, new (code: ErrorCode, message: string) => BackproofError>;

export function executeRunIsolated(request: IsolatedRequest, options: { timeoutMs: number }): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    // A streamed file crosses as its description; the worker opens its own source.
    const feeds = (Array.isArray(request.data) ? request.data : [request.data]) as DataFeed[];
    const data = feeds.map((d) => (isStreamed(d) ? { ...d, open: undefined, streamed: true } : d));
    const worker = new Worker(new URL(import.meta.url), { workerData: { __backproofRun: { ...request, data } } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new SandboxError('WATCHDOG', `the run exceeded the wall-clock limit of ${options.timeoutMs / 1000} s and was stopped (a last resort: fuel and memory limits normally stop a guest first)`));
    }, options.timeoutMs);
    worker.once('message', (m: Reply) => {
      clearTimeout(timer);
      void worker.terminate();
      if ('outcome' in m) return resolve(m.outcome);
      const e = m.error;
      if (e.kind === 'AuditError') return reject(new AuditError(e.code as AuditCode, e.step ?? 'run', e.message));
      const Cls = ERRORS[e.kind];
      reject(Cls ? new Cls(e.code, e.message) : new Error(`${e.message}\n${e.stack ?? ''}`));
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

const job = !isMainThread && (workerData as { __backproofRun?: IsolatedRequest } | null)?.__backproofRun;
if (job && parentPort) {
  try {
    const { executeRun } = await import('./execute.ts');
    const { CsvSource } = await import('../data/stream.ts');
    const path = await import('node:path');
    const feeds = (job.data as (DataFeed & { streamed?: boolean })[]).map((d) => {
      if (!d.streamed) return d;
      const s = d as StreamedData;
      return { ...s, open: () => new CsvSource(s.path, path.basename(s.path), s.options) };
    });
    job.data = feeds;
    const { createLogger } = await import('../log.ts');
    const logger = createLogger({ level: job.logLevel, pretty: job.prettyLogs ?? false });
    parentPort.postMessage({ outcome: executeRun({ strategy: job.strategy, data: job.data, config: job.config, logger }) } satisfies Reply);
  } catch (e) {
    const err = e as BackproofError & { step?: string };
    parentPort.postMessage({ error: { kind: err?.constructor?.name ?? 'Error', code: err.code, message: err.message ?? String(e), step: err.step, stack: err.stack } } satisfies Reply);
  }
}
