// Real child processes appending to one log (test/helpers/log-appender.ts) or creating one
// (test/helpers/log-init.ts), and the lock files the lock tests plant in a log's locks/ folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

export interface Writer {
  tag: string;
  child: ChildProcess;
  /** Resolves once the writer has loaded its key and waits for "go". */
  ready: Promise<void>;
  /** Resolves with the exit code (null when killed by a signal) once its output is complete. */
  closed: Promise<number | null>;
  out: () => string;
  err: () => string;
}

/** Starts a writer appending `<tag>/0`, `<tag>/1`, … (`count` of them, or until killed) once `go` is called. */
export function startWriter(log: string, keyFile: string, tag: string, count?: number): Writer {
  return startChild('test/helpers/log-appender.ts', [log, keyFile, tag, ...(count === undefined ? [] : [String(count)])], tag);
}

/** Starts one of the helper scripts that print "ready" and then wait for "go" on stdin. */
export function startChild(script: string, args: string[], tag: string): Writer {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '', err = '';
  const ready = new Promise<void>((resolve) => {
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.startsWith('ready\n')) resolve();
    });
  });
  child.stderr!.on('data', (d) => (err += d));
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { tag, child, ready, closed, out: () => out, err: () => err };
}

export const go = (writers: Writer[]): void => writers.forEach((w) => w.child.stdin!.write('go\n'));

/** The appends a writer saw return, in order: [index, entry hex]. A line cut by a kill is not one. */
export function acknowledged(w: Writer): [number, string][] {
  return w.out().split('\n').flatMap((line) => {
    const m = /^(\d+) ([0-9a-f]{64})$/.exec(line);
    return m ? [[Number(m[1]), m[2]!] as [number, string]] : [];
  });
}

/** What a writer with this pid would put in a lock file (the lock's own format, written independently). */
export function holderOf(pid: number): { pid: number; start: string; boot: string; host: string } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return {
    pid,
    start: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!,
    boot: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
    host: hostname(),
  };
}

/** Writes generation `generation` of a log's lock with `content`, as a writer would have left it: whole at once, as writers link it. */
export async function plantLock(log: string, generation: number, content: unknown): Promise<void> {
  await mkdir(path.join(log, 'locks'), { recursive: true });
  const tmp = path.join(log, `planted-${generation}`);
  await writeFile(tmp, typeof content === 'string' ? content : JSON.stringify(content) + '\n');
  await rename(tmp, path.join(log, 'locks', String(generation)));
}
