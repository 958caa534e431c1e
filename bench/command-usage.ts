// One command as a child process, measured as a user's `/usr/bin/time` measures it (bench/whole.ts and
// bench/first-run.ts): the command line exactly as a user types it (no probe module, no option added), wall
// time from here, and, from GNU time's report of the process when it is reaped (wait4's rusage):
//   cpu   user + system of every thread of the command and of every process it waited for (the strategy's
//         build runs in one when the build cache misses);
//   rss   the largest peak RSS of one of them (GNU time's %M: the command's own, or its build process's if larger).
// Also sampled from /proc every 20 ms: the peak of the SUM of the RSS over the command's process tree (a build
// in its own process runs beside the command: the sum is the memory the command holds at once).
//
// Where /usr/bin/time is not GNU time (it has no -f: macOS, BSD), the command runs under Node with an --import
// probe that writes process.resourceUsage() and its waited-for children's CPU (/proc/self/stat's cutime and
// cstime, where there is one) at exit; the figures then leave out Node's own exit, and the RSS is the command's alone.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Usage {
  /** Seconds, from spawn to exit. */
  wall: number;
  /** User + system seconds of the command and the processes it waited for. */
  cpu: number;
  /** Largest peak RSS of one process, MB (GNU time's %M). */
  rss: number;
  /** Peak of the summed RSS of the command's process tree, MB (sampled). */
  sum: number;
}

const GNU_TIME = '/usr/bin/time';
/** GNU time's format: elapsed, user, system, max RSS KiB, on the last line of the command's stderr. */
const FORMAT = 'backproof-bench-usage %e %U %S %M';
const gnuTime = spawnSync(GNU_TIME, ['-f', '%e', 'true'], { stdio: 'ignore' }).status === 0;

/** How the figures are taken, for a benchmark's header line. */
export const HOW_MEASURED = gnuTime
  ? 'CPU and peak RSS by GNU time (/usr/bin/time -f, the command as typed: CPU = user + system of it and the processes it waited for; RSS = the largest one)'
  : 'CPU and peak RSS by an --import probe (no GNU time here: the command\'s own RSS)';

// The fallback's probe (only without GNU time).
const PROBE = 'data:text/javascript,' + encodeURIComponent(
  'import { readFileSync, writeFileSync } from "node:fs"; import { isMainThread } from "node:worker_threads"; const out = process.env.BACKPROOF_BENCH_USAGE; ' +
  'const children = () => { try { const f = readFileSync("/proc/self/stat", "utf8"); const rest = f.slice(f.lastIndexOf(")") + 2).split(" "); ' +
  'return (Number(rest[13]) + Number(rest[14])) / 100; } catch { return 0; } }; ' +
  'if (out && isMainThread) process.on("exit", () => { const u = process.resourceUsage(); writeFileSync(out, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 + children(), rss: u.maxRSS / 1024 })); });',
);

/** Every process under `pid` (its children, theirs…), by /proc/<pid>/task/<tid>/children. */
function descendants(pid: number, into: number[] = []): number[] {
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return into;
  }
  for (const tid of tids) {
    let kids = '';
    try {
      kids = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch { /* gone */ }
    for (const k of kids.split(' ').filter(Boolean).map(Number)) {
      into.push(k);
      descendants(k, into);
    }
  }
  return into;
}

const rssOf = (pid: number): number => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

let probes = 0;

/** `node <args…>` (args[0] the script) as a child process, measured (above). Rejects when it exits non-zero. */
export function measureNode(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<Usage> {
  const usageFile = path.join(tmpdir(), `backproof-bench-usage-${process.pid}-${probes++}.json`);
  const env = { ...process.env, ...options.env, ...(gnuTime ? {} : { BACKPROOF_BENCH_USAGE: usageFile }) };
  const [command, argv] = gnuTime ? [GNU_TIME, ['-f', FORMAT, process.execPath, ...args]] : [process.execPath, ['--import', PROBE, ...args]];
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'], env });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    let sum = 0;
    const sample = (): void => {
      // Under GNU time the command is its child: time's own few hundred KB are left out.
      const root = gnuTime ? descendants(child.pid!) : [child.pid!, ...descendants(child.pid!)];
      sum = Math.max(sum, root.reduce((s, p) => s + rssOf(p), 0));
    };
    const timer = setInterval(sample, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      const last = err.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited ${code}: ${err}`));
      if (gnuTime) {
        const m = /^backproof-bench-usage (\S+) (\S+) (\S+) (\d+)$/.exec(last);
        if (!m) return reject(new Error(`no usage line from ${GNU_TIME}: ${err}`));
        const rss = Number(m[4]) / 1024;
        return resolve({ wall, cpu: Number(m[2]) + Number(m[3]), rss, sum: Math.max(sum, rss) });
      }
      const u = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpu: number; rss: number };
      rmSync(usageFile, { force: true });
      resolve({ wall, cpu: u.cpu, rss: u.rss, sum: Math.max(sum, u.rss) });
    });
  });
}
