/**
 * @module run/partials
 * The partial folders a run, sweep or walk-forward is written in before its rename into place
 * ("<dir>.partial-<pid>-<n>", run/rundir and sweep/sweep): which process a name belongs to, and the ones
 * left beside an out folder by processes no longer running (a SIGKILL, a crash, a power cut), which
 * nothing else would ever remove. Nothing here is part of anything hashed.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const PARTIAL = /\.partial-(\d{1,10})-(\d{1,10})$/;

/** Is process `pid` running (on this machine, in this pid namespace)? One we may not signal is running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** The process whose partial folder `dir` is by its name, and whether it is still running; null for any other name. */
export function partialOwner(dir: string): { pid: number; running: boolean } | null {
  const m = PARTIAL.exec(path.basename(path.resolve(dir)));
  if (!m) return null;
  const pid = Number(m[1]);
  return { pid, running: pid === process.pid || running(pid) };
}

/**
 * Removes the partial folders of `dir` ("<dir>.partial-<pid>-<n>" beside it) whose process is no longer
 * running, and returns their paths. A pid that is running (or is this process) is left alone: it may
 * be writing. (A folder shared between machines or containers whose processes cannot see each other's
 * pids is the one place this could take a live partial for a dead one: docs/SWEEP.md.)
 */
export function removeStalePartials(dir: string): string[] {
  const target = path.resolve(dir);
  const parent = path.dirname(target), base = path.basename(target);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const m = PARTIAL.exec(name);
    if (!m || name.slice(0, m.index) !== base) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || running(pid)) continue;
    rmSync(path.join(parent, name), { recursive: true, force: true });
    removed.push(path.join(parent, name));
  }
  return removed;
}
