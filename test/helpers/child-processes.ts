// The Node processes a test's process started (directly or through wrappers such as `timeout`), read
// from /proc: for tests of the process runtime that must see its child start, and see it gone.
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** The pids of the descendants of `ancestor` running node with `needle` in their command line. */
export async function descendants(ancestor: number, needle: string): Promise<Set<number>> {
  const found = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid <= 1) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes(needle) || !cmdline.startsWith(process.execPath)) continue;
    for (let p = parentOf(pid); p > 1; p = parentOf(p)) if (p === ancestor) found.add(pid);
  }
  return found;
}

/** The pid of a descendant of `ancestor` running node with `needle` in its command line, not one of `except`, once one runs. */
export async function childOf(ancestor: number, needle: string, timeoutMs: number, except: Set<number>): Promise<number> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    for (const pid of await descendants(ancestor, needle)) if (!except.has(pid)) return pid;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no new ${needle} under ${ancestor} within ${timeoutMs} ms`);
}

/** Whether process `pid` is gone: no such process, or a zombie (dead, not yet reaped by its parent). */
export function gone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
  } catch {
    return true;
  }
}

/** Waits (at most `ms`) until no descendant of `ancestor` runs node with `needle` (a kept child's idle time ends it); how many are left. */
export async function noneLeft(ancestor: number, needle: string, ms: number): Promise<number> {
  const until = performance.now() + ms;
  let left = await descendants(ancestor, needle);
  while (left.size > 0 && performance.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    left = await descendants(ancestor, needle);
  }
  return left.size;
}
