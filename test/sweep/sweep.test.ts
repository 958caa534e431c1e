// backproof sweep on the real thing: sma-cross built by asc, data/GOOG.csv, every combination an audited
// run on a guest thread. The sweep root and every file are byte-identical for 1 and 2 workers and for
// any completion order (assembleSweep over shuffled results); verify passes a whole sweep and names
// what was broken in a tampered run, a missing run, a swapped run, a reordered summary, a changed
// sweep.json or sweep record; an inclusion bundle proves one run offline; the report lists the exact
// top rows; bad options are typed usage errors that leave nothing behind.
import { beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { generateKeys } from '../../host/index.ts';
import { assembleSweep, combinationsOf, planText, proveSweepRun, readPlan, readSweepRecord, renderSweepReport, MAX_HEATMAP_CELLS, verifySweep, verifySweepProof, type CombinationResult, type SweepPlan } from '../../host/sweep/index.ts';
import { createPrivateKey } from 'node:crypto';

let work: string, keyFile: string, pubFile: string, one: string, two: string;
const GRID = ['--grid', 'slow=20,30', '--grid', 'fast=5..10:5', '--where', 'fast < slow'];
const base = (out: string, ...more: string[]): string[] =>
  ['sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', ...GRID, '--objective', 'sharpe', '--out', out, ...more];
const files = ['sweep.json', 'summary.json', 'summary.csv', 'sweep-record.json', 'report.html'];
const text = async (dir: string, name: string): Promise<string> => readFile(path.join(dir, name), 'utf8');

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-sweep-'));
  const keys = generateKeys();
  keyFile = path.join(work, 'k.key');
  pubFile = path.join(work, 'k.pub');
  await writeFile(keyFile, keys.privateKeyPem);
  await writeFile(pubFile, keys.publicKeyPem);
  one = path.join(work, 'one');
  two = path.join(work, 'two');
  const a = await cli(...base(two, '--workers', '2', '--key', keyFile, '--json'));
  expect(a.err).not.toMatch(/error/i);
  expect(a.code).toBe(0);
  const b = await cli(...base(one, '--workers', '1', '--key', keyFile));
  expect(b.code).toBe(0);
}, 120_000);

