// `backproof report` and `backtest --no-report` through the CLI: in process (helpers/cli) and, for
// the exit code of a folder that is not a run, as a real process.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'backproof-report-cli-'));
const run = path.join(tmp, 'run');

beforeAll(async () => {
  const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--unsigned', '--quiet', '--out', run);
  expect(r.code).toBe(0);
}, 120_000);

describe('backproof report', () => {
  it('re-renders the page backtest wrote, byte for byte; --out writes elsewhere; --json names both', async () => {
    const page = readFileSync(path.join(run, 'report.html'), 'utf8');
    const r = await cli('report', run);
    expect([r.code, r.out]).toEqual([0, `wrote ${path.join(run, 'report.html')}`]);
    expect(readFileSync(path.join(run, 'report.html'), 'utf8')).toBe(page);
    const out = path.join(tmp, 'elsewhere.html');
    const j = await cli('report', run, '--out', out, '--json');
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out)).toEqual({ schema: 'backproof/report@1', runDir: run, report: out });
    expect(readFileSync(out, 'utf8')).toBe(page);
  });

  it('backtest --no-report writes no report.html', async () => {
    const dir = path.join(tmp, 'plain');
    expect((await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--unsigned', '--quiet', '--no-report', '--out', dir)).code).toBe(0);
    expect(existsSync(path.join(dir, 'record.pb'))).toBe(true);
    expect(existsSync(path.join(dir, 'report.html'))).toBe(false);
  });

  it('no folder given, a missing path, a folder without record.pb: exit 2 naming it; a broken record.pb: exit 5', async () => {
    expect((await cli('report')).code).toBe(2);
    const missing = path.join(tmp, 'missing');
    const m = await cli('report', missing);
    expect(m.code).toBe(2);
    expect(m.err).toContain(`backproof report: error USAGE: ${missing} is not a run folder`);
    const empty = mkdtempSync(path.join(tmp, 'empty-'));
    expect((await cli('report', empty)).err).toContain(`${empty} is not a run folder: it has no record.pb`);
    writeFileSync(path.join(empty, 'record.pb'), 'x');
    const b = await cli('report', empty);
    expect(b.code).toBe(5);
    expect(b.err).toContain('error RECORD_MALFORMED [record]');
    expect(existsSync(path.join(empty, 'report.html'))).toBe(false);
  });

  it('as a process: exit 2 and the path on stderr, nothing on stdout', () => {
    const p = spawnSync(process.execPath, ['bin/backproof.js', 'report', path.join(tmp, 'nope')], { encoding: 'utf8' });
    expect(p.status).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr).toContain(`${path.join(tmp, 'nope')} is not a run folder`);
  });
});
