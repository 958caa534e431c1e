/**
 * How long a new user waits: `npm pack` here, then in an empty folder under the OS temp folder `npm i` of the
 * tarball, `backproof init`, the first audited backtest of the example strategy init wrote (the backtest writes
 * report.html into the run folder) and its verification. Once with npm's cache as it is (warm after `npm ci` here),
 * once with an empty cache (every package, the Node 24 binary included, downloaded from the registry). Prints the tarball's sizes and one
 * markdown row per step: seconds of wall time and of CPU time (user + system, child processes included; on a busy
 * machine the CPU figure is the steadier one). The shell's PATH without this repository's node_modules/.bin, as
 * the user's would be.
 *
 *   node scripts/pack-timing.ts [--warm-only]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const userPath = (process.env.PATH ?? '').split(path.delimiter).filter((p) => !p.startsWith(repo.replace(/\/$/, ''))).join(path.delimiter);
const work = mkdtempSync(path.join(tmpdir(), 'backproof-pack-timing-'));

/** Runs a command under bash's `time`: wall seconds, and CPU seconds (user + system, its child processes included). */
function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): { seconds: number; cpu: number; out: string } {
  const r = spawnSync('bash', ['-c', 'TIMEFORMAT="@time %R %U %S"; time "$@"', 'bash', cmd, ...args], { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  const [wall, user, sys] = /@time (\S+) (\S+) (\S+)\s*$/.exec(r.stderr)!.slice(1).map(Number) as [number, number, number];
  return { seconds: wall, cpu: user + sys, out: r.stdout };
}

const baseEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: userPath };
  for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
  return env;
};

try {
  const packed = sh('npm', ['pack', '--json', '--pack-destination', work], repo, { ...baseEnv(), PATH: `${path.join(repo, 'node_modules', '.bin')}${path.delimiter}${userPath}` });
  const [info] = JSON.parse(packed.out.slice(packed.out.indexOf('['))) as { filename: string; size: number; unpackedSize: number; entryCount: number }[];
  const tarball = path.join(work, info!.filename);
  console.log(`npm pack: ${info!.filename}, ${info!.size} bytes packed, ${info!.unpackedSize} bytes unpacked, ${info!.entryCount} files (${packed.seconds.toFixed(1)} s, tsc included)`);
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} CPUs\n`);
  console.log('| cache | step | wall s | CPU s |\n|---|---|---|---|');

  for (const mode of process.argv.includes('--warm-only') ? ['warm'] : ['warm', 'cold']) {
    const project = path.join(work, `project-${mode}`);
    mkdirSync(project);
    const env = baseEnv();
    if (mode === 'cold') env.npm_config_cache = path.join(work, 'empty-cache'); // also seen by the "node" package's own npm install
    // allowScripts before the first install (npm 12 will not run the "node" package's install script without it); init adds the rest.
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ allowScripts: { node: true } }));
    const steps: [string, string, string[]][] = [['npm i <tarball>', 'npm', ['i', tarball, '--no-audit', '--no-fund', ...(mode === 'warm' ? ['--prefer-offline'] : [])]]];
    const npx = (label: string, ...args: string[]) => steps.push([label, 'npx', ['backproof', ...args]]);
    npx('init (example strategy, data, test)', 'init');
    npx('backtest (asc build, audited run, report.html)', 'backtest', '--strategy', 'src/strategy.ts', '--data', 'data/GOOG.csv', '--out', 'runs/first', '--unsigned', '--quiet');
    npx('verify', 'verify', 'runs/first', '--quiet');
    let total = 0;
    let totalCpu = 0;
    for (const [label, cmd, args] of steps) {
      const { seconds, cpu } = sh(cmd, args, project, env);
      total += seconds;
      totalCpu += cpu;
      console.log(`| ${mode} | ${label} | ${seconds.toFixed(1)} | ${cpu.toFixed(1)} |`);
    }
    if (!existsSync(path.join(project, 'runs/first/report.html'))) throw new Error('the backtest wrote no report.html');
    console.log(`| ${mode} | **npm i to a first verified run and its report** | **${total.toFixed(1)}** | **${totalCpu.toFixed(1)}** |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
