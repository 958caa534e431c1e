// What --out may replace and what an interrupt leaves: --force replaces only a run folder (it holds
// record.pb) or an empty folder, never a folder of notes, the working folder, or a folder holding the
// strategy or data, from the CLI and from the API alike; build and report write only a .wasm and an
// .html; Ctrl-C while a run is written removes its partial folder and exits 130.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { executeRun, type StrategyArtifact } from '../../host/run/execute.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { backtest } from '../../host/api.ts';

const bin = path.resolve('bin/backproof.js');
const goog = path.resolve('data/GOOG.csv');
let work: string, wasmFile: string, strategy: StrategyArtifact;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-out-safety-'));
  strategy = await loadStrategy('strategies-as/sma-cross.ts');
  wasmFile = path.join(work, 'sma.wasm');
  await writeFile(wasmFile, strategy.wasm);
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const run = (out: string, ...more: string[]) => cli('backtest', '--strategy', wasmFile, '--data', goog, '--out', out, '--unsigned', '--no-report', ...more);

/** The CLI as its own process in `cwd`. */
function spawned(cwd: string, args: string[]): Promise<{ code: number | null; signal: string | null; err: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code, signal) => resolve({ code, signal, err }));
  });
}

describe('backtest --out … --force', () => {
  it('refuses a folder that is not a run folder and not empty, and touches nothing in it', async () => {
    const notes = path.join(work, 'notes');
    await mkdir(notes);
    await writeFile(path.join(notes, 'x.txt'), 'keep\n');
    const r = await run(notes, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`OUTPUT_EXISTS: output folder ${notes} is not a run folder (no record.pb) and not empty; only a run folder or an empty folder is replaced, so it is left as it is`);
    expect(await readdir(notes)).toEqual(['x.txt']);
    expect(await readFile(path.join(notes, 'x.txt'), 'utf8')).toBe('keep\n');
  }, 60_000);

  it('without --force an existing run folder is refused in the CLI\'s words (--force), in the API\'s by the API (force: true)', async () => {
    const runDir = path.join(work, 'twice');
    expect((await run(runDir)).code).toBe(0);
    const r = await run(runDir);
    expect([r.code, r.err]).toEqual([2, `backproof backtest: error OUTPUT_EXISTS: output folder ${runDir} already exists; pass --force to replace it`]);
    await expect(backtest({ strategy: wasmFile, data: goog, out: runDir, key: null, report: false })).rejects.toThrow(`output folder ${runDir} already exists; pass force: true to replace it`);
  }, 60_000);

  it('replaces an empty folder and a run folder', async () => {
    const empty = path.join(work, 'empty');
    await mkdir(empty);
    expect((await run(empty, '--force')).code).toBe(0);
    expect(existsSync(path.join(empty, 'record.pb'))).toBe(true);
    await writeFile(path.join(empty, 'stray.txt'), 'a run folder holds record.pb: replaced whole\n');
    expect((await run(empty, '--force')).code).toBe(0);
    expect(existsSync(path.join(empty, 'stray.txt'))).toBe(false);
    expect(existsSync(path.join(empty, 'record.pb'))).toBe(true);
  }, 60_000);

  it('refuses a run folder holding the data, and a folder above the data, even with --force', async () => {
    const runDir = path.join(work, 'holds-data');
    expect((await run(runDir)).code).toBe(0);
    const data = path.join(runDir, 'GOOG.csv');
    await copyFile(goog, data);
    const r = await cli('backtest', '--strategy', wasmFile, '--data', data, '--out', runDir, '--force', '--unsigned', '--no-report');
    expect([r.code, r.err]).toEqual([2, expect.stringContaining(`OUTPUT_EXISTS: output folder ${runDir} holds ${data}; it is not a run folder and is never replaced`)]);
    expect(existsSync(data)).toBe(true);
    const up = await cli('backtest', '--strategy', wasmFile, '--data', data, '--out', work, '--force', '--unsigned', '--no-report');
    expect([up.code, up.err]).toEqual([2, expect.stringContaining(`output folder ${work} holds ${wasmFile}`)]);
  }, 60_000);

  it('refuses the working folder (--out .) and its parent (--out ..) in a real process: the project stays whole', async () => {
    const project = path.join(work, 'project');
    await mkdir(path.join(project, 'src'), { recursive: true });
    await writeFile(path.join(project, 'package.json'), '{}\n');
    await copyFile(wasmFile, path.join(project, 'src', 'strategy.wasm'));
    // Even a folder that looks like a run: the working folder is never replaced.
    await writeFile(path.join(project, 'record.pb'), '');
    for (const out of ['.', '..']) {
      const r = await spawned(project, ['backtest', '--strategy', 'src/strategy.wasm', '--data', goog, '--out', out, '--force', '--unsigned', '--no-report']);
      expect([r.code, r.err]).toEqual([2, expect.stringContaining(`OUTPUT_EXISTS: output folder ${out} holds the working folder; it is not a run folder and is never replaced`)]);
    }
    expect((await readdir(project)).sort()).toEqual(['package.json', 'record.pb', 'src']);
    expect(existsSync(path.join(project, 'src', 'strategy.wasm'))).toBe(true);
  }, 60_000);

  it('the API goes through the same rule', async () => {
    const notes = path.join(work, 'api-notes');
    await mkdir(notes);
    await writeFile(path.join(notes, 'x.txt'), 'keep\n');
    await expect(backtest({ strategy: wasmFile, data: goog, out: notes, force: true, key: null, report: false })).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect(await readdir(notes)).toEqual(['x.txt']);
  }, 60_000);

  it('partial folders left by a dead process with this pid neither block a run nor are taken for it', async () => {
    const out = path.join(work, 'after-stale');
    const stale = Array.from({ length: 64 }, (_, i) => `${out}.partial-${process.pid}-${i + 1}`);
    for (const s of stale) {
      await mkdir(s);
      await writeFile(path.join(s, 'left.txt'), 'by a dead run\n');
    }
    const config = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
    const outcome = executeRun({ strategy, data: await openData(goog, {}), config });
    await writeRunDir({ dir: out, force: false, outcome, strategy, config, key: null });
    expect(existsSync(path.join(out, 'record.pb'))).toBe(true);
    expect(existsSync(path.join(out, 'left.txt'))).toBe(false);
    for (const s of stale) expect(await readdir(s)).toEqual(['left.txt']);
  }, 60_000);
});

