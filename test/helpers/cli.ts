// Runs the CLI in-process and captures what it prints.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../../host/cli/main.ts';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { log: (s) => out.push(s) }, { log: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * The CLI in its own process (bin/backproof.js, as a user starts it) in `cwd`, with logs at their default
 * (no VITEST, no BACKPROOF_LOG): for what only a real process shows (stderr streams, a terminal, exit codes).
 */
export function cliProcess(cwd: string, ...argv: string[]): { code: number | null; out: string; err: string } {
  const env = { ...process.env };
  delete env.VITEST;
  delete env.BACKPROOF_LOG;
  const r = spawnSync(process.execPath, [path.resolve('bin/backproof.js'), ...argv], { cwd, env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
