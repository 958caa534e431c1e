// The real CLI as a user meets it: a separate process, started in a folder with no signing key.
// stdout carries results only (so `backtest … > results.txt` or `2>/dev/null` gives just them), logs and warnings
// go to stderr (also the logs of the run's worker thread), --quiet and --log-level set the logs, and a run made
// without a key says so unless --unsigned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliProcess } from '../helpers/cli.ts';

const BIN = path.resolve('bin/backproof.js');
let work: string;

/** The CLI in its own process, in `work` (test/helpers/cli). */
const backproof = (...argv: string[]) => cliProcess(work, ...argv);

const BACKTEST = ['backtest', '--strategy', 'strategies-as/sma-cross.wasm', '--data', 'data/GOOG.csv'];
const WARNING = /^\*\*\* WARNING: this run is UNSIGNED: nobody vouches for its record\. \*\*\*$/m;

/** stdout of a backtest: the stats table, a blank line, then exactly these six lines. */
function expectResultsOnly(out: string, dir: string, record: RegExp): void {
  const lines = out.split('\n');
  expect(lines[0]).toMatch(/^Start +2004-08-19T00:00:00Z$/);
  expect(lines.at(-1)).toBe(''); // ends with a newline
  expect(lines.slice(-8, -1).map((l) => l.replace(/ +.*/, ''))).toEqual(['', 'run', 'instructions', 'trace', 'result', 'record', 'run']);
  expect(lines.at(-3)!.slice('record        '.length)).toMatch(record);
  expect(lines.at(-2)).toBe(`run folder    ${dir}`);
  expect(lines.filter((l) => l.startsWith('{') || /WARN|INFO/.test(l))).toEqual([]);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-streams-'));
  await cp('guest-sdk', path.join(work, 'guest-sdk'), { recursive: true });
  await mkdir(path.join(work, 'strategies-as'));
  await cp('strategies-as/sma-cross.ts', path.join(work, 'strategies-as/sma-cross.ts'));
  await mkdir(path.join(work, 'data'));
  await cp('data/GOOG.csv', path.join(work, 'data/GOOG.csv'));
  expect(backproof('build', 'strategies-as/sma-cross.ts').code).toBe(0); // once, not once per run
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the CLI as a process: stdout, stderr, log level, unsigned runs', () => {
  let plain: { code: number | null; out: string; err: string };

  it('stdout has the results only; the logs are JSON lines on stderr, then the unsigned warning', () => {
    plain = backproof(...BACKTEST, '--out', 'a');
    expect(plain.code).toBe(0);
    expectResultsOnly(plain.out, 'a', /^unsigned$/);
    const [logs, warning] = plain.err.split('\n\n');
    const entries = logs!.split('\n').map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(entries.map((e) => e.msg)).toContain('data'); // logged on the run's worker thread
    expect(entries.map((e) => e.msg)).toContain('run complete');
    expect(entries.every((e) => e.level === 30)).toBe(true);
    expect(warning).toMatch(WARNING);
    expect(warning).toMatch(/backproof keygen/);
  });

  it('--quiet: no logs; --unsigned: no warning; the results are the same bytes', () => {
    const r = backproof(...BACKTEST, '--out', 'b', '--quiet', '--unsigned');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe(plain.out.replace(/run folder    a\n$/, 'run folder    b\n'));
  });

  it('--quiet does not hide the unsigned warning: only --unsigned says it is meant', () => {
    const r = backproof('--quiet', ...BACKTEST, '--out', 'c');
    expect(r.code).toBe(0);
    expect(r.err.trim().split('\n')[0]).toMatch(WARNING);
    expect(r.err).not.toMatch(/^\{/m);
  });

  it('--log-level warn hides the info lines; a signed run has no warning', () => {
    expect(backproof('keygen', '--out', 'keys').code).toBe(0);
    const r = backproof(...BACKTEST, '--out', 'd', '--log-level', 'warn', '--key', 'keys/backproof.key');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expectResultsOnly(r.out, 'd', /^signed by key [0-9a-f]+/);
  });

  it('a bad or missing level, or --quiet with another level, is a usage error before anything runs', () => {
    const bad = backproof(...BACKTEST, '--out', 'e', '--log-level', 'loud');
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toMatch(/--log-level must be one of trace, debug, info, warn, error, fatal, silent, got "loud"/);
    expect(backproof(...BACKTEST, '--out', 'e', '--log-level').code).toBe(2);
    expect(backproof(...BACKTEST, '--out', 'e', '--quiet', '--log-level=info').code).toBe(2);
  });

  it('replay: the verdict alone on stdout, its logs on stderr', () => {
    const r = backproof('replay', 'a', '--log-level=info');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^MATCH trace root [0-9a-f]{64}, result [0-9a-f]{64}\n$/);
    expect(r.err.trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg)).toContain('run complete');
    // --quiet reaches the re-execution's thread too: nothing on stderr, the same verdict.
    const q = backproof('replay', 'a', '--quiet');
    expect([q.code, q.out, q.err]).toEqual([0, r.out, '']);
  });

  it('a reader that stops early (| head -1) ends the command quietly: no EPIPE stack on stderr', () => {
    // 3000 instructions of trace are ~300 KB, more than a pipe holds, so the CLI is still writing when head exits.
    const env = { ...process.env };
    delete env.VITEST;
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" trace a --from 0 --count 3000 --quiet | head -1; echo "status \${PIPESTATUS[0]}" >&2`],
      { cwd: work, env, encoding: 'utf8' });
    expect(r.stdout.split('\n')).toHaveLength(2); // head's one line
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|node:events/);
    expect(r.stderr).toMatch(/^status 0$/m);
  });
});
