/**
 * @module cli/worker
 * `backproof worker --queue redis://HOST:PORT --store DIR`: runs distributed sweeps' combinations until
 * SIGINT or SIGTERM (host/distributed/worker; docs/DEPLOY.md).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkIsolation, createLogger, EXIT, keyFingerprint, loadPrivateKey, rawPublicKey, redactedUrl, runSweepWorker, UsageError } from '../index.ts';
import { DEFAULT_KEY_DIR, wholeOption } from './args.ts';
import { str, type CommandSpec } from './command.ts';
import { timeoutSecondsOf } from './sweep.ts';

/** A whole-number option from min to max (a usage error names the option and the range); also serve's. */
export const whole = (name: string, text: unknown, fallback: number, min: number, max: number): number => wholeOption(name, text, fallback, min, max);

export const workerCmd: CommandSpec = {
  name: 'worker',
  summary: 'run distributed sweeps\' combinations from a Redis queue (BullMQ), keeping runs in a shared store',
  usage: '--queue redis://HOST:PORT --store DIR [--concurrency N] [--isolation v8|wasi|process] [--key FILE | --unsigned] [--max-jobs N] [--idle-exit S]',
  about: `Takes the jobs that "backproof sweep --queue" enqueues, one per combination, and runs each as a
local sweep would: the plan, the module and the data fetched from the store by their SHA-256 and
checked, the run made on a guest thread, its run folder's files put into the store, its record hash
returned. Runs until --max-jobs jobs have finished or no job came for --idle-exit seconds (then exits
0), or until SIGINT or SIGTERM, which end it at once (130, 143): its running jobs go to another worker
once their lock lapses (--lock-ms).
It takes only the jobs of the store --store names (its queue is named by the store's id), and
runs a job only while its coordinator waits for it. A job this worker cannot reproduce fails at once
with the reason, and the worker goes on: a malformed payload, another toolchain than the sweep's
(Node, AssemblyScript, instrumenter, Backproof, asc flags, SDK), no coordinator waiting, a store
object missing or altered, or a typed error of the run (docs/DEPLOY.md). The store emptied or
replaced while it runs (another id) stops it, exit 2.`,
  options: [
    str('queue', 'URL', `the Redis the coordinator enqueues to: redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]
(default: the environment variable BACKPROOF_QUEUE, which keeps a password off the command line)`),
    str('store', 'DIR', 'the content-addressed store shared with the coordinator (a mounted volume; the folder must exist)'),
    str('concurrency', 'N', 'jobs run at once, each on a guest thread of its own (default 1)'),
    str('isolation', 'v8|wasi|process', `where this worker runs every job's guest: v8 (its guest thread, default), wasi (Wasmer in a
worker thread) or process (a child process under Node's permission model); the worker's choice, not the job's: the
runs and the sweep root are the same under each (docs/RUNTIMES.md)`),
    str('timeout', 'S', 'each run\'s wall-clock watchdog in seconds (default 600): the run fails with WATCHDOG'),
    str('key', 'FILE', `signs the runs' records (default ${DEFAULT_KEY_DIR}/backproof.key when it exists)`),
    { name: 'unsigned', type: 'boolean', help: 'do not sign the runs\' records (the sweep root does not depend on their signatures)' },
    str('max-jobs', 'N', 'exit 0 once N jobs have finished, completed or failed (default: run until stopped)'),
    str('idle-exit', 'S', `exit 0 once no job has run for S seconds (a worker of a Kubernetes Job: it ends when the
queue is drained; default: run until stopped)`),
    str('lock-ms', 'MS', `how long a running job stays locked without a renewal before another worker may take it
(default 30000; renewed every MS/2)`),
    str('stalled-ms', 'MS', 'how often this worker looks for jobs whose lock lapsed (default 30000)'),
  ],
  positionals: 0,
  examples: ['backproof worker --queue redis://127.0.0.1:6379 --store /mnt/backproof-store --concurrency 2 --unsigned'],
  exits: [0, [2, 'usage, the key cannot be read, --store is no folder, or the store was emptied or replaced while it ran']],
  schema: 'worker@1',
  async run({ values, text, ctx }) {
    // the URL from the environment keeps a password off the command line (ps) and out of manifests (deploy k8s --redis-secret)
    const queue = (values.queue as string | undefined) ?? (process.env.BACKPROOF_QUEUE || undefined);
    const store = values.store as string | undefined;
    if (queue === undefined || store === undefined) throw new UsageError('USAGE', 'worker needs --queue redis://HOST:PORT (or BACKPROOF_QUEUE in its environment) and --store DIR');
    const isolation = checkIsolation(values.isolation as string | undefined);
    const timeoutMs = timeoutSecondsOf(values) * 1000;
    if (values.unsigned === true && values.key !== undefined) throw new UsageError('USAGE', '--key and --unsigned: choose one');
    const defaultKey = path.join(DEFAULT_KEY_DIR, 'backproof.key');
    const keyFile = values.unsigned === true ? null : ((values.key as string | undefined) ?? (existsSync(defaultKey) ? defaultKey : null));
    const key = keyFile === null ? null : await loadPrivateKey(keyFile);
    const maxJobs = values['max-jobs'] === undefined ? undefined : whole('max-jobs', values['max-jobs'], 1, 1, Number.MAX_SAFE_INTEGER);
    const idleExit = values['idle-exit'] === undefined ? undefined : whole('idle-exit', values['idle-exit'], 1, 1, 86_400);
    // bin/backproof.js ends the process on SIGINT and SIGTERM (onInterrupt): only --max-jobs stops it here
    const stop = new Promise<never>(() => {});
    text.log(`worker on ${redactedUrl(queue)}, store ${store}, guests under ${isolation}, records ${key ? `signed by key ${keyFingerprint(rawPublicKey(key))}` : 'unsigned'}`);
    const summary = await runSweepWorker({
      queue, store, key, stop, maxJobs, isolation, timeoutMs, ...(idleExit !== undefined ? { idleExitMs: idleExit * 1000 } : {}),
      concurrency: whole('concurrency', values.concurrency, 1, 1, 64),
      lockDurationMs: whole('lock-ms', values['lock-ms'], 30_000, 500, 3_600_000),
      stalledIntervalMs: whole('stalled-ms', values['stalled-ms'], 30_000, 200, 3_600_000),
      logger: createLogger({ level: ctx.logLevel }),
    });
    text.log(`stopped: ${summary.completed} completed, ${summary.failed} failed`);
    return { exit: EXIT.ok, json: { queue: redactedUrl(queue), store, isolation, completed: summary.completed, failed: summary.failed } };
  },
};
