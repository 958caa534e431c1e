// A sweep interrupted (SIGINT, a real process) mid-way leaves nothing: neither --out nor the partial
// folder beside it with the runs written so far, and exits 130.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
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
});
