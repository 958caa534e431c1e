// A run-folder argument that does not exist, or is a file, is a slip of the command line: a usage error
// (exit 2) naming the path, never "record.pb is missing" with exit 5, which tells a script "tampered"
// (outside tester's D13). Every command that reads a run folder, through the real CLI.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'bp-missing-run-'));
const missing = path.join(work, 'nonexist');
const file = path.join(work, 'a-file');
writeFileSync(file, 'not a run\n');

const commands = (dir: string): string[][] => [
  ['verify', dir],
  ['verify', dir, '--json'],
  ['replay', dir],
  ['diff', dir, dir],
  ['trace', dir],
  ['prove', dir, '--order', '0'],
];

describe('a run folder that is not there', () => {
  it('does not exist: exit 2, "run folder … does not exist"', async () => {
    for (const argv of commands(missing)) {
      const r = await cli(...argv);
      expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 2]);
      if (argv.includes('--json')) expect(JSON.parse(r.out)).toMatchObject({ code: 'USAGE', step: null, message: `run folder ${missing} does not exist`, exit: 2 });
      else expect(r.err).toContain(`backproof ${argv[0]}: error USAGE: run folder ${missing} does not exist\n`);
    }
  }, 60_000);

  it('is a file, or under one: exit 2 saying so', async () => {
    for (const argv of commands(file).filter((a) => !a.includes('--json'))) {
      const r = await cli(...argv);
      expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 2]);
      expect(r.err).toContain(`backproof ${argv[0]}: error USAGE: ${file} is not a folder: name a run folder\n`);
    }
    const r = await cli('verify', path.join(file, 'run'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`error USAGE: run folder ${path.join(file, 'run')} cannot be read (ENOTDIR)\n`);
  }, 60_000);

  it('report and export (their own check) also exit 2 naming the path', async () => {
    for (const argv of [['report', missing], ['export', missing, '--equity']]) {
      const r = await cli(...argv);
      expect([argv[0], r.code]).toEqual([argv[0], 2]);
      expect(r.err).toContain(`backproof ${argv[0]}: error USAGE: ${missing} is not a run folder`);
    }
  });
});
