/**
 * @module distributed/queue
 * What the coordinator (`backproof sweep --queue`) and the workers (`backproof worker`) agree on: the Redis
 * URL, the queue's name, a job's id and payload, and what a job returns. The payload names everything by
 * SHA-256 in the shared store (distributed/store), so a job is small and a worker checks what it fetches.
 * Formats: docs/DEPLOY.md, "Jobs".
 */
import { AuditError, BackproofError, BuildError, DataError, SandboxError, UsageError, type ErrorCode } from '../errors.ts';
import { checkedHash } from './store.ts';

/**
 * The BullMQ queue of the sweeps whose inputs are in the store `storeId` (ArtifactStore id):
 * `backproof-sweep-<store id>`. Workers on another store (another volume, or one emptied since) listen on
 * another queue, so they never take a job whose inputs their store lacks; one Redis serves many stores,
 * and the sweeps of one store share its queue (job ids name their plan).
 */
export function queueName(storeId: string): string {
  return `backproof-sweep-${storeId}`;
}

/**
 * The Redis key a coordinator keeps alive while it waits for its plan's jobs (COORDINATOR_TTL_MS, renewed
 * every COORDINATOR_RENEW_MS): a worker runs a job only while it exists. A coordinator stopped (Ctrl-C, a
 * kill, its machine lost) leaves jobs nobody waits for; workers then fail them at once as ABANDONED
 * instead of running them, and a new `sweep --queue` of the same plan enqueues them again.
 */
export function coordinatorKey(storeId: string, planSha256: string): string {
  return `backproof:coordinator:${storeId}:${planSha256}`;
}
export const COORDINATOR_TTL_MS = 30_000;
export const COORDINATOR_RENEW_MS = 5_000;
/** How a worker's failure of a job nobody waits for begins (failureText's message): the coordinator enqueues it again. */
export const ABANDONED = 'no coordinator is waiting for this job';
/** A job's `data.format`. */
export const JOB_FORMAT = 'backproof-sweep-job@1';
/** A job's return value's `format`. */
export const RUN_MANIFEST_FORMAT = 'backproof-run-manifest@1';

/** The fields of the toolchain link that decide whether a worker reproduces a run (run/toolchain's EXECUTING). */
export const TOOLCHAIN_FIELDS = ['node', 'assemblyscript', 'instrumenter', 'backproof', 'ascFlags', 'sdk'] as const;
export type JobToolchain = Record<(typeof TOOLCHAIN_FIELDS)[number], string>;

/** One combination to run: `data` of a BullMQ job. */
export interface SweepJob {
  format: typeof JOB_FORMAT;
  /** SHA-256 of the plan's bytes (sweep.json) in the store. */
  planSha256: string;
  /** The combination's index in the plan. */
  index: number;
  /** The coordinator's toolchain (TOOLCHAIN_FIELDS, as text): a worker on another refuses the job. */
  toolchain: JobToolchain;
  /** Store objects the run also needs, by name: the project's lockfile when the toolchain link names one. */
  extra: Record<string, string>;
}

/** One file of a run folder in the store: its path inside the folder (forward slashes) and SHA-256. */
export interface ManifestFile {
  path: string;
  sha256: string;
}

/** What a worker returns for a job: the run's id, record hash and stats, and its folder's files in the store. */
export interface RunManifest {
  format: typeof RUN_MANIFEST_FORMAT;
  index: number;
  runId: string;
  recordSha256: string;
  stats: Record<string, number | string | null>;
  /** Sorted by path (code unit order). */
  files: ManifestFile[];
}

/**
 * The id of combination `index`'s job of the plan `planSha256`: `<plan hash>-<index>`. The same combination
 * of the same plan is always the same job, so enqueuing it again while it waits, runs or is kept as
 * completed adds nothing (BullMQ ignores an add with an existing id), and its result is fetched again.
 */
export function jobId(planSha256: string, index: number): string {
  return `${planSha256}-${index}`;
}

/**
 * Host, port, database and credentials of `redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]` (or `rediss://`
 * for TLS), for ioredis; a UsageError naming `option` for anything else.
 */
