// backproof walk-forward on the real thing: sma-cross built by asc, data/GOOG.csv (2004-08-19 to
// 2013-03-01), a sweep of every combination on each train range, the best on the next test range. The
// windows are exact (rolling and anchored); the chosen params are a naive recomputation from the
// in-sample summaries; the stitched equity is the test runs' result.pb chained by hand; 1 and 2 workers
// give the same bytes in every file; one run is proven under the root offline; verify passes, and names the step a changed choice, a changed
// stitched value, a missing test run or an edited plan breaks; a windowed run replays on its own bars;
// bad durations and windows too short are usage errors that write nothing; an interrupt leaves nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { generateKeys } from '../../host/index.ts';
import { decodeResult } from '../../host/audit/codec.ts';
import { verifyWalkForward } from '../../host/walk-forward/index.ts';

let work: string, keyFile: string, pubFile: string, one: string, two: string, anchored: string;
const base = (out: string, ...more: string[]): string[] =>
  ['walk-forward', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=5,10', '--grid', 'slow=30', '--objective', 'sharpe', '--out', out, ...more];
const text = async (dir: string, name: string): Promise<string> => readFile(path.join(dir, name), 'utf8');
const json = async (dir: string, name: string) => JSON.parse(await text(dir, name));

/** Every file under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  return out.sort();
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-walk-forward-'));
  const keys = generateKeys();
  keyFile = path.join(work, 'k.key');
  pubFile = path.join(work, 'k.pub');
  await writeFile(keyFile, keys.privateKeyPem);
  await writeFile(pubFile, keys.publicKeyPem);
  one = path.join(work, 'one');
  two = path.join(work, 'two');
  anchored = path.join(work, 'anchored');
  const a = await cli(...base(two, '--train', '2y', '--test', '1y', '--workers', '2', '--key', keyFile, '--json'));
  expect(a.code, a.err).toBe(0);
  expect(JSON.parse(a.out)).toMatchObject({ schema: 'backproof/walk-forward@1', count: 21, signed: true });
  const b = await cli(...base(one, '--train', '2y', '--test', '1y', '--workers', '1', '--key', keyFile));
  expect(b.code, b.err).toBe(0);
  const c = await cli(...base(anchored, '--train', '4y', '--test', '2y', '--anchored', '--workers', '2', '--unsigned'));
  expect(c.code, c.err).toBe(0);
}, 180_000);

describe('a walk-forward', () => {
  it('rolling windows: train 2y sliding by the test length 1y, the last test range cut at the data\'s end', async () => {
    const plan = await json(two, 'walk-forward.json');
    expect(plan.rule).toEqual({ train: '2y', test: '1y', step: '1y', anchored: false, minBars: 2 });
    expect(plan.span).toMatchObject({ first: '2004-08-19T00:00:00Z', last: '2013-03-01T00:00:00Z', bars: 2148 });
    expect(plan.windows.map((w: { train: { from: string; to: string; bars: number }; test: { from: string; to: string; bars: number } }) => `${w.train.from.slice(0, 10)} ${w.train.to.slice(0, 10)} ${w.train.bars} | ${w.test.from.slice(0, 10)} ${w.test.to} ${w.test.bars}`)).toEqual([
      '2004-08-19 2006-08-19 505 | 2006-08-19 2007-08-19T00:00:00Z 250',
      '2005-08-19 2007-08-19 502 | 2007-08-19 2008-08-19T00:00:00Z 252',
      '2006-08-19 2008-08-19 502 | 2008-08-19 2009-08-19T00:00:00Z 252',
      '2007-08-19 2009-08-19 504 | 2009-08-19 2010-08-19T00:00:00Z 252',
      '2008-08-19 2010-08-19 504 | 2010-08-19 2011-08-19T00:00:00Z 253',
      '2009-08-19 2011-08-19 505 | 2011-08-19 2012-08-19T00:00:00Z 252',
      '2010-08-19 2012-08-19 505 | 2012-08-19 2013-03-01T00:00:00.000000001Z 132',
    ]);
    expect(await readdir(path.join(two, 'windows'))).toEqual(['000', '001', '002', '003', '004', '005', '006']);
    // each run read exactly its window's bars (the data link records the window; bars counted)
    const rec = await json(path.join(two, 'windows', '002', 'out-of-sample', 'runs', '0000'), 'record.json');
    expect(rec.links[2].body.files[0]).toMatchObject({ bars: '252', window: { fromNs: '1219104000000000000', toNs: '1250640000000000000' } });
  });

  it('holds nothing a project\'s `node --test` would run (F19: windows/<w>/test/ held every run\'s .ts sources)', () => {
    const r = spawnSync(process.execPath, ['--test'], { cwd: anchored, encoding: 'utf8' });
    expect(r.stdout).toMatch(/^ℹ tests 0$/m);
    expect(r.status, r.stdout).toBe(0);
    expect(readdirSync(path.join(anchored, 'windows', '000')).sort()).toEqual(['in-sample', 'out-of-sample']);
  });

  it('anchored windows: every train range starts at the first bar', async () => {
    const plan = await json(anchored, 'walk-forward.json');
    expect(plan.windows.map((w: { train: { from: string; to: string }; test: { from: string; to: string } }) => `${w.train.from.slice(0, 10)} ${w.train.to.slice(0, 10)} | ${w.test.from.slice(0, 10)} ${w.test.to.slice(0, 10)}`)).toEqual([
      '2004-08-19 2008-08-19 | 2008-08-19 2010-08-19',
      '2004-08-19 2010-08-19 | 2010-08-19 2012-08-19',
      '2004-08-19 2012-08-19 | 2012-08-19 2013-03-01',
    ]);
    expect((await json(anchored, 'walk-forward-record.json')).count).toBe(9);
  });

  it('is byte-identical for 1 and 2 workers: every file, every run', async () => {
    const files = await tree(two);
    expect(files).toEqual(await tree(one));
    expect(files.filter((f) => f.endsWith('record.pb'))).toHaveLength(21);
    for (const f of files) expect((await readFile(path.join(one, f))).equals(await readFile(path.join(two, f))), f).toBe(true);
  });

  it('chooses on each train range what a naive ranking of its summary gives, and runs that on the test range', async () => {
    const summary = await json(two, 'summary.json');
    const chosen: string[] = [];
    for (const [w, name] of ['000', '001', '002', '003', '004', '005', '006'].entries()) {
      const rows: { index: number; params: Record<string, number>; objective: number | null }[] = (await json(path.join(two, 'windows', name, 'in-sample'), 'summary.json')).rows;
      let best = rows[0]!;
      for (const r of rows) if (r.objective !== null && (best.objective === null || r.objective > best.objective)) best = r; // strict: the lower index keeps a tie
      const test = await json(path.join(two, 'windows', name, 'out-of-sample'), 'sweep.json');
      expect(test.combinations, name).toEqual([{ index: 0, params: best.params }]);
      expect(summary.windows[w].chosen, name).toMatchObject({ index: best.index, params: best.params, objective: best.objective });
      chosen.push(`${best.params.fast}`);
    }
    expect(chosen).toEqual(['10', '5', '10', '10', '5', '5', '5']);
  });

  it('stitches the test runs\' equity: each window from the previous one\'s end, value × (end ÷ cash)', async () => {
    const lines = (await text(two, 'equity.csv')).trimEnd().split('\n');
    expect(lines[0]).toBe('window,time,equity');
    const expected: string[] = [];
    let carried = 10_000;
    for (const [w, name] of ['000', '001', '002', '003', '004', '005', '006'].entries()) {
      const runDir = path.join(two, 'windows', name, 'out-of-sample', 'runs', '0000');
      const equity = decodeResult(new Uint8Array(await readFile(path.join(runDir, 'result.pb')))).equity;
      const scale = carried / 10_000;
      const values = Array.from(equity, (v) => v * scale);
      values.forEach((v) => expected.push(`${w},${v}`));
      carried = values[values.length - 1]!;
    }
    expect(lines.slice(1).map((l) => l.split(',')).map(([w, , v]) => `${w},${v}`)).toEqual(expected);
    expect(lines[1]).toBe('0,2006-08-21T00:00:00Z,10000');
    const summary = await json(two, 'summary.json');
    expect(summary.equityFinal).toBe(carried);
    expect(summary.windows[6].equityEnd).toBe(carried);
    expect(await text(two, 'report.html')).toContain(`<a href="windows/006/out-of-sample/runs/0000/report.html">out-of-sample run ${summary.windows[6].outOfSample.runId}</a>`);
  });

  it('verifies, signed by the pinned key; a windowed run replays, reports and exports on its own bars; report renders the folder again', async () => {
    const v = await cli('verify', two, '--pubkey', pubFile, '--json');
    expect(v.code, v.err).toBe(0);
    const doc = JSON.parse(v.out);
    expect(doc).toMatchObject({ schema: 'backproof/walk-forward-verify@1', ok: true, windows: 7, count: 21, signed: true, keyPinned: true, unverified: [] });
    expect(doc.steps.slice(0, 4)).toEqual(['plan', 'record', 'windows', 'window 0 train']);
    expect(doc.steps.slice(-5)).toEqual(['window 6 test', 'root', 'equity', 'summary', 'report']);
    const r = await cli('replay', path.join(two, 'windows', '003', 'out-of-sample', 'runs', '0000'));
    expect(r.code, r.err + r.out).toBe(0);
    // a windowed run alone: its report and its equity.csv read the recorded window's bars again
    const run = path.join(two, 'windows', '003', 'out-of-sample', 'runs', '0000');
    const runPage = path.join(work, 'run-page.html');
    expect((await cli('report', run, '--out', runPage)).code).toBe(0);
    expect(await readFile(runPage, 'utf8')).toBe(await text(run, 'report.html'));
    const equity = path.join(work, 'run-equity.csv');
    expect((await cli('export', run, '--equity', '--out', equity)).code).toBe(0);
    const rows = (await readFile(equity, 'utf8')).trimEnd().split('\n');
    expect([rows.length - 1, rows[1], rows.at(-1)!.split(',').slice(0, 2).join(',')]).toEqual([252, '0,2009-08-19T00:00:00Z,10000', '251,2010-08-18T00:00:00Z']);
    // report renders the page again from the folder: the same bytes
    const page = path.join(work, 'page.html');
    expect((await cli('report', two, '--out', page)).code).toBe(0);
    expect(await readFile(page, 'utf8')).toBe(await text(two, 'report.html'));
  });

  it('proves one run under the signed root (sweep-prove, verify-sweep-proof): leaves window by window, train runs then the test run', async () => {
    const bundle = path.join(work, 'leaf8.json');
    const p = await cli('sweep-prove', two, '8', '--out', bundle);
    expect(p.code, p.err).toBe(0);
    const b = JSON.parse(await readFile(bundle, 'utf8'));
    // F14: it said "under sweep root" of a walk-forward's
    expect(p.out).toBe(`wrote ${bundle}: run 8 (${b.runId}) under walk-forward root ${b.sweep.root}`);
    const summary = await json(two, 'summary.json');
    expect(b).toMatchObject({ format: 'backproof-sweep-inclusion@1', index: 8, runId: summary.windows[2].outOfSample.runId, recordSha256: summary.windows[2].outOfSample.recordSha256, params: summary.windows[2].chosen.params });
    expect(b.sweep).toEqual(await json(two, 'walk-forward-record.json'));
    const v = await cli('verify-sweep-proof', bundle, '--run', path.join(two, 'windows', '002', 'out-of-sample', 'runs', '0000'), '--pubkey', pubFile);
    expect(v.code, v.err + v.out).toBe(0);
    await writeFile(bundle, JSON.stringify({ ...b, index: 7 }));
    expect((await cli('verify-sweep-proof', bundle, '--json')).code).toBe(5);
  });

  it('verify names what was tampered with: the choice, a stitched value, a missing test run, the plan; lists files nothing binds', async () => {
    const copy = async (name: string): Promise<string> => {
      const dir = path.join(work, `tampered-${name}`);
      await cp(anchored, dir, { recursive: true });
      return dir;
    };
    const choice = await copy('choice');
    const testPlan = path.join(choice, 'windows', '000', 'out-of-sample', 'sweep.json');
    const t = await readFile(testPlan, 'utf8');
    const fast = /"fast": (\d+)/.exec(t)![1]!;
    await writeFile(testPlan, t.replaceAll(`"fast": ${fast}`, `"fast": ${fast === '5' ? 10 : 5}`).replace(`"spec": "${fast}"`, `"spec": "${fast === '5' ? 10 : 5}"`));
    await expect(verifyWalkForward({ dir: choice })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'window 0 test', message: expect.stringContaining('the in-sample choice') });

    const equity = await copy('equity');
    const e = (await text(equity, 'equity.csv')).split('\n');
    e[5] = e[5]!.replace(/,([0-9.]+)$/, (_, v: string) => `,${Number(v) + 0.01}`);
    await writeFile(path.join(equity, 'equity.csv'), e.join('\n'));
    await expect(verifyWalkForward({ dir: equity })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'equity' });

    const missing = await copy('missing');
    await rm(path.join(missing, 'windows', '001', 'out-of-sample', 'runs', '0000'), { recursive: true });
    await expect(verifyWalkForward({ dir: missing })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'window 1 test', message: expect.stringContaining('[runs]') });

    const extra = await copy('extra');
    await writeFile(path.join(extra, 'notes.txt'), 'x');
    await writeFile(path.join(extra, 'windows', '001', 'notes.txt'), 'x');
    await writeFile(path.join(extra, 'windows', '002', 'out-of-sample', 'notes.txt'), 'x');
    await writeFile(path.join(extra, 'windows', '002', 'out-of-sample', 'runs', '0000', 'evil.js'), 'x');
    const nothing = 'nothing in the walk-forward binds it', inSweep = 'nothing in the sweep binds it';
    expect((await verifyWalkForward({ dir: extra })).unverified).toEqual([
      { file: 'notes.txt', why: nothing }, { file: 'windows/001/notes.txt', why: nothing },
      { file: 'windows/002/out-of-sample/notes.txt', why: inSweep }, { file: 'windows/002/out-of-sample/runs/0000/evil.js', why: 'not bound by the record' },
    ]);
    await expect(verifyWalkForward({ dir: extra, strict: true })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'files', message: `unverified under --strict: notes.txt (${nothing}); windows/001/notes.txt (${nothing}); windows/002/out-of-sample/notes.txt (${inSweep}); windows/002/out-of-sample/runs/0000/evil.js (not bound by the record)` });

    // F14: the data elsewhere (the plan names it as given): the message says to pass --data
    const moved = await copy('moved');
    await writeFile(path.join(moved, 'walk-forward.json'), (await text(moved, 'walk-forward.json')).replaceAll('"data/GOOG.csv"', '"data/MOVED.csv"'));
    const sha = (await json(anchored, 'walk-forward.json')).sweep.data[0].sha256;
    await expect(verifyWalkForward({ dir: moved })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'plan', message: expect.stringMatching(new RegExp(`^the plan's data cannot be read: .*data/MOVED\\.csv.*; if it is elsewhere, pass --data FILE \\(a copy of data/MOVED\\.csv, SHA-256 ${sha}\\)$`)) });

    // a folder of the older layout (windows/<w>/train and test) is named as such, not read
    const older = await copy('older');
    await writeFile(path.join(older, 'walk-forward.json'), (await text(older, 'walk-forward.json')).replace('"backproof-walk-forward-plan@2"', '"backproof-walk-forward-plan@1"'));
    await expect(verifyWalkForward({ dir: older })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'plan', message: 'walk-forward.json: format "backproof-walk-forward-plan@1" is the older layout (windows/<w>/train and test), no longer read: run the walk-forward again (it writes "backproof-walk-forward-plan@2": windows/<w>/in-sample and out-of-sample)' });

    const plan = await copy('plan');
    const p = await text(plan, 'walk-forward.json');
    await writeFile(path.join(plan, 'walk-forward.json'), p.replace('"to": "2008-08-19T00:00:00Z"', '"to": "2008-08-20T00:00:00Z"'));
    await expect(verifyWalkForward({ dir: plan })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'plan', message: expect.stringContaining('walk-forward.json') });
    // a plan still consistent with its data (another --min-bars) is not the plan the record signed
    await writeFile(path.join(plan, 'walk-forward.json'), p.replace('"minBars": 2', '"minBars": 3'));
    await expect(verifyWalkForward({ dir: plan })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'record', message: expect.stringContaining('plan hash') });
  });
});

describe('usage errors write nothing', () => {
  it.each([
    [['--train', '2 years', '--test', '1y'], /--train "2 years": expected a whole number/],
    [['--train', '2y', '--test', '0m'], /--test "0m"/],
    [['--train', '2y', '--test', '1y', '--step', '1h'], /--step "1h"/],
    [['--train', '9y', '--test', '1y'], /--train 9y leaves no out-of-sample bar/],
    [['--train', '1d', '--test', '1y'], /window 0's train range 2004-08-19T00:00:00Z\.\.2004-08-20T00:00:00Z holds 1 bar; each range needs at least 2/],
    [['--train', '2y', '--test', '1y', '--min-bars', '253'], /window 0's test range .* holds 250 bars; each range needs at least 253/],
  ])('%j', async (args, message) => {
    const out = path.join(work, `bad-${args.join('')}`.replace(/[^\w-]/g, '_'));
    const r = await cli(...base(out, ...args, '--unsigned', '--json'));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ schema: 'backproof/error@1', code: 'USAGE', message: expect.stringMatching(message) });
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await readdir(work)).filter((n) => n.includes('.partial-'))).toEqual([]);
  });
});

describe('an interrupted walk-forward', () => {
  it('removes its partial folder (windows and runs written so far) and exits 130', async () => {
    const dir = await mkdtemp(path.join(work, 'interrupted-'));
    const out = path.join(dir, 'wf');
    const child = spawn(process.execPath, ['bin/backproof.js', ...base(out, '--train', '2y', '--test', '1y', '--unsigned', '--workers', '1')], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // SIGINT once window 1's in-sample runs are being written
    const runs = async (): Promise<number> => {
      const partial = (await readdir(dir)).find((n) => n.startsWith('wf.partial-'));
      return partial ? (await readdir(path.join(dir, partial, 'windows', '001', 'in-sample', 'runs')).catch(() => [])).length : 0;
    };
    // (polled often: a sweep's lanes make a window's runs quickly, and the walk-forward may be past window 1 within 100 ms)
    for (let i = 0; i < 12_000 && (await runs()) < 1; i++) await new Promise((r) => setTimeout(r, 5));
    expect(await runs(), 'window 1 never started').toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(await readdir(dir)).toEqual([]);
  }, 90_000);
});
