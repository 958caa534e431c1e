// A run of several data files verified, replayed and traced from another folder than the one it ran in
// (its data paths are recorded relative to that folder): --data repeated, one copy per recorded file, in
// record order or as SYMBOL=FILE; a missing data file is a data error (exit 3) saying the paths are
// relative and how to point at copies, in verify as in replay (tester D3: verify refused more than one
// --data, "can stand in for a single recorded file only", exit 5; replay ignored --data).
import { beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, cliProcess } from '../helpers/cli.ts';

let proj: string, run: string, orcl: string, goog: string, runId: string;

beforeAll(async () => {
  proj = await mkdtemp(path.join(tmpdir(), 'backproof-moved-'));
  await mkdir(path.join(proj, 'd'));
  orcl = path.join(proj, 'd', 'orcl.txt');
  goog = path.join(proj, 'd', 'GOOG.csv');
  await cp('test/data/orcl-1995-2014.txt', orcl);
  await cp('data/GOOG.csv', goog);
  // run in the project's folder: the record names d/orcl.txt and d/GOOG.csv, relative to it
  const made = cliProcess(proj, 'backtest', '--strategy', path.resolve('strategies-as/pairs.ts'), '--data', 'ORCL=d/orcl.txt', '--data', 'GOOG=d/GOOG.csv', '--out', 'runs/pairs', '--unsigned', '--json');
  expect(made.code, made.err).toBe(0);
  runId = JSON.parse(made.out).runId;
  run = path.join(proj, 'runs', 'pairs');
}, 180_000);

const json = async (...argv: string[]): Promise<{ code: number; doc: Record<string, unknown> }> => {
  const r = await cli(...argv, '--json');
  return { code: r.code, doc: JSON.parse(r.out) };
};

describe('a two-file run from another folder', () => {
  it('verify without --data: exit 3 DATA_NOT_FOUND, saying the path is relative to the run\'s folder and to pass one --data per file', async () => {
    expect(await json('verify', run)).toEqual({ code: 3, doc: expect.objectContaining({
      code: 'DATA_NOT_FOUND', exit: 3,
      message: 'cannot read data file d/orcl.txt: ENOENT (the run read it there, relative to the folder it was run in; pass --data to point at a copy, one per recorded file)',
    }) });
  });

  it('verify with one --data per file: by symbol in any order, or in record order; in the wrong order the data step fails', async () => {
    for (const data of [[`ORCL=${orcl}`, `GOOG=${goog}`], [`GOOG=${goog}`, `ORCL=${orcl}`], [orcl, goog], [`GOOG=${goog}`, orcl]]) {
      const r = await json('verify', run, ...data.flatMap((d) => ['--data', d]));
      expect([data, r.code, r.doc.runId]).toEqual([data, 0, runId]);
    }
    const swapped = await json('verify', run, '--data', goog, '--data', orcl);
    expect(swapped).toMatchObject({ code: 5, doc: { code: 'VERIFY_FAILED', step: 'data', message: expect.stringMatching(new RegExp(`^SHA-256 of ${goog.replace(/[.]/g, '\\.')} is [0-9a-f]{64}, the record says [0-9a-f]{64}$`)) } });
  });

  it('a count other than the recorded files\', or a symbol twice: a usage error naming the recorded files', async () => {
    expect(await json('verify', run, '--data', goog)).toMatchObject({ code: 2, doc: { code: 'USAGE', message: `--data: run ${runId} read 2 data files (ORCL=d/orcl.txt, GOOG=d/GOOG.csv), 1 given: give one per recorded file, in that order or as SYMBOL=FILE` } });
    expect(await json('verify', run, '--data', `GOOG=${goog}`, '--data', `GOOG=${goog}`)).toMatchObject({ code: 2, doc: { code: 'USAGE', message: '--data: GOOG= is given twice' } });
  });

  it('replay and trace read the copies (replay ignored --data); without them replay is exit 3 with the same hint', async () => {
    const replayed = await cli('replay', run, '--data', `GOOG=${goog}`, '--data', `ORCL=${orcl}`);
    expect([replayed.code, replayed.out.split('\n')[0]]).toEqual([0, expect.stringMatching(/^MATCH trace root [0-9a-f]{64}/)]);
    expect(await json('replay', run)).toMatchObject({ code: 3, doc: { code: 'DATA_NOT_FOUND', message: 'cannot read data file d/orcl.txt: ENOENT (the run read it there, relative to the folder it was run in; pass --data to point at a copy, one per recorded file)' } });
    expect(await json('trace', run, '--count', '2', '--data', orcl, '--data', goog)).toMatchObject({ code: 0, doc: { rootMatches: true, from: 0 } });
  }, 120_000);
});
