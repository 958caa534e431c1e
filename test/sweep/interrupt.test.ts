// A sweep interrupted (SIGINT, a real process) mid-way leaves nothing: neither --out nor the partial
// folder beside it with the runs written so far, and exits 130. One killed (SIGKILL) cannot: verify names
// its partial folder as such, and the next sweep (or backtest) into the same --out removes it.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('an interrupted sweep', () => {
  it('removes its partial folder, runs and all, and exits 130', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'backproof-sweep-int-'));
    const out = path.join(work, 's');
    const child = spawn(process.execPath, ['bin/backproof.js', 'sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv',
      '--grid', 'fast=2..40', '--grid', 'slow=50..90:10', '--objective', 'sharpe', '--out', out, '--unsigned', '--workers', '2'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // wait until runs are being written into the partial folder
    let partial: string | undefined;
    for (let i = 0; i < 400 && partial === undefined; i++) {
      await sleep(100);
      const names = await readdir(work);
      const p = names.find((n) => n.startsWith('s.partial-'));
      if (p && existsSync(path.join(work, p, 'runs')) && (await readdir(path.join(work, p, 'runs'))).length >= 2) partial = p;
    }
    expect(partial, 'the sweep never started writing runs').toBeDefined();
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(await readdir(work)).toEqual([]);
  }, 60_000);

  it('killed (SIGKILL): verify says its partial folder is one, of a process no longer running; the next sweep into --out removes it (tester D5)', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'backproof-sweep-kill-'));
    const out = path.join(work, 's');
    const args = ['--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--objective', 'sharpe', '--out', out, '--unsigned', '--workers', '1'];
    const child = spawn(process.execPath, ['bin/backproof.js', 'sweep', ...args, '--grid', 'fast=2..40', '--grid', 'slow=50..90:10'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let partial: string | undefined;
    for (let i = 0; i < 400 && partial === undefined; i++) {
      await sleep(100);
      const p = (await readdir(work)).find((n) => n.startsWith('s.partial-'));
      if (p && existsSync(path.join(work, p, 'runs'))) partial = p;
    }
    expect(partial, 'the sweep never started writing runs').toBeDefined();
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(await readdir(work)).toEqual([partial]);
    const dir = path.join(work, partial!);
    const v = await cli('verify', dir, '--json');
    expect(v.code).toBe(5);
    expect(JSON.parse(v.out)).toMatchObject({ code: 'VERIFY_FAILED', step: 'sweep-record', message: `${dir} is the partial folder of a sweep that process ${child.pid} left unfinished (it is no longer running: killed?): nothing in it was published; remove it (a later sweep into the same --out removes it)` });
    // a running process's partial is left alone (pid 1 always runs)
    const live = path.join(work, 's.partial-1-1');
    await mkdir(live);
    const again = await cli('sweep', ...args, '--grid', 'fast=5', '--grid', 'slow=20');
    expect(again.code).toBe(0);
    expect((await readdir(work)).sort()).toEqual(['s', 's.partial-1-1']);
  }, 120_000);

  it('a backtest into a folder removes the partial folders beside it of processes no longer running, not of running ones', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'backproof-backtest-stale-'));
    const gone = spawn(process.execPath, ['-e', '']);
    const deadPid = await new Promise<number>((resolve) => gone.on('exit', () => resolve(gone.pid!)));
    for (const name of [`r.partial-${deadPid}-1`, `r.partial-${deadPid}-2`, 'r.partial-1-1', `other.partial-${deadPid}-1`]) await mkdir(path.join(work, name));
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', path.join(work, 'r'), '--unsigned', '--quiet', '--no-report');
    expect(r.code).toBe(0);
    expect((await readdir(work)).sort()).toEqual([`other.partial-${deadPid}-1`, 'r', 'r.partial-1-1']);
  }, 120_000);
});
