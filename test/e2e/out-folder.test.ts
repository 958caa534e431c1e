// --out: a folder that cannot be written is a usage error naming --out; two real processes
// writing the same folder at once give one run and one OUTPUT_EXISTS (or, with --force, one whole
// run); a run that fails late leaves nothing behind that looks like a run.
import { beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { executeRun, type StrategyArtifact } from '../../host/run/execute.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';

let work: string, wasmFile: string, strategy: StrategyArtifact;
const config = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-out-'));
  strategy = await loadStrategy('strategies-as/sma-cross.ts');
  wasmFile = path.join(work, 'sma.wasm');
  await writeFile(wasmFile, strategy.wasm);
}, 120_000);

const node = process.execPath;
function writer(out: string, barrier: string, force: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(node, ['test/helpers/write-run.ts', wasmFile, out, barrier, force ? 'force' : ''], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    p.stdout.on('data', (d) => (text += d));
    p.on('error', reject);
    p.on('close', () => resolve(text.trim()));
  });
}

describe('--out', () => {
  it('under a regular file, or in a folder this process may not write: USAGE naming --out, before the run', async () => {
    await writeFile(path.join(work, 'plain'), 'x');
    const r = await cli('backtest', '--strategy', 'strategies-as/no-such.ts', '--data', 'data/GOOG.csv', '--out', path.join(work, 'plain', 'run'), '--unsigned');
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/USAGE: --out .*plain\/run: .*plain is a file, not a folder/)]);
    const ro = path.join(work, 'readonly');
    await mkdir(ro);
    await chmod(ro, 0o555);
    // As root the permission bits do not apply: run the check as nobody.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    await chmod(work, 0o755); // mkdtemp's 0700 would stop nobody one folder earlier
    const r2 = await new Promise<{ code: number; err: string }>((resolve) => {
      const p = spawn(node, ['bin/backproof.js', 'backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', path.join(ro, 'run'), '--unsigned'], { stdio: ['ignore', 'ignore', 'pipe'], ...asNobody });
      let err = '';
      p.stderr.on('data', (d) => (err += d));
      p.on('close', (c) => resolve({ code: c ?? -1, err }));
    });
    expect(r2.err).toMatch(/error USAGE: --out .*readonly\/run: cannot create a folder in .*readonly \(EACCES\)/);
    expect(r2.code).toBe(2);
  }, 120_000);

  it('a folder where access() says yes but mkdir fails (/proc, even as root): USAGE naming --out before anything runs, for backtest, sweep and walk-forward (F16: an internal error, after the whole run; Node\'s recursive mkdir there spins)', () => {
    const out = '/proc/backproof-no-such/run';
    const common = ['--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', out, '--unsigned'];
    const sweep = ['--grid', 'fast=5', '--grid', 'slow=30', '--objective', 'sharpe'];
    for (const [command, ...more] of [['backtest'], ['sweep', ...sweep], ['walk-forward', ...sweep, '--train', '4y', '--test', '2y']]) {
      // its own process with a deadline: without the check, the write spun at 100 % CPU and ignored SIGTERM
      const r = spawnSync(node, ['bin/backproof.js', command!, ...common, ...more], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
      expect([r.status, r.stdout, r.stderr], command).toEqual([2, '', `backproof ${command}: error USAGE: --out ${out}: cannot create a folder in /proc (ENOENT)\nRun "backproof ${command} --help" for usage.\n`]);
    }
  }, 200_000);

  it('two processes writing the same folder at once: one run, one OUTPUT_EXISTS; with --force both succeed and one whole run remains', async () => {
    for (const force of [false, true]) {
      const out = path.join(work, `race-${force}`);
      const barrier = path.join(work, `go-${force}`);
      const both = Promise.all([writer(out, barrier, force), writer(out, barrier, force)]);
      setTimeout(() => void writeFile(barrier, ''), 3000);
      const results = (await both).sort();
      expect(results).toEqual(force ? ['OK', 'OK'] : ['OK', 'OUTPUT_EXISTS']);
      expect((await verifyRun({ dir: out })).steps.at(-1)).toBe('files');
      expect((await readdir(work)).filter((f) => f.startsWith(`race-${force}.`))).toEqual([]);
    }
  }, 180_000);

  it('a run that fails late (while logging, or writing its sources) leaves nothing behind', async () => {
    const outcome = executeRun({ strategy, data: await openData('data/GOOG.csv', {}), config });
    const out = path.join(work, 'late');
    await expect(writeRunDir({ dir: out, force: false, outcome, strategy, config, key: null, beforePublish: async () => { throw new Error('log unavailable'); } })).rejects.toThrow('log unavailable');
    const clash = { ...strategy, sources: [...strategy.sources, { ...strategy.sources[0]!, path: 'strategies-as/sma-cross.ts/inner.ts' }] };
    await expect(writeRunDir({ dir: out, force: false, outcome, strategy: clash, config, key: null })).rejects.toThrow();
    expect((await readdir(work)).filter((f) => f.startsWith('late'))).toEqual([]);
  }, 120_000);
});
