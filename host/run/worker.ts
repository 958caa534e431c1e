/**
 * @module run/worker
 * Runs a backtest on a worker thread and returns its commitments — used to show that a run's
 * trace root and result hash do not depend on which thread (or isolate) executed it.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { toHex, sha256 } from '../../traces/index.ts';
import type { RunConfig } from './config.ts';

export interface WorkerRequest {
  strategyPath: string;
  dataPath: string;
  config: RunConfig;
}

export interface WorkerReply {
  traceRoot: string;
  resultSha256: string;
  instructions: string;
}

export function executeRunInWorker(request: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: request });
    worker.once('message', (m: WorkerReply | { error: string }) => ('error' in m ? reject(new Error(m.error)) : resolve(m)));
    worker.once('error', reject);
  });
}

if (!isMainThread && parentPort && workerData && (workerData as WorkerRequest).strategyPath) {
  const req = workerData as WorkerRequest;
  try {
    const { loadStrategy } = await import('./strategy.ts');
    const { loadCsv } = await import('../data/csv.ts');
    const { executeRun } = await import('./execute.ts');
    const outcome = executeRun({ strategy: await loadStrategy(req.strategyPath), data: await loadCsv(req.dataPath), config: req.config });
    parentPort.postMessage({ traceRoot: toHex(outcome.trace.root), resultSha256: toHex(sha256(outcome.resultBytes)), instructions: outcome.instructions.toString() } satisfies WorkerReply);
  } catch (e) {
    parentPort.postMessage({ error: (e as Error).stack ?? String(e) });
  }
}
