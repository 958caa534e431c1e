/**
 * @module tlog/lock
 * The writer lock of a log folder: at most one append (or init) runs at a time, whatever the number
 * of processes and threads, and a lock is never taken from a live holder.
 *
 * The lock is a chain of generation files `locks/1`, `locks/2`, … Each file is created once with an
 * exclusive create (link(2) of a fully written private tmp file, which fails with EEXIST like
 * open(O_CREAT|O_EXCL) but never shows a half-written file), and is never rewritten. The file with
 * the highest number says who has the log: `{"free":true}`, or a holder
 * `{"pid","start","boot","host"}` — its pid, its start time (field 22 of /proc/<pid>/stat), the
 * machine's boot id and host name. To take the lock, a writer reads the highest generation g and,
 * when it is free or its holder is gone, creates g+1 naming itself; then it lists again and holds
 * the lock only if g+1 is still the highest (else its listing was stale and it removes g+1 and
 * retries). Two writers racing for g+1 cannot both win the exclusive create, and a holder that is
 * alive is never superseded, since g+1 is only created over a free or dead g: taking over a stale
 * lock is the same race-free step as taking a free one. Release creates g+1 as `{"free":true}`.
 * The highest generation is never deleted; the holder removes the ones below its own and the
 * private tmp files of writers that are gone.
 *
 * A holder is gone when its process does not exist, is a zombie, has another start time (the pid
 * was reused) or the machine has rebooted since. A holder on another host is never judged gone
 * (pids mean nothing there): the writer waits and then gives up with a usage error.
 */
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { UsageError } from '../errors.ts';

export const LOCK_DIR = 'locks';
/** How long a writer waits for one live holder to release the lock before it gives up. */
export const LOCK_WAIT_MS = 60_000;

export interface LockHolder {
  pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks after boot); '' where there is no /proc. */
  start: string;
  /** /proc/sys/kernel/random/boot_id; '' where there is none. */
  boot: string;
  host: string;
}

/** What a generation file says; `null` when it does not parse (treated as a holder that is gone). */
type LockState = { free: true } | LockHolder | null;

function procStat(pid: number): { state: string; start: string } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Field 2 (comm) is in parentheses and may hold spaces and ')': the fields after it follow the last ')'.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: rest[0] ?? '', start: rest[19] ?? '' };
}

function readBootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

let self: LockHolder | undefined;
/** This process as a lock holder. */
export function selfHolder(): LockHolder {
  self ??= { pid: process.pid, start: procStat(process.pid)?.start ?? '', boot: readBootId(), host: hostname() };
  return self;
}

/** Whether the holder may still be running. Errs towards "alive": a lock is never taken from a live holder. */
export function holderAlive(h: LockHolder): boolean {
  const me = selfHolder();
  if (h.host !== me.host) return true;
  if (h.boot !== '' && me.boot !== '' && h.boot !== me.boot) return false;
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    // EPERM: it exists, under another user. Anything else (ESRCH, or a pid no process can have) is gone.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(h.pid);
  if (stat === null) return true; // exists, but /proc hides it (hidepid): it cannot be told apart
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return h.start === '' || stat.start === h.start;
}

function parseState(text: string): LockState {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (v?.free === true) return { free: true };
  const { pid, start, boot, host } = v ?? {};
  if (!Number.isSafeInteger(pid) || (pid as number) <= 0 || typeof start !== 'string' || typeof boot !== 'string' || typeof host !== 'string') return null;
  return { pid: pid as number, start, boot, host };
}

const generationOf = (name: string): number => (/^[1-9][0-9]{0,14}$/.test(name) ? Number(name) : 0);

function highest(locks: string): number {
  let top = 0;
  for (const name of readdirSync(locks)) top = Math.max(top, generationOf(name));
  return top;
}

/** The highest generation and what it says; `undefined` when it vanished while being read (read again). */
function readTop(locks: string): { generation: number; state: LockState } | undefined {
  const generation = highest(locks);
  if (generation === 0) return { generation, state: { free: true } };
  try {
    return { generation, state: parseState(readFileSync(path.join(locks, String(generation)), 'utf8')) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number): void => void Atomics.wait(sleeper, 0, 0, ms);

let tmpSequence = 0;
/** A file name no other process or thread uses: the pid and start time name the process, the thread id and a counter the call. */
export function privateName(prefix: string): string {
  const me = selfHolder();
  return `${prefix}.${me.pid}.${me.start || 'x'}.${threadId}.${tmpSequence++}.tmp`;
}

/** Whether a private name belongs to a process that is gone. */
export function privateNameIsStale(name: string): boolean {
  const m = /\.(\d+)\.(\d+|x)\.\d+\.\d+\.tmp$/.exec(name);
  if (!m) return false;
  const me = selfHolder();
  return !holderAlive({ pid: Number(m[1]), start: m[2] === 'x' ? '' : m[2]!, boot: me.boot, host: me.host });
}

function acquire(dir: string, waitMs: number): number {
  const locks = path.join(dir, LOCK_DIR);
  mkdirSync(locks, { recursive: true });
  const mine = path.join(locks, privateName('tmp'));
  writeFileSync(mine, JSON.stringify(selfHolder()) + '\n', { flag: 'wx' });
  // The wait is for one holder: while the lock changes hands, others are making progress and we go on waiting.
  let deadline = 0, waitingOn = -1;
  try {
    for (let delay = 1; ; ) {
      const top = readTop(locks);
      if (top === undefined) continue;
      const { generation, state } = top;
      if (generation !== waitingOn) [waitingOn, deadline] = [generation, performance.now() + waitMs];
      if (state === null || 'free' in state || !holderAlive(state)) {
        const next = path.join(locks, String(generation + 1));
        try {
          linkSync(mine, next);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue; // another writer won it: look again
          throw e;
        }
        if (highest(locks) === generation + 1) return generation + 1;
        // The listing was stale (generation + 1 had been cleaned up below a newer holder): give it back.
        rmSync(next, { force: true });
        continue;
      }
      if (performance.now() > deadline) {
        throw new UsageError('USAGE', `the log at ${dir} is being appended to by process ${state.pid} on ${state.host}, which has held it for over ${waitMs} ms`);
      }
      sleep(delay);
      delay = Math.min(delay * 2, 8);
    }
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Removes the generations below the held one and the tmp files of writers that are gone. */
function cleanUp(locks: string, held: number): void {
  for (const name of readdirSync(locks)) {
    const g = generationOf(name);
    if ((g > 0 && g < held) || (g === 0 && privateNameIsStale(name))) rmSync(path.join(locks, name), { force: true });
  }
}

/**
 * Runs `body` holding the log's writer lock, waiting up to `waitMs` for each live holder in turn.
 * `body` must be synchronous: the lock is held by this thread until it returns.
 */
export function withLogLock<T>(dir: string, body: () => T, waitMs: number = LOCK_WAIT_MS): T {
  const held = acquire(dir, waitMs);
  const locks = path.join(dir, LOCK_DIR);
  try {
    cleanUp(locks, held);
    return body();
  } finally {
    // Only the holder of `held` creates held + 1, so this exclusive create cannot fail with EEXIST.
    writeFileSync(path.join(locks, String(held + 1)), '{"free":true}\n', { flag: 'wx' });
  }
}
