/**
 * @module distributed
 * Distributed sweeps: the combinations of a sweep as BullMQ jobs in Redis, run by `backproof worker`
 * processes on any machine, each run's files kept in a content-addressed store that all of them share
 * (docs/DEPLOY.md). BullMQ, ioredis and yaml load only when a command uses them (host/index.ts, which
 * every command loads, re-exports this module).
 */
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import type { K8sOptions } from './k8s.ts';
import type { WorkerOptions, WorkerSummary } from './worker.ts';
import type { QueueSweepOptions } from './coordinator.ts';

export { FolderStore, type ArtifactStore } from './store.ts';
export { redisConnection, redactedUrl, jobId, queueName, coordinatorKey, JOB_FORMAT, RUN_MANIFEST_FORMAT, type SweepJob, type RunManifest } from './queue.ts';
export type { K8sOptions, WorkerOptions, WorkerSummary, QueueSweepOptions };

/** `backproof deploy k8s`'s defaults. */
export const K8S_DEFAULTS = { workers: 2, concurrency: 1, storeSize: '20Gi', image: 'backproof:latest', cpu: '1', memory: '1Gi', kind: 'deployment', idleExit: 60 } as const;

/**
 * Writes the manifests (distributed/k8s) into `dir` (made if missing), each aside and renamed into place;
 * returns their paths. A file of the same name already there is an OUTPUT_EXISTS UsageError, before
 * anything is written, unless `force`.
 */
export async function writeK8sManifests(options: K8sOptions, dir: string, force = false): Promise<string[]> {
  const { k8sManifests } = await import('./k8s.ts');
  const files = k8sManifests(options);
  const targets = files.map((f) => path.join(dir, f.file));
  if (!force) {
    for (const t of targets) {
      const exists = await lstat(t).then(() => true, () => false);
      if (exists) throw new UsageError('OUTPUT_EXISTS', `${t} exists (--force replaces it)`);
    }
  }
  await mkdir(dir, { recursive: true });
  for (const [i, f] of files.entries()) {
    const partial = `${targets[i]}.partial-${process.pid}`;
    try {
      await writeFile(partial, f.text);
      await rename(partial, targets[i]!);
    } catch (e) {
      await rm(partial, { force: true });
      throw e;
    }
  }
  return targets;
}

/** `backproof worker`: runs sweep jobs until stopped (distributed/worker). */
export async function runSweepWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { runWorker } = await import('./worker.ts');
  return runWorker(options);
}

/** `backproof sweep --queue`: a sweep's combinations run by workers, the sweep folder assembled here (distributed/coordinator). */
export async function runSweepOnQueue(options: QueueSweepOptions): ReturnType<typeof import('./coordinator.ts').sweepOnQueue> {
  const { sweepOnQueue } = await import('./coordinator.ts');
  return sweepOnQueue(options);
}
