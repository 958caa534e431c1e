// A data file must be a regular file: a run reads it twice (its SHA-256 first, then its bars), so a pipe or a
// device cannot be one, and reading a FIFO would wait for a writer forever (an outside tester's hang).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../host/errors.ts';
import { loadData, openData } from '../../host/data/load.ts';

const work = mkdtempSync(path.join(tmpdir(), 'backproof-not-regular-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a data path that is not a regular file', () => {
  const fifo = path.join(work, 'bars.csv');
  execFileSync('mkfifo', [fifo]);
  const folder = path.join(work, 'folder.csv');
  mkdirSync(folder);

  for (const [what, file] of [['a FIFO', fifo], ['a folder', folder]] as const) {
    it(`${what}: DATA_NOT_FOUND naming it, at once (openData and loadData)`, async () => {
      for (const read of [() => openData(file), () => loadData(file)]) {
        const e = await read().catch((x: unknown) => x);
        expect(e).toBeInstanceOf(DataError);
        expect((e as DataError).code).toBe('DATA_NOT_FOUND');
        expect((e as Error).message).toBe(`cannot read data file ${file}: it is not a regular file (a data file is read twice, to hash and to parse, so a pipe or device cannot be one)`);
      }
    }, 10_000);
  }
});