describe('a sweep', () => {
  it('is byte-identical for 1 and 2 workers: plan, summary, record, report and every run record', async () => {
    for (const f of files) expect(await text(one, f), f).toBe(await text(two, f));
    const runs = await readdir(path.join(two, 'runs'));
    expect(runs).toEqual(['0000', '0001', '0002', '0003']);
    for (const r of runs) expect(await readFile(path.join(one, 'runs', r, 'record.pb'))).toEqual(await readFile(path.join(two, 'runs', r, 'record.pb')));
    const record = JSON.parse(await text(two, 'sweep-record.json'));
    expect(record).toMatchObject({ format: 'backproof-sweep-record@1', count: 4 });
    expect(record.signature).toMatch(/^[0-9a-f]{128}$/);
  });

  it('the strategy\'s files are one copy, hard-linked from the thread\'s first run; a run copied out on its own verifies', async () => {
    // (one worker: runs 1-3 link to run 0's files; each run folder is still whole)
    const strategyFiles = ['strategy.wasm', 'package-lock.json', 'sources/strategies-as/sma-cross.ts', 'sources/guest-sdk/index.ts'];
    for (const f of strategyFiles) {
      const first = await stat(path.join(one, 'runs', '0000', f));
      expect([f, first.nlink]).toEqual([f, 4]);
      for (const r of ['0001', '0002', '0003']) expect([f, r, (await stat(path.join(one, 'runs', r, f))).ino]).toEqual([f, r, first.ino]);
    }
    // what differs per run is written per run
    expect((await stat(path.join(one, 'runs', '0001', 'record.pb'))).nlink).toBe(1);
    const alone = path.join(work, 'run-alone');
    await cp(path.join(one, 'runs', '0002'), alone, { recursive: true });
    const v = await cli('verify', alone, '--pubkey', pubFile);
    expect(v.code, v.err).toBe(0);
  });

  it('summary rows in canonical order with the objective and stats as each run\'s stats.json has them', async () => {
    expect((await text(two, 'summary.csv')).split('\n').map((l) => l.split(',').slice(0, 3).concat(l.split(',')[5] ?? '').join(','))).toEqual([
      'index,fast,slow,objective', '0,5,20,0.6183790644303085', '1,5,30,0.5474154617472727', '2,10,20,0.715702895129024', '3,10,30,0.5839644134181166', ',',
    ]);
    const summary = JSON.parse(await text(two, 'summary.json'));
    expect(summary.best).toBe(2);
    expect(summary.rows[3].stats.trades).toBe(65);
    const stats = JSON.parse(await text(path.join(two, 'runs', '0003'), 'stats.json'));
    expect(summary.rows[3].objective).toBe(stats.sharpe);
  });

  it('assembleSweep over the results in any completion order writes the same bytes', async () => {
    const plan: SweepPlan = readPlan(await readFile(path.join(two, 'sweep.json')));
    const summary = JSON.parse(await text(two, 'summary.json'));
    const results: CombinationResult[] = [];
    for (const row of summary.rows) {
      const stats = JSON.parse(await text(path.join(two, 'runs', String(row.index).padStart(4, '0')), 'stats.json'));
      results.push({ index: row.index, runId: row.runId, recordSha256: row.recordSha256, runDir: '', stats });
    }
    const key = createPrivateKey(await readFile(keyFile, 'utf8'));
    for (const order of [[3, 1, 0, 2], [2, 3, 1, 0]]) {
      const dir = await mkdtemp(path.join(work, 'assembled-'));
      await assembleSweep(plan, order.map((k) => results[k]!), { dir, key });
      for (const f of files.slice(1)) expect(await text(dir, f), f).toBe(await text(two, f));
    }
    await expect(assembleSweep(plan, results.slice(1), { dir: work, key })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringMatching(/combination 0 has no result/) });
  });

  it('report.html: the heatmap and the top runs, each linking its run\'s report', async () => {
    const html = await text(two, 'report.html');
    // each statistic once: the objective (sharpe) in its own column, not again among the others (tester: it was shown twice)
    expect(html).toContain('<tr><th>rank</th><th>index</th><th>fast</th><th>slow</th><th>sharpe</th><th>returnPct</th><th>maxDrawdownPct</th><th>trades</th><th>winRatePct</th><th>equityFinal</th><th>run</th></tr>');
    expect(html).toContain('<tr><td>1</td><td>2</td><td>10</td><td>20</td><td>0.7157</td><td>718.1237</td><td>-32.7937</td><td>93</td><td>54.8387</td><td>81812.3700</td><td><a href="runs/0002/report.html">e6a6cf8f347c5053</a></td></tr>');
    expect(html.match(/<tr><td>\d<\/td><td>(\d)<\/td>/g)!.map((m) => m.slice(-6, -5))).toEqual(['2', '0', '3', '1']);
    // worst red, best green, linear between (0.6184 is 0.42 of the way from 0.5474 to 0.7157)
    expect(html).toContain('<tr><th>slow \\ fast</th><th>5</th><th>10</th></tr>\n<tr><th>20</th><td style="background:rgb(135,92,56)"><a href="runs/0000/report.html" title="run 0">0.6184</a></td><td style="background:rgb(26,152,80)"><a href="runs/0002/report.html" title="run 2">0.7157</a></td></tr>\n<tr><th>30</th><td style="background:rgb(215,48,39)"><a href="runs/0001/report.html" title="run 1">0.5474</a></td>');
    expect(html).not.toMatch(/<script/);
  });

  it('backproof report <sweep-folder>: the same page again from the runs; other axes only to a file of their own', async () => {
    const copy = await mkdtemp(path.join(work, 'report-'));
    await cp(two, copy, { recursive: true });
    await rm(path.join(copy, 'report.html'));
    await rm(path.join(copy, 'summary.json')); // (the page is made from the runs, not the summary)
    expect((await cli('report', copy)).code).toBe(0);
    expect(await text(copy, 'report.html')).toBe(await text(two, 'report.html'));
    const refused = await cli('report', copy, '--x', 'slow', '--json');
    expect([refused.code, JSON.parse(refused.out).code]).toEqual([2, 'USAGE']);
    const other = path.join(work, 'slow-fast.html');
    expect((await cli('report', copy, '--x', 'slow', '--out', other)).code).toBe(0);
    expect(await readFile(other, 'utf8')).toContain('<tr><th>fast \\ slow</th><th>20</th><th>30</th></tr>\n<tr><th>5</th><td style="background:rgb(135,92,56)"><a href="runs/0000/report.html" title="run 0">0.6184</a></td><td style="background:rgb(215,48,39)"><a href="runs/0001/report.html" title="run 1">0.5474</a></td></tr>');
    expect((await cli('report', copy, '--x', 'nope', '--out', other, '--json')).code).toBe(2);
  });
});

