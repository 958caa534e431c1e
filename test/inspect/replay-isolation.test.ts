// `backproof replay --isolation v8|wasi|process`: a real run folder (sma-cross built by the real asc, on
// GOOG) replays to its recorded trace root, result hash, counts and trace bytes under every runtime — the
// isolation is not recorded and changes nothing; a bad value is a usage error (exit 2) naming the option,
// before the folder is read.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backtest } from '../../host/api.ts';
import { replayRun } from '../../host/index.ts';
import { UsageError } from '../../host/errors.ts';
import { BOOT_MARK } from '../../host/sandbox/process/spawn.ts';
import { cli } from '../helpers/cli.ts';
import { descendants, noneLeft } from '../helpers/child-processes.ts';

// The sma-cross golden: its trace root under format 8 (test/golden/trace-v8.json) and result (test/run/isolation).
const ROOT = 'b4af3586f4b56f40a5efb1d362a6f0fcd998669c0d784295cc59129ae70c24d4';
const RESULT = '217ac125e737d1bdc3c9a8cb9bba95fdd4606c9f9eb7d9154defe5e05777fb83';

interface ReplayDoc {
  match: boolean;
  mismatches: string[];
  recorded: { traceRoot: string; result: string; instructions: string; fuelUsed: string; traceBytes: string };
  replayed: { traceRoot: string; result: string; instructions: string; fuelUsed: string; traceBytes: string };
  divergence: unknown;
}

let dir: string;
beforeAll(async () => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'bp-replay-isolation-')), 'run');
  const run = await backtest({ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', key: null, out: dir, report: false });
  expect(run.runId).toBe(run.outcome.runId);
  expect(Buffer.from(run.outcome.trace.root).toString('hex')).toBe(ROOT);
  expect(run.outcome.instructions).toBe(1354070n);
}, 60_000);

describe('replay --isolation', () => {
  it('v8, wasi and process: MATCH with the recorded root, result, counts and bytes; the same document under each', async () => {
    const docs: Record<string, ReplayDoc> = {};
    for (const isolation of ['v8', 'wasi', 'process']) {
      const r = await cli('replay', dir, '--isolation', isolation, '--json');
      expect([isolation, r.code]).toEqual([isolation, 0]);
      docs[isolation] = JSON.parse(r.out) as ReplayDoc;
      expect(docs[isolation].match).toBe(true);
      expect(docs[isolation].mismatches).toEqual([]);
      expect([docs[isolation].replayed.traceRoot, docs[isolation].replayed.result]).toEqual([ROOT, RESULT]);
      expect(docs[isolation].replayed).toEqual(docs[isolation].recorded);
    }
    // The isolation is not in the report: the whole document is v8's.
    expect(docs.wasi).toEqual(docs.v8);
    expect(docs.process).toEqual(docs.v8);
    // Without --isolation: v8's.
    const plain = await cli('replay', dir, '--json');
    expect(JSON.parse(plain.out)).toEqual(docs.v8);
  }, 60_000);

  it('a mismatch (an edited copy of the data): the same MISMATCH and first differing instruction under process as under v8', async () => {
    const edited = path.join(path.dirname(dir), 'GOOG-edited.csv');
    const goog = readFileSync('data/GOOG.csv', 'utf8');
    const row = '2008-08-07,482,484,476.41,479.12';
    expect(goog).toContain(row);
    writeFileSync(edited, goog.replace(row, '2008-08-07,482,684,476.41,679.12'));
    const v8 = await cli('replay', dir, '--data', edited, '--json');
    const proc = await cli('replay', dir, '--data', edited, '--isolation', 'process', '--json');
    expect([v8.code, proc.code]).toEqual([5, 5]);
    const doc = JSON.parse(v8.out) as ReplayDoc & { divergence: { instruction: number } | null };
    expect(doc.mismatches).toEqual(['trace root', 'result']);
    expect(doc.divergence).not.toBeNull();
    expect(JSON.parse(proc.out)).toEqual(doc);
  }, 60_000);

  it('replayRun({ isolation: "process" }) gives v8\'s report', async () => {
    const v8 = await replayRun({ dir });
    // The children of the replays above are kept idle 2 s (sandbox/process/runtime IDLE_MS): none left first.
    expect(await noneLeft(process.pid, BOOT_MARK, 10_000)).toBe(0);
    const proc = await replayRun({ dir, isolation: 'process' });
    expect(proc).toEqual(v8);
    // It ran in a child process, kept idle a moment after for reuse.
    expect((await descendants(process.pid, BOOT_MARK)).size).toBe(1);
    expect([proc.replayedRoot, proc.replayedResult, proc.replayedInstructions]).toEqual([ROOT, RESULT, 1354070n]);
  }, 60_000);

  it('an unknown isolation: exit 2, USAGE naming --isolation and the choices, before the folder is read', async () => {
    const r = await cli('replay', dir, '--isolation', 'docker', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ code: 'USAGE', message: '--isolation must be one of v8, wasi, process, got "docker"' });
    // A folder that does not exist: still the isolation's error, so nothing was read first.
    const missing = await cli('replay', path.join(dir, 'no-such-run'), '--isolation', 'vm');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--isolation must be one of v8, wasi, process, got "vm"');
    const err = await replayRun({ dir: path.join(dir, 'no-such-run'), isolation: 'vm' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toBe('--isolation must be one of v8, wasi, process, got "vm"');
  });
});
