// A first run (the strategy built in its own process while the data is read: run/backtest) still fails as a
// run that does one thing at a time would: a data error met while the build runs is the command's error
// (exit 3), the build's process ends with the command and nothing of it is cached, and no run folder or
// partial folder is left; a build error with good data is the build's (exit 6), before anything is written.
// Through bin/backproof.js, as a user runs it, each on a cache folder of its own.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GOOD = 'Date,Open,High,Low,Close,Volume\n' + Array.from({ length: 60 }, (_, i) => `2020-01-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i).padStart(2, '0')}:00,1,2,0.5,1.5,100`).sort().join('\n') + '\n';

function backtest(dir: string, strategy: string, data: string): { code: number | null; err: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, BACKPROOF_CACHE_DIR: path.join(dir, 'cache') };
  delete env.VITEST;
  const r = spawnSync(process.execPath, [path.resolve('bin/backproof.js'), 'backtest', '--strategy', strategy, '--data', data, '--out', path.join(dir, 'run'), '--unsigned', '--quiet'], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, err: r.stderr };
}

/** Processes still running whose environment names this cache folder (Linux: /proc): the build's process, if it outlived the command. */
function processesOf(cache: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`BACKPROOF_CACHE_DIR=${cache}`)) found.push(Number(pid));
    } catch { /* gone, or not ours to read */ }
  }
  return found;
}

const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => f !== 'cache' && f !== 'bad.csv' && f !== 'good.csv' && f !== 'broken.ts');

describe('a first run that fails', () => {
  it.skipIf(process.platform !== 'linux')('on bad data while the build runs: the data error, exit 3, the build ended and not cached, nothing written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backproof-first-run-order-'));
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, GOOD.replace('2020-01-02 10:01:00', 'not a date'));
    const r = backtest(dir, 'strategies-as/sma-cross.ts', bad);
    expect(r.code, r.err).toBe(3);
    const line = GOOD.split('\n').findIndex((l) => l.startsWith('2020-01-02 10:01:00')) + 1;
    expect(r.err).toContain(`error DATA_MALFORMED: bad.csv:${line}: field "Date" ("not a date") is not YYYY-MM-DD`);
    expect(leftovers(dir)).toEqual([]); // no run folder, no partial folder
    // The build's process saw its channel close and ended (at its next turn once asc's synchronous stretch is done).
    const cache = path.join(dir, 'cache');
    for (let waited = 0; processesOf(cache).length > 0 && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(processesOf(cache)).toEqual([]);
    expect(existsSync(path.join(cache, 'builds')) ? readdirSync(path.join(cache, 'builds')).filter((f) => f.endsWith('.json')) : []).toEqual([]);
  }, 120_000);

  it('on a build error with good data: the build error, exit 6, nothing written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backproof-first-run-order-'));
    const good = path.join(dir, 'good.csv');
    writeFileSync(good, GOOD);
    const broken = path.join(dir, 'broken.ts');
    writeFileSync(broken, readFileSync('strategies-as/sma-cross.ts', 'utf8').replace(/\n\s*\}\s*$/, '\n  nope();\n}\n'));
    const r = backtest(dir, broken, good);
    expect(r.code, r.err).toBe(6);
    expect(r.err).toContain('BUILD_FAILED');
    expect(r.err).toContain('broken.ts');
    expect(leftovers(dir)).toEqual([]);
  }, 120_000);
});