describe('verify <sweep-folder>', () => {
  it('passes a whole sweep, signed by the pinned key; --json is sweep-verify@1', async () => {
    const r = await cli('verify', two, '--pubkey', pubFile, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ schema: 'backproof/sweep-verify@1', ok: true, count: 4, signed: true, keyPinned: true, unverified: [] });
    expect(doc.root).toBe(JSON.parse(await text(two, 'sweep-record.json')).root);
    expect(doc.steps).toEqual(['plan', 'sweep-record', 'runs', 'runs verified', 'root', 'summary', 'report']);
  });

  /** A copy of the sweep, broken by `harm`, then verified: the step and message of its failure. */
  async function broken(harm: (dir: string) => Promise<void>): Promise<{ code: string; step: string; message: string }> {
    const dir = await mkdtemp(path.join(work, 'tampered-'));
    await cp(two, dir, { recursive: true });
    await harm(dir);
    try {
      await verifySweep({ dir });
    } catch (e) {
      const err = e as { code: string; step: string; message: string };
      return { code: err.code, step: err.step, message: err.message };
    }
    throw new Error('verify passed');
  }

  it('a tampered run fails at that run, naming it', async () => {
    const r = await broken(async (d) => {
      const f = path.join(d, 'runs', '0001', 'stats.json');
      await writeFile(f, (await readFile(f, 'utf8')).replace('"trades": 81', '"trades": 82'));
    });
    expect(r).toMatchObject({ code: 'VERIFY_FAILED', step: 'run 1', message: 'runs/0001 does not verify [result]: stats.json line 25 differs from result.pb: "  \\"trades\\": 82," vs "  \\"trades\\": 81,"' });
  });

  it('a run without its report.html fails at that run, naming the file; a lone run folder without one still verifies, --strict too (F5)', async () => {
    expect(await broken((d) => rm(path.join(d, 'runs', '0002', 'report.html')))).toEqual({
      code: 'VERIFY_FAILED', step: 'run 2',
      message: 'runs/0002/report.html is missing: a sweep writes every run\'s report (the sweep\'s report.html links it); `backproof report runs/0002` writes it again',
    });
    // its record binds the page's bytes when there is one, not its presence (backtest --no-report)
    const lone = await mkdtemp(path.join(work, 'lone-'));
    await cp(path.join(two, 'runs', '0002'), lone, { recursive: true });
    await rm(path.join(lone, 'report.html'));
    expect((await cli('verify', lone, '--strict')).code).toBe(0);
  });

  it('a file a run folder does not bind is listed as unverified; --strict fails on it (defect 3: it was ignored, --strict refused)', async () => {
    const dir = await mkdtemp(path.join(work, 'extra-'));
    await cp(two, dir, { recursive: true });
    await writeFile(path.join(dir, 'runs', '0003', 'evil.js'), 'x\n');
    await writeFile(path.join(dir, 'notes.txt'), 'x\n');
    const listed = await cli('verify', dir, '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out).unverified).toEqual(['notes.txt', 'runs/0003/evil.js']);
    const strict = await cli('verify', dir, '--strict', '--json');
    expect(strict.code).toBe(5);
    expect(JSON.parse(strict.out)).toMatchObject({ code: 'VERIFY_FAILED', step: 'files', message: 'unverified under --strict: notes.txt (nothing in the sweep binds it); runs/0003/evil.js (not bound by the record)' });
  });

  it('report.html as sweeps made before wrote it (the objective also among the top runs\' statistics) still verifies; another column does not', async () => {
    const earlier = (html: string, stat: string): string => html
      .replace('<th>sharpe</th><th>returnPct</th>', `<th>sharpe</th><th>returnPct</th><th>${stat}</th>`)
      .replace(/(<tr><td>\d<\/td><td>\d<\/td><td>\d+<\/td><td>\d+<\/td><td>([-\d.]+)<\/td><td>[-\d.]+<\/td>)/g, '$1<td>$2</td>');
    const dir = await mkdtemp(path.join(work, 'earlier-report-'));
    await cp(two, dir, { recursive: true });
    const html = await text(dir, 'report.html');
    const before = earlier(html, 'sharpe');
    expect(before).toContain('<td>0.7157</td><td>718.1237</td><td>0.7157</td><td>-32.7937</td>');
    await writeFile(path.join(dir, 'report.html'), before);
    expect((await cli('verify', dir)).code).toBe(0);
    expect(await broken((d) => writeFile(path.join(d, 'report.html'), earlier(html, 'sortino')))).toMatchObject({ code: 'VERIFY_FAILED', step: 'report' });
  });

  it('a missing run fails at runs, naming it', async () => {
    expect(await broken((d) => rm(path.join(d, 'runs', '0002'), { recursive: true }))).toMatchObject({ step: 'runs', message: 'runs/0002 is missing (1 of 4 runs missing)' });
    expect(await broken((d) => cp(path.join(d, 'runs', '0000'), path.join(d, 'runs', '0004'), { recursive: true }))).toMatchObject({ step: 'runs', message: expect.stringMatching(/^runs\/0004 is not a run of the plan/) });
  });

  it('two runs swapped: each is a valid run, but not its combination', async () => {
    const r = await broken(async (d) => {
      await cp(path.join(d, 'runs', '0000'), path.join(d, 'swap'), { recursive: true });
      await rm(path.join(d, 'runs', '0000'), { recursive: true });
      await cp(path.join(d, 'runs', '0001'), path.join(d, 'runs', '0000'), { recursive: true });
      await rm(path.join(d, 'runs', '0001'), { recursive: true });
      await cp(path.join(d, 'swap'), path.join(d, 'runs', '0001'), { recursive: true });
      await rm(path.join(d, 'swap'), { recursive: true });
    });
    expect(r).toMatchObject({ step: 'run 0', message: 'runs/0000/config.json line 6 differs from the plan\'s config with combination 0\'s params: "    \\"slow\\": 30" vs "    \\"slow\\": 20"' });
  });

  it('a reordered summary fails at summary', async () => {
    const r = await broken(async (d) => {
      const lines = (await readFile(path.join(d, 'summary.csv'), 'utf8')).split('\n');
      [lines[1], lines[2]] = [lines[2]!, lines[1]!];
      await writeFile(path.join(d, 'summary.csv'), lines.join('\n'));
    });
    expect(r).toMatchObject({ step: 'summary', message: expect.stringMatching(/^summary\.csv line 2 differs from the runs: "1,5,30,55c18fb471058806,.*"… vs "0,5,20,0931b91fdb2cf801,/) });
  });

  it('a changed sweep.json fails at plan or at the record\'s plan hash', async () => {
    const edit = (from: string, to: string) => async (d: string): Promise<void> => {
      const f = path.join(d, 'sweep.json');
      const t = await readFile(f, 'utf8');
      expect(t).toContain(from);
      await writeFile(f, t.replace(from, to));
    };
    expect(await broken(edit('"cash": 10000', '"cash": 20000'))).toMatchObject({ step: 'sweep-record', message: expect.stringMatching(/^the record's plan hash is [0-9a-f]{64}, sweep.json hashes to [0-9a-f]{64} \(sweep.json was changed\)$/) });
    expect(await broken(edit('"where": "fast < slow"', '"where": "slow < 30"'))).toMatchObject({ step: 'plan', message: expect.stringMatching(/combinations are not those its space gives/) });
    expect(await broken(edit('"cash": 10000', '"cash":10000'))).toMatchObject({ step: 'plan', message: expect.stringMatching(/not in its canonical form/) });
    // a field the config does not have: canonical JSON, but not the config written again
    expect(await broken(edit('"cash": 10000,', '"cash": 10000,\n    "bonus": 1,'))).toMatchObject({ step: 'plan', message: expect.stringMatching(/not in its canonical form/) });
  });

  it('a sweep.json whose space gives more combinations than it lists fails at plan saying so, not with the sweep command\'s --max-combinations advice (tester D14)', async () => {
    const plan = readPlan(new Uint8Array(await readFile(path.join(two, 'sweep.json'))));
    const edited = planText({ ...plan, combinations: plan.combinations.slice(0, 3) });
    const error = (() => { try { readPlan(new TextEncoder().encode(edited)); } catch (e) { return e; } return null; })();
    expect(error).toMatchObject({
      name: 'AuditError', code: 'VERIFY_FAILED', step: 'plan',
      message: 'sweep.json: its space gives more than 3 combinations, it lists 3: its grids, where or samples were changed after the sweep ran',
    });
  });

  it('a changed sweep record fails its signature; another key fails the pin', async () => {
    const r = await broken(async (d) => {
      const f = path.join(d, 'sweep-record.json');
      const rec = JSON.parse(await readFile(f, 'utf8'));
      rec.count = 3;
      await writeFile(f, JSON.stringify(rec, null, 2) + '\n');
    });
    expect(r).toMatchObject({ step: 'sweep-record', message: expect.stringMatching(/sweepId is [0-9a-f]{16}, its fields give/) });
    const other = generateKeys();
    await writeFile(path.join(work, 'other.pub'), other.publicKeyPem);
    const pinned = await cli('verify', two, '--pubkey', path.join(work, 'other.pub'), '--json');
    expect(pinned.code).toBe(5);
    expect(JSON.parse(pinned.out)).toMatchObject({ code: 'VERIFY_FAILED', step: 'sweep-record' });
  });
});

describe('an inclusion bundle', () => {
  it('proves one run under the signed root, offline; a changed proof or another run fails', async () => {
    const bundle = await proveSweepRun(two, 2);
    expect(bundle).toMatchObject({ format: 'backproof-sweep-inclusion@1', index: 2, params: { fast: 10, slow: 20 }, runId: 'e6a6cf8f347c5053' });
    expect(bundle.proof).toHaveLength(2); // a tree of 4 leaves
    const runPb = new Uint8Array(await readFile(path.join(two, 'runs', '0002', 'record.pb')));
    expect(verifySweepProof(bundle, { runPb })).toMatchObject({ index: 2, runId: 'e6a6cf8f347c5053', signed: true });
    const flipped = { ...bundle, proof: [bundle.proof[0]!.replace(/^./, (c) => (c === '0' ? '1' : '0')), bundle.proof[1]!] };
    expect(() => verifySweepProof(flipped)).toThrow(expect.objectContaining({ code: 'PROOF_INVALID', message: expect.stringMatching(/^the proof leads from run 2's record hash to root/) }));
    expect(() => verifySweepProof({ ...bundle, index: 1 })).toThrow(expect.objectContaining({ code: 'PROOF_INVALID' }));
    const otherRun = new Uint8Array(await readFile(path.join(two, 'runs', '0001', 'record.pb')));
    expect(() => verifySweepProof(bundle, { runPb: otherRun })).toThrow(expect.objectContaining({ code: 'PROOF_INVALID', message: expect.stringMatching(/^the run's record\.pb hashes to/) }));
  });

  it('through the CLI: sweep-prove writes it, verify-sweep-proof checks it with the run folder', async () => {
    const file = path.join(work, 'run3.json');
    expect((await cli('sweep-prove', two, '3', '--out', file)).code).toBe(0);
    const ok = await cli('verify-sweep-proof', file, '--run', path.join(two, 'runs', '0003'), '--pubkey', pubFile, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ schema: 'backproof/verify-sweep-proof@1', ok: true, index: 3, runChecked: true });
    const bad = await cli('verify-sweep-proof', file, '--run', path.join(two, 'runs', '0000'), '--json');
    expect(bad.code).toBe(5);
    expect((await cli('sweep-prove', two, '4', '--json')).code).toBe(2);
  });

  it('proves the record hash only: the bundle\'s run id and params are "not proven" without --run, checked with it (defect 2)', async () => {
    const bundle = JSON.parse(await readFile(path.join(work, 'run3.json'), 'utf8'));
    const file = path.join(work, 'run3-edited.json');
    const edit = async (change: Record<string, unknown>): Promise<void> => writeFile(file, JSON.stringify({ ...bundle, ...change }, null, 2));
    await edit({ runId: '0000000000000000' });
    const alone = await cli('verify-sweep-proof', file);
    expect(alone.code).toBe(0);
    expect(alone.out).toContain(`OK run 3's record (sha256 ${bundle.recordSha256}) is in sweep`);
    expect(alone.out).toContain('not proven by this bundle (its claim: pass --run RUN_DIR to check them against the run\'s record): run id 0000000000000000, params fast=10 slow=30');
    expect(JSON.parse((await cli('verify-sweep-proof', file, '--json')).out)).toMatchObject({ runId: '0000000000000000', params: { fast: 10, slow: 30 }, unproven: ['runId', 'params'], runChecked: false });
    const run3 = path.join(two, 'runs', '0003');
    expect(JSON.parse((await cli('verify-sweep-proof', file, '--run', run3, '--json')).out)).toMatchObject({ code: 'PROOF_INVALID', message: `the run's id is ${bundle.runId}, the bundle names 0000000000000000` });
    await edit({ params: { fast: 99, slow: 1 } });
    const params = await cli('verify-sweep-proof', file, '--run', run3, '--json');
    expect([params.code, JSON.parse(params.out)]).toMatchObject([5, { code: 'PROOF_INVALID', message: 'the run\'s params are fast=10 slow=30, the bundle names fast=99 slow=1' }]);
    await edit({});
    const ok = await cli('verify-sweep-proof', file, '--run', run3);
    expect(ok.out).toContain(`OK run 3 (${bundle.runId}, fast=10 slow=30) is in sweep`);
    await edit({ params: { fast: '10' } });
    expect(JSON.parse((await cli('verify-sweep-proof', file, '--json')).out)).toMatchObject({ code: 'PROOF_INVALID', message: 'its params are not an object of parameter names and finite numbers' });
  });

  it('an index that is not a number, and a field no bundle has, are named (F11: "7" was read as a number, unknown fields ignored)', async () => {
    const bundle = JSON.parse(JSON.stringify(await proveSweepRun(two, 1)));
    expect(verifySweepProof(bundle).index).toBe(1);
    expect(() => verifySweepProof({ ...bundle, index: '1' })).toThrow(expect.objectContaining({ code: 'PROOF_INVALID', step: 'sweep-proof', message: 'its index is "1" (a string), not a whole number from 0 (the run\'s position in the sweep)' }));
    expect(() => verifySweepProof({ ...bundle, index: 1.5 })).toThrow(expect.objectContaining({ message: 'its index is 1.5, not a whole number from 0 (the run\'s position in the sweep)' }));
    expect(() => verifySweepProof({ ...bundle, note: 'x' })).toThrow(expect.objectContaining({ code: 'PROOF_INVALID', message: 'its field "note" is not a sweep inclusion bundle\'s (format, sweep, index, params, runId, recordSha256, proof)' }));
    const { index: _, ...noIndex } = bundle;
    expect(() => verifySweepProof(noIndex)).toThrow(expect.objectContaining({ message: 'its index is null, not a whole number from 0 (the run\'s position in the sweep)' }));
  });

  it('a file of another format is named with its format and the one expected (defect 14)', () => {
    expect(() => verifySweepProof({ format: 'backproof-order@1' })).toThrow(expect.objectContaining({ code: 'PROOF_INVALID', message: 'not a sweep inclusion bundle: its format is "backproof-order@1", expected "backproof-sweep-inclusion@1"' }));
    expect(() => verifySweepProof({})).toThrow(expect.objectContaining({ message: 'not a sweep inclusion bundle: its format is missing, expected "backproof-sweep-inclusion@1"' }));
    expect(() => verifySweepProof([1])).toThrow(expect.objectContaining({ message: 'not a sweep inclusion bundle: expected a JSON object of format "backproof-sweep-inclusion@1", got an array' }));
  });
});

describe('random search', () => {
  it('a sample of a large grid: the heatmap has the runs\' values only, not the grid (defect 1: 3 runs over 1..1000² drew 1,000,036 cells)', async () => {
    const dir = path.join(work, 'sampled-large');
    const r = await cli('sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=1..1000', '--grid', 'slow=1..1000',
      '--where', 'fast*3<slow', '--samples', '3', '--seed', '1', '--objective', 'sharpe', '--out', dir, '--unsigned', '--workers', '2', '--json');
    expect(r.code).toBe(0);
    const plan = readPlan(await readFile(path.join(dir, 'sweep.json')));
    const html = await text(dir, 'report.html');
    const header = html.match(/<tr><th>slow \\ fast<\/th>.*<\/tr>/)![0];
    const fasts = [...new Set(plan.combinations.map((c) => c.params.fast!))].sort((a, b) => a - b);
    expect(header).toBe(`<tr><th>slow \\ fast</th>${fasts.map((v) => `<th>${v}</th>`).join('')}</tr>`);
    expect(html.split('<td').length - 1).toBe(fasts.length * new Set(plan.combinations.map((c) => c.params.slow)).size + 3 * 11); // heatmap cells + the top table's 3 rows of 11 cells
    expect(html.length).toBeLessThan(6000);
    expect((await cli('verify', dir)).code).toBe(0);
  });

  it('a heatmap of more than MAX_HEATMAP_CELLS cells is not drawn; the page says why', async () => {
    const plan = readPlan(await readFile(path.join(two, 'sweep.json')));
    const record = readSweepRecord(await readFile(path.join(two, 'sweep-record.json')), null);
    const rows = Array.from({ length: 201 }, (_, i) => ({ index: i, params: { fast: i, slow: 1000 + i }, runId: '0'.repeat(16), recordSha256: '0'.repeat(64), objective: i, stats: {} }));
    const big = { ...plan, combinations: rows.map((r) => ({ index: r.index, params: r.params })) } as SweepPlan;
    const html = renderSweepReport(big, rows, record);
    expect(html).toContain(`<p class="heat">no heatmap: the runs have 201 values of fast and 201 of slow, more than ${MAX_HEATMAP_CELLS} cells; summary.csv has every run</p>`);
    expect(html).not.toContain('<table class="heat">');
    expect(renderSweepReport(big, rows.slice(0, 199), record)).toContain('<table class="heat">');
  });

  it('--samples N --seed S: the seeded draw in grid order, recorded in the plan and derived again by verify', async () => {
    const dir = path.join(work, 'random');
    const r = await cli('sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=5..15:5', '--grid', 'slow=20..40:10',
      '--where', 'fast < slow', '--samples', '3', '--seed', '7', '--objective', 'maxDrawdownPct', '--out', dir, '--unsigned', '--workers', '2', '--json');
    expect(r.code).toBe(0);
    const plan = readPlan(await readFile(path.join(dir, 'sweep.json')));
    expect(plan.space.random).toEqual({ samples: 3, seed: '7' });
    expect(plan.combinations).toEqual(combinationsOf(plan.space, 100));
    expect(plan.combinations.map((c) => c.index)).toEqual([0, 1, 2]);
    expect((await cli('verify', dir)).code).toBe(0);
    // another seed is another plan: verify derives the combinations from the space and refuses
    const f = path.join(dir, 'sweep.json');
    await writeFile(f, (await readFile(f, 'utf8')).replace('"seed": "7"', '"seed": "8"'));
    const v = await cli('verify', dir, '--json');
    expect([v.code, JSON.parse(v.out).step]).toEqual([5, 'plan']);
  });
});

describe('bad options', () => {
  const refused = async (...more: string[]): Promise<{ code: number; doc: { code: string; message: string } }> => {
    const out = path.join(work, 'refused');
    const r = await cli('sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', out, '--unsigned', '--json', ...more);
    // nothing written: no sweep folder, no partial one beside it
    expect((await readdir(work)).filter((n) => n.startsWith('refused'))).toEqual([]);
    return { code: r.code, doc: JSON.parse(r.out) };
  };

  it('each is a USAGE error naming what is wrong, and nothing is written', async () => {
    const cases: [string[], RegExp][] = [
      [['--grid', 'fast=5..x', '--objective', 'sharpe'], /^--grid fast=5\.\.x: "x" at character 9 is not a decimal number/],
      [['--grid', 'fast=5,10', '--where', 'fast > 99', '--objective', 'sharpe'], /rejects every combination of the grid/],
      [['--grid', 'fast=5,10', '--objective', 'shrape'], /^--objective shrape: "shrape" is not a statistic; choose one of durationDays, bars, .*sharpe/],
      [['--grid', 'fast=5,10', '--grid', 'fast=20', '--objective', 'sharpe'], /^--grid fast is given twice/],
      [['--grid', 'fast=1..200', '--grid', 'slow=1..200', '--objective', 'sharpe'], /the sweep has .* combinations; --max-combinations is 10000/],
      [['--grid', 'fast=1..20', '--objective', 'sharpe', '--max-combinations', '10'], /--max-combinations is 10/],
      [['--grid', 'fast=5,10', '--objective', 'sharpe', '--samples', '3'], /needs both --samples N and --seed S/],
      [['--grid', 'fast=5,10', '--objective', 'sharpe:up'], /expected STAT, STAT:max or STAT:min/],
      // F9: drawdowns are negative, so :min chose the deepest
      [['--grid', 'fast=5,10', '--objective', 'maxDrawdownPct:min'], /^--objective maxDrawdownPct:min: maxDrawdownPct is negative \(-32\.8 means 32\.8 % down\), so :min would choose the deepest drawdown; use maxDrawdownPct:max for the shallowest$/],
      [['--grid', 'fast=5,10', '--objective', 'avgDrawdownPct:min'], /^--objective avgDrawdownPct:min: avgDrawdownPct is negative .* use avgDrawdownPct:max for the shallowest$/],
    ];
    for (const [args, message] of cases) {
      const r = await refused(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.doc, args.join(' ')).toMatchObject({ code: 'USAGE', message: expect.stringMatching(message) });
    }
  });

  it('a run that fails (a parameter the strategy does not read) fails the sweep, leaving nothing', async () => {
    const r = await refused('--grid', 'fats=5', '--objective', 'sharpe', '--workers', '1');
    expect(r.code).toBe(2);
    expect(r.doc).toMatchObject({ code: 'UNKNOWN_PARAM', message: expect.stringMatching(/unknown param "fats"/) });
  });

  it('a failing run is named by its combination and params; stdout has nothing, --quiet or not (defects 9, 15)', async () => {
    const out = path.join(work, 'failing');
    for (const quiet of [[], ['--quiet']]) {
      const r = await cli('sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=0,10', '--grid', 'slow=30', '--objective', 'sharpe', '--out', out, '--unsigned', '--workers', '1', ...quiet);
      expect(r.code).toBe(4);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^backproof sweep: error GUEST_ABORT: combination 0 \(fast=0 slow=30\) failed: guest aborted: SMA period must be positive /);
    }
    expect((await readdir(work)).filter((n) => n.startsWith('failing'))).toEqual([]);
  });

  it('an existing --out is refused before any run, saying what is there (defect 6: it said "pass --force", which sweep has not)', async () => {
    const r = await cli(...base(two, '--unsigned', '--json'));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ code: 'OUTPUT_EXISTS', message: `--out ${two} already exists (a folder); a sweep is never written over anything: name a new folder, or remove that one first` });
    const file = path.join(work, 'a-file');
    await writeFile(file, 'x');
    const f = await cli(...base(file, '--unsigned', '--json'));
    expect([f.code, JSON.parse(f.out).message]).toEqual([2, `--out ${file} already exists (a file); a sweep is never written over anything: name a new folder, or remove that one first`]);
  });
});
