// A FIFO (or anything but a regular file) at a column-cache file's name is skipped as an unusable
// cache, never waited on: opening a FIFO for reading blocks until a writer comes. Each load runs in
// a child process with a timeout, so a regression fails here instead of hanging the suite.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LOAD = fileURLToPath(new URL('../../host/data/load.ts', import.meta.url));
const CSV = 'Date,Open,High,Low,Close,Volume\n2020-01-01,1,2,1,1.5,10\n2020-01-02,1.5,2,1,1.25,20\n';

/** Loads `file` in a child process (`stream`: through openData's streamed path) and prints its closes. */
function load(root: string, file: string, stream: boolean): { status: number | null; out: string; err: string } {
  const script = `const d = await import(${JSON.stringify(LOAD)});
    const closes = [];
    if (${stream}) { const src = (await d.openData(${JSON.stringify(file)}, {}, 0)).open(); for (let c = src.next(); c; c = src.next()) closes.push(...c.close); }
    else closes.push(...(await d.loadData(${JSON.stringify(file)})).bars.close);
    console.log(closes.join(','));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, BACKPROOF_CACHE_DIR: root }, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr };
}

describe.skipIf(process.platform === 'win32')('a FIFO at a column-cache file name', () => {
  for (const stream of [false, true]) {
    it(`is skipped, and the CSV read (${stream ? 'streamed' : 'in memory'})`, () => {
      const root = mkdtempSync(path.join(tmpdir(), 'backproof-cache-fifo-'));
      try {
        const file = path.join(root, 'f.csv');
        writeFileSync(file, CSV);
        // The first load writes the cache: its name is where the FIFO goes.
        expect(load(root, file, stream)).toMatchObject({ status: 0, out: '1.5,1.25' });
        const columns = path.join(root, 'columns');
        const [name] = readdirSync(columns);
        expect(name).toMatch(/^\d+-[0-9a-f]{64}-[0-9a-f]{16}\.bpcol$/);
        rmSync(path.join(columns, name!));
        execFileSync('mkfifo', [path.join(columns, name!)]);
        const r = load(root, file, stream);
        expect(r.status, r.err).toBe(0); // null: killed by the timeout, i.e. it waited on the FIFO
        expect(r.out).toBe('1.5,1.25');
        // The fresh cache replaced the FIFO (written aside, renamed into place), and is read next time.
        expect(lstatSync(path.join(columns, name!)).isFile()).toBe(true);
        expect(load(root, file, stream)).toMatchObject({ status: 0, out: '1.5,1.25' });
        // A folder at the name is skipped too (and left: rename cannot replace it).
        rmSync(path.join(columns, name!));
        mkdirSync(path.join(columns, name!));
        expect(load(root, file, stream)).toMatchObject({ status: 0, out: '1.5,1.25' });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }, 120_000);
  }
});