describe('build --out and report --out', () => {
  it('build writes only a .wasm: a source named as --out is refused and left as it is', async () => {
    const src = path.join(work, 'src-copy.ts');
    await copyFile('strategies-as/sma-cross.ts', src);
    const before = await readFile(src, 'utf8');
    const r = await cli('build', src, '--out', src);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining(`USAGE: --out ${src}: the module's file must end in .wasm`)]);
    expect(await readFile(src, 'utf8')).toBe(before);
  }, 60_000);

  it('report writes only an .html: a source named as --out is refused and left as it is', async () => {
    const runDir = path.join(work, 'for-report');
    expect((await run(runDir)).code).toBe(0);
    const src = path.join(work, 'noop.ts');
    await writeFile(src, 'export const x = 1;\n');
    const r = await cli('report', runDir, '--out', src);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining(`USAGE: --out ${src}: the report's file must end in .html`)]);
    expect(await readFile(src, 'utf8')).toBe('export const x = 1;\n');
    const page = path.join(work, 'page.html');
    await writeFile(page, 'old');
    expect((await cli('report', runDir, '--out', page)).code).toBe(0); // an existing page: written again
    expect((await readFile(page, 'utf8')).startsWith('<!doctype html>')).toBe(true);
  }, 60_000);
});

describe('an interrupted backtest', () => {
  it('SIGINT while the run folder is written: its partial folder is removed, exit code 130', async () => {
    const dir = path.join(work, 'intr');
    await mkdir(dir);
    const rows = ['Datetime,Open,High,Low,Close,Volume'];
    const t0 = Date.UTC(2000, 0, 1);
    for (let i = 0; i < 300_000; i++) {
      const c = (100 + 20 * Math.sin(i / 500) + (i % 7) * 0.1).toFixed(2);
      rows.push(`${new Date(t0 + i * 60_000).toISOString().slice(0, 19)},${c},${(+c + 0.5).toFixed(2)},${(+c - 0.5).toFixed(2)},${c},1000`);
    }
    const csv = path.join(dir, 'big.csv');
    await writeFile(csv, rows.join('\n') + '\n');
    const p = spawn(process.execPath, [bin, 'backtest', '--strategy', wasmFile, '--data', csv, '--out', path.join(dir, 'run'), '--unsigned', '--quiet'], { stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => p.on('close', (code, signal) => resolve({ code, signal })));
    let seen = false;
    const deadline = Date.now() + 12_000;
    while (!seen && Date.now() < deadline && p.exitCode === null) {
      seen = readdirSync(dir).some((f) => f.startsWith('run.partial-'));
      if (!seen) await new Promise((r) => setTimeout(r, 2));
    }
    expect(seen).toBe(true);
    p.kill('SIGINT');
    const hung = setTimeout(() => p.kill('SIGKILL'), 15_000); // a CLI that ignored the interrupt shows as signal SIGKILL
    expect(await exited).toEqual({ code: 130, signal: null });
    clearTimeout(hung);
    expect(readdirSync(dir)).toEqual(['big.csv']);
  }, 30_000);
});