export function redisConnection(url: string, option = '--queue'): { host: string; port: number; db: number; username?: string; password?: string; tls?: object } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError('USAGE', `${option} ${url}: not a URL; expected redis://HOST:PORT`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new UsageError('USAGE', `${option} ${url}: the scheme must be redis:// or rediss://, not ${u.protocol}//`);
  if (u.hostname === '') throw new UsageError('USAGE', `${option} ${url}: no host; expected redis://HOST:PORT`);
  const db = u.pathname === '' || u.pathname === '/' ? 0 : Number(u.pathname.slice(1));
  if (!Number.isInteger(db) || db < 0 || db > 15 || !/^\/?\d*$/.test(u.pathname)) throw new UsageError('USAGE', `${option} ${url}: the database must be a number 0-15, not "${u.pathname.slice(1)}"`);
  if (u.search !== '' || u.hash !== '') throw new UsageError('USAGE', `${option} ${url}: no query or fragment is read; remove "${u.search}${u.hash}"`);
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port === '' ? 6379 : Number(u.port),
    db,
    ...(u.username !== '' ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password !== '' ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * A UsageError when `err` (a connection's error event) is Redis refusing the URL's credentials — WRONGPASS
 * (a wrong user or password), NOAUTH (none given where one is required), "ERR invalid password" (Redis
 * before 6) —, else null. Waiting does not mend those, unlike a Redis not up yet, so the caller stops; the
 * message names the URL with its password hidden and Redis's reply.
 */
export function authFailure(url: string, err: Error, option = '--queue'): UsageError | null {
  const reply = err.message;
  if (!/^(WRONGPASS|NOAUTH)\b|^ERR invalid password/.test(reply)) return null;
  const given = (() => { try { return new URL(url).password !== ''; } catch { return false; } })();
  return new UsageError('USAGE', `${option} ${redactedUrl(url)}: Redis refused the ${given ? 'password' : 'connection without a password'} (${reply}); ${given ? 'check the user and password in the URL' : 'give it as redis://:PASSWORD@HOST:PORT'}`, { cause: err });
}

/** `url` with its password shown as *** (for logs, messages and --json output); unchanged when it has none or is no URL. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password === '') return url;
    u.password = '***';
    return u.href;
  } catch {
    return url;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `data` of a job checked field by field before anything is fetched: a payload that is not a SweepJob is a
 * UsageError naming the field, which fails its job at once (distributed/worker: no retry would change it);
 * the worker goes on to the next job.
 */
export function checkJob(data: unknown): SweepJob {
  const bad = (field: string, why: string): never => {
    throw new UsageError('USAGE', `malformed job payload: ${field} ${why}`);
  };
  if (!isRecord(data)) return bad('(the payload)', `must be an object, got ${JSON.stringify(data)?.slice(0, 80)}`);
  if (data.format !== JOB_FORMAT) bad('format', `must be "${JOB_FORMAT}", got ${JSON.stringify(data.format)?.slice(0, 80)}`);
  try {
    checkedHash(data.planSha256, 'planSha256');
  } catch (e) {
    bad('planSha256', `is ${(e as Error).message.replace(/^planSha256: /, '')}`);
  }
  if (!Number.isSafeInteger(data.index) || (data.index as number) < 0) bad('index', `must be an integer ≥ 0, got ${JSON.stringify(data.index)}`);
  if (!isRecord(data.toolchain)) bad('toolchain', 'must be an object');
  const toolchain = data.toolchain as Record<string, unknown>;
  for (const f of TOOLCHAIN_FIELDS) if (typeof toolchain[f] !== 'string') bad(`toolchain.${f}`, `must be a string, got ${JSON.stringify(toolchain[f])?.slice(0, 80)}`);
  const unknown = Object.keys(toolchain).find((k) => !(TOOLCHAIN_FIELDS as readonly string[]).includes(k));
  if (unknown !== undefined) bad(`toolchain.${unknown}`, `is not a field of a job's toolchain (${TOOLCHAIN_FIELDS.join(', ')})`);
  if (!isRecord(data.extra)) bad('extra', 'must be an object');
  for (const [name, hash] of Object.entries(data.extra as Record<string, unknown>)) {
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) bad(`extra.${name}`, 'must be a SHA-256 (64 lowercase hex digits)');
  }
  const extra = Object.keys(data).filter((k) => !['format', 'planSha256', 'index', 'toolchain', 'extra'].includes(k));
  if (extra.length > 0) bad(extra[0]!, 'is not a field of a job');
  return data as unknown as SweepJob;
}

/** The run toolchain's deciding fields as the text a job carries (arrays joined by spaces). */
export function jobToolchain(toolchain: Record<string, unknown>): JobToolchain {
  const text = (v: unknown): string => (Array.isArray(v) ? v.join(' ') : String(v ?? ''));
  return Object.fromEntries(TOOLCHAIN_FIELDS.map((f) => [f, text(toolchain[f])])) as JobToolchain;
}

/**
 * A typed error as a failed job's reason: `<class> <code>[ [<step>]]: <message>` (e.g. "AuditError
 * TOOLCHAIN_MISMATCH [toolchain]: ..."), so the coordinator raises the same error, with the same exit code.
 */
export function failureText(e: BackproofError): string {
  return `${e.name} ${e.code}${e instanceof AuditError ? ` [${e.step}]` : ''}: ${e.message}`;
}

const CLASSES = { UsageError, DataError, BuildError, SandboxError } as unknown as Record<string, new (code: ErrorCode, message: string) => BackproofError>;

/** A failed job's reason as the error to raise: the worker's typed error when failureText wrote it, `fallback` otherwise. */
export function failureError(reason: string, prefix: string, fallback: (message: string) => BackproofError): BackproofError {
  const m = /^(UsageError|DataError|BuildError|SandboxError|AuditError) ([A-Z_]+)(?: \[([^\]]*)\])?: ([\s\S]*)$/.exec(reason);
  if (!m) return fallback(`${prefix}: ${reason}`);
  const [, cls, code, step, message] = m;
  if (cls === 'AuditError') return new AuditError(code as never, step ?? 'queue', `${prefix}: ${message}`);
  return new CLASSES[cls!]!(code as ErrorCode, `${prefix}: ${message}`);
}
