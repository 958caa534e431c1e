// A sweep or walk-forward folder named where a run folder is expected (replay, diff, trace, prove, attest)
// is a usage error (exit 2) saying what the folder is and naming one of its runs, not a verification
// failure (exit 5, "record.pb is missing": that reads as tampering).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'bp-not-run-'));
const sweepDir = path.join(work, 'sweep');
const walkDir = path.join(work, 'walk');
const S = ['--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=10', '--grid', 'slow=30', '--objective', 'sharpe', '--unsigned', '--workers', '1'];

beforeAll(async () => {
  expect((await cli('sweep', ...S, '--out', sweepDir)).code).toBe(0);
  expect((await cli('walk-forward', ...S, '--train', '5y', '--test', '2y', '--out', walkDir)).code).toBe(0);
  expect((await cli('keygen', '--out', path.join(work, 'keys'))).code).toBe(0);
}, 120_000);

const commands = (dir: string, run: string): string[][] => [
  ['replay', dir],
  ['diff', dir, run],
  ['diff', run, dir],
  ['trace', dir],
  ['prove', dir, '--order', '0'],
  ['attest', dir, '--key', path.join(work, 'keys', 'backproof.key'), '--out', path.join(work, 'attest.json')],
];

describe('a sweep or walk-forward folder where a run folder is expected', () => {
  it('a sweep folder: exit 2 naming it and its first run', async () => {
    const run = path.join(sweepDir, 'runs', '0000');
    for (const argv of commands(sweepDir, run)) {
      const r = await cli(...argv);
      expect([argv[0], r.code]).toEqual([argv[0], 2]);
      expect(r.err).toContain(`backproof ${argv[0]}: error USAGE: ${sweepDir} is a sweep folder, not a run folder: name one of its runs, e.g. ${run}\n`);
    }
  }, 60_000);

  it('a walk-forward folder: exit 2 naming it and its first window test run', async () => {
    const run = path.join(walkDir, 'windows', '000', 'out-of-sample', 'runs', '0000');
    for (const argv of commands(walkDir, run)) {
      const r = await cli(...argv);
      expect([argv[0], r.code]).toEqual([argv[0], 2]);
      expect(r.err).toContain(`backproof ${argv[0]}: error USAGE: ${walkDir} is a walk-forward folder, not a run folder: name one of its runs, e.g. ${run}\n`);
    }
  }, 60_000);

  it('a folder that is neither still fails as a run folder missing its record (exit 5)', async () => {
    const r = await cli('replay', work);
    expect(r.code).toBe(5);
    expect(r.err).toContain(`record.pb is missing from run folder ${work}`);
  });
});
